"""
The bare-Django ceiling: one view returning fixed bytes, no middleware, no database.

Served by gunicorn exactly like Newsroom (`gunicorn bench.bare_django:application`), it shows what
Django itself costs per request on this machine; the page cache is measured as a fraction of it.
"""

import os
from pathlib import Path

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-django-benchmark-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402

BODY = Path(os.environ["BARE_BODY"]).read_bytes()


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
