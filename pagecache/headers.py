"""What browsers and a CDN are told about a public page; the page cache itself is invalidated precisely."""

import hashlib

from django.utils.http import http_date

BROWSER_MAX_AGE = 15
STALE_WHILE_REVALIDATE = 30


def cache_control(seconds: int) -> str:
    return (
        f"public, max-age={min(BROWSER_MAX_AGE, seconds)}, s-maxage={seconds}, "
        f"stale-while-revalidate={STALE_WHILE_REVALIDATE}"
    )


def public_headers(response, tags: list[str], *, last_modified: float, seconds: int) -> None:
    """Headers for browsers and a CDN: short browser life, a shared-cache life, purge keys, validators."""
    response["Cache-Control"] = cache_control(seconds)
    response["Surrogate-Key"] = " ".join(sorted(tags))
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    response["Last-Modified"] = http_date(last_modified)
    # Our public pages depend on the URL alone: the session and language cookies do not change them.
    vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
    remaining = [value for value in vary if value.lower() not in {"cookie", "accept-language"}]
    if remaining:
        response["Vary"] = ", ".join(remaining)
    elif response.has_header("Vary"):
        del response["Vary"]
