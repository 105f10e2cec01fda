"""How long a page may be kept: PAGE_CACHE_SECONDS, and never past the next scheduled change."""

import time
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

from .tokens import NEXT_SCHEDULED_KEY

# Each returns when pages may next change with no save (a model's page_cache_next_change(), e.g. the next
# scheduled publication, so that a scheduled article appears in lists at its time with no one acting).
# Filled in PageCacheConfig.ready().
SCHEDULES: list[Callable[[], datetime | None]] = []


def page_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def seconds_until_next_scheduled() -> int | None:
    """Return how long until the next scheduled change, read from the cache when known."""
    stamp = cache.get(NEXT_SCHEDULED_KEY)
    if stamp is None:
        upcoming = [moment for schedule in SCHEDULES if (moment := schedule()) is not None]
        stamp = min(upcoming).timestamp() if upcoming else 0
        cache.set(NEXT_SCHEDULED_KEY, stamp, timeout=page_seconds())
    if not stamp:
        return None
    return max(0, int(stamp - time.time()))


def page_lifetime() -> int:
    """Return how many seconds a page stored now may be served."""
    seconds = page_seconds()
    until_scheduled = seconds_until_next_scheduled()
    if until_scheduled is not None:
        seconds = min(seconds, until_scheduled)
    return seconds
