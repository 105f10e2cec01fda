"""Cloudflare's purge by cache tag (POST /client/v4/zones/{zone_id}/purge_cache)."""

import json
import urllib.parse
import urllib.request

from django.conf import settings

from .base import PurgeFailed, Purger, required


class CloudflarePurger(Purger):
    """Purge up to 100 cache tags a request (Cloudflare's limit on every plan), with a bearer API token."""

    BATCH_SIZE = 100
    # Cloudflare indexes a response by the tags in its Cache-Tag header (and removes it before readers see it).
    KEYS_HEADER = ("Cache-Tag", ",")

    @classmethod
    def from_settings(cls) -> "CloudflarePurger":
        return cls(
            api_url=settings.CLOUDFLARE_API_URL,
            token=required("CLOUDFLARE_API_TOKEN"),
            zone_id=required("CLOUDFLARE_ZONE_ID"),
            timeout=settings.EDGE_PURGE_TIMEOUT,
        )

    def __init__(self, *, api_url: str, token: str, zone_id: str, timeout: float):
        super().__init__(timeout=timeout)
        self.endpoint = f"{api_url.rstrip('/')}/client/v4/zones/{urllib.parse.quote(zone_id, safe='')}/purge_cache"
        self.token = token

    def purge_batch(self, keys: list[str]) -> int:
        request = urllib.request.Request(
            self.endpoint,
            method="POST",
            data=json.dumps({"tags": keys}).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        answer = json.loads(self.send(request) or b"{}")
        # Cloudflare may answer 200 with "success": false and the reasons in "errors".
        if not answer.get("success"):
            raise PurgeFailed(f"Cloudflare refused the purge: {answer.get('errors')}")
        return 1
