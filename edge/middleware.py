"""Name a page's surrogate keys in the header the configured edge reads, when it is not Surrogate-Key."""

from django.core.exceptions import MiddlewareNotUsed

from .purgers import configured_purger


class EdgeKeysMiddleware:
    """Copy Surrogate-Key into the edge's own header (Cloudflare: Cache-Tag, comma-separated)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = getattr(configured_purger(), "KEYS_HEADER", None)
        if self.header is None:
            raise MiddlewareNotUsed  # Varnish and Fastly read Surrogate-Key itself; no edge, nothing to do

    def __call__(self, request):
        response = self.get_response(request)
        if keys := response.get("Surrogate-Key"):
            name, separator = self.header
            response[name] = separator.join(keys.split())
        return response
