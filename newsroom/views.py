from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_safe


def choose_language(request, language):
    """Remember the reader's choice of language in a cookie, then go to the page they asked for."""
    if language not in dict(settings.LANGUAGES) or not check_for_language(language):
        raise Http404("Unknown language")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = f"/{language}/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


# Browsers ask for /favicon.ico whatever the pages' <link rel="icon"> says (and Safari cannot show the SVG).
# The address carries no hash, so a month: long enough to spare the request, short enough for a new icon.
FAVICON_MAX_AGE = 30 * 24 * 60 * 60


@cache
def _favicon() -> bytes:
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        return icon.read()


@require_safe
def favicon(request):
    """Send the site's icon (static/img/favicon.ico) from the address browsers ask for unprompted."""
    response = HttpResponse(_favicon(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = f"public, max-age={FAVICON_MAX_AGE}"
    return response
