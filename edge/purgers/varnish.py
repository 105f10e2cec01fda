"""Varnish with the xkey vmod (deploy/varnish/newsroom.vcl): a PURGE request to each address."""

import urllib.request

from django.conf import settings

from .base import PurgeFailed, Purger, required


class VarnishPurger(Purger):
    """Send `PURGE /` with the keys in an `xkey-purge` header to every Varnish in EDGE_VARNISH_URLS."""

    # Keys in one header line; a batch stays well under Varnish's 8 KB header limit (http_req_hdr_len).
    BATCH_SIZE = 100

    @classmethod
    def from_settings(cls) -> "VarnishPurger":
        required("EDGE_VARNISH_URLS")
        return cls(urls=settings.EDGE_VARNISH_URLS, timeout=settings.EDGE_PURGE_TIMEOUT)

    def __init__(self, *, urls: list[str], timeout: float):
        super().__init__(timeout=timeout)
        self.urls = [url.rstrip("/") for url in urls]

    def purge_batch(self, keys: list[str]) -> int:
        # Every Varnish is tried even when one fails: those that answer are purged now, and the retry
        # purges them again (harmless) along with the one that did not.
        failures = []
        for url in self.urls:
            request = urllib.request.Request(url + "/", method="PURGE", headers={"xkey-purge": " ".join(keys)})
            try:
                self.send(request)
            except PurgeFailed as error:
                failures.append(str(error))
        if failures:
            raise PurgeFailed("; ".join(failures))
        return len(self.urls)
