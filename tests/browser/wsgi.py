"""
The app as the browser suite serves it: Django, plus uploaded media from MEDIA_ROOT.

In production nginx serves /media/ (deploy/nginx.conf) and Django serves media only with DEBUG on; the
browser suite runs with DEBUG off and no nginx, so this wrapper stands in for nginx's media rule.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from newsroom.wsgi import application as django_application

# autorefresh: find files uploaded after start-up (the editor's journey uploads a featured image).
application = WhiteNoise(django_application, autorefresh=True)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
