"""Health probes and the server error page."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .health import readiness, worker_health

# Errors that mean "the database cannot be reached or cannot answer now" (refused, reset, timed out,
# cancelled, deadlocked), as opposed to a bug in a query (ProgrammingError, IntegrityError): the first is
# worth retrying, so it gets 503 and Retry-After; the second is a 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def probe_response(body: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)  # never kept by nginx, a CDN or the page cache
    response["X-Robots-Tag"] = "noindex"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def liveness(request):
    """Answer 200 while this process serves requests; touch nothing else."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return probe_response({"status": "ok"})


def readiness_view(request):
    """Answer 200 when the database and the cache both answer, 503 naming the one that does not."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    results = readiness()
    ready = all(result.ok for result in results)
    checks = {
        result.name: {"status": "ok" if result.ok else "unavailable", "ms": result.milliseconds}
        | ({"error": result.error} if result.error else {})
        for result in results
    }
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    if checks["database"]["status"] == "ok":
        body["workers"] = worker_health()
    return probe_response(body, 200 if ready else 503)


def error_page_language(request) -> str:
    """
    Return the language an error page speaks: the URL's prefix (/en/…, /fa/…), else the language cookie,
    Accept-Language and the default, as for the admin and unprefixed addresses.

    An error can be raised before LocaleMiddleware has run (by the page cache, for one), when the thread
    still speaks the language of the last request it served: the page must not.
    """
    return translation.get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )


def server_error(request):
    """
    Render 500.html, or 503.html with Retry-After when the database is unreachable, in the page's language.

    Django calls this while handling the exception, so sys.exc_info() names it. Neither template queries
    the database or needs a context.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, DATABASE_UNAVAILABLE)
    language = error_page_language(request)
    with translation.override(language):
        html = render_to_string("503.html" if unavailable else "500.html")
    response = HttpResponse(html, status=503 if unavailable else 500)
    response["Content-Language"] = language
    add_never_cache_headers(response)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
