"""Mark anonymous reader requests, which may read from a replica; pin a browser that wrote to the primary."""

import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError

from . import health, reading

# Set on the answer to any request that may have written (POST, PUT, PATCH, DELETE): for a few seconds after,
# the browser reads from the primary, so a person who just saved sees what they saved.
WROTE_COOKIE = "newsroom_wrote"
SAFE_METHODS = ("GET", "HEAD")


def reader_request(request) -> bool:
    """An anonymous GET or HEAD of a public page (PAGE_CACHE_PREFIXES) from a browser that has not just written."""
    return (
        request.method in SAFE_METHODS
        and request.path_info.startswith(tuple(settings.PAGE_CACHE_PREFIXES))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # staff, and anyone signed in
        and WROTE_COOKIE not in request.COOKIES
    )


class ReaderRequestMiddleware:
    """Let reader requests read from a replica (replicas.router); off when DATABASE_REPLICA_URLS lists none."""

    def __init__(self, get_response):
        if not settings.DATABASE_REPLICA_URLS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not reader_request(request):
            response = self.get_response(request)
            if request.method not in SAFE_METHODS:
                response.set_cookie(
                    WROTE_COOKIE,
                    "1",
                    max_age=health.pin_seconds(),
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        reader = reading.ReaderRequest()
        token = reading.current.set(reader)
        try:
            response = self.get_response(request)
            if reader.failed:
                # The replica failed in the middle of the page (process_exception): the reader gets the page
                # from the primary, not the error page, and this process leaves the replica until its next check.
                health.forget(reader.alias, time.monotonic())
                reader.alias, reader.failed = DEFAULT_DB_ALIAS, False
                response = self.get_response(request)
        finally:
            reading.current.reset(token)
        if reader.used_replica():
            # A replica's rows may be up to staleness_bound() older than the request: said on the request, for
            # whoever keeps the page (the page cache dates its rendering back by that much, pagecache/middleware.py).
            request.rows_read_behind_seconds = health.staleness_bound()
        return response

    def process_exception(self, request, exception):
        reader = reading.current.get()
        if reader is not None and reader.used_replica() and isinstance(exception, (OperationalError, InterfaceError)):
            reader.failed = True
        return None
