"""Fastly's batch purge by surrogate key (POST /service/{service_id}/purge)."""

import json
import urllib.parse
import urllib.request

from django.conf import settings

from .base import Purger, required


class FastlyPurger(Purger):
    """Purge up to 256 surrogate keys a request, as Fastly's API allows, with the token in Fastly-Key."""

    BATCH_SIZE = 256

    @classmethod
    def from_settings(cls) -> "FastlyPurger":
        return cls(
            api_url=settings.FASTLY_API_URL,
            token=required("FASTLY_API_TOKEN"),
            service_id=required("FASTLY_SERVICE_ID"),
            timeout=settings.EDGE_PURGE_TIMEOUT,
        )

    def __init__(self, *, api_url: str, token: str, service_id: str, timeout: float):
        super().__init__(timeout=timeout)
        self.endpoint = f"{api_url.rstrip('/')}/service/{urllib.parse.quote(service_id, safe='')}/purge"
        self.token = token

    def purge_batch(self, keys: list[str]) -> int:
        request = urllib.request.Request(
            self.endpoint,
            method="POST",
            data=json.dumps({"surrogate_keys": keys}).encode(),
            headers={"Fastly-Key": self.token, "Content-Type": "application/json", "Accept": "application/json"},
        )
        self.send(request)
        return 1
