"""
Tag tokens, generations and this process's copies: what tells whether a stored page is still fresh.

A tag's token is the time it was last invalidated. A page whose tags were invalidated after it began
rendering is not stored: it may show rows read before the edit.

The cache only speeds pages up; when it fails, pages come from the database. The backend turns cache
errors into misses (newsroom/redis_cache.py), and this module reads them as "nothing is known to be
fresh": while the generation cannot be read, no page is served from the cache or from this process's
memory, and none is stored.
"""

import secrets
import time
from collections import OrderedDict

from django.core.cache import cache

# The tag every page carries: "everything" (sections, for one, appear in every page's navigation).
SITE = "site"
PAGE_PREFIX = "page:"
TAG_PREFIX = "page-tag:"
NEXT_SCHEDULED_KEY = "page:next-scheduled"
# Allowance (µs) for app servers' clocks disagreeing about when an invalidation happened.
CLOCK_MARGIN = 1_000_000
# Every invalidation also sets a new generation number (random, so none is ever used twice). A page
# stored in the current generation is fresh without reading its tags' tokens, so a hit costs one round
# trip for two keys; after an edit, each process checks the tokens once per page and remembers the
# generation it found it fresh in.
GENERATION_KEY = "page-generation"
VERIFIED: dict[str, int] = {}
VERIFIED_LIMIT = 20_000
# Each process also keeps its most-read pages in memory and reads the generation from the shared cache
# at most every GENERATION_POLL seconds: a hot page then costs no round trip at all, and an edit made
# on another app server shows here within that time (at once on the server that made it).
GENERATION_POLL = 0.25
LOCAL_PAGES: OrderedDict[str, dict] = OrderedDict()
LOCAL_PAGES_LIMIT = 500
_generation = {"value": 0, "read_at": -1.0}


def new_generation() -> int:
    """A generation number no earlier one can equal (random, so app servers need not agree)."""
    return secrets.randbits(62)


def read_generation() -> int | None:
    """Return the shared cache's generation, or None when the cache cannot be read."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # None yet, or Redis restarted empty: a new number, never an earlier one, so that pages kept in
        # memory from before are checked against their tags (gone now) instead of taken as fresh.
        cache.add(GENERATION_KEY, new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_generation() -> int | None:
    """Return the generation, read from the shared cache at most every GENERATION_POLL seconds."""
    now = time.monotonic()
    if now - _generation["read_at"] > GENERATION_POLL:
        generation = read_generation()
        if generation is None:
            # The cache cannot tell us of invalidations: nothing this process holds is known to be fresh.
            forget_local_pages()
            return None
        _generation.update(value=generation, read_at=now)
    return _generation["value"]


def forget_local_pages() -> None:
    """Drop this process's copies and read the generation afresh on the next request."""
    LOCAL_PAGES.clear()
    _generation["read_at"] = -1.0


def now_token() -> int:
    """A tag token: the time in microseconds (an integer, which the Redis backend stores unpickled)."""
    return time.time_ns() // 1000


def tag_tokens(tags: list[str]) -> dict[str, int] | None:
    """Return, by cache key, when each tag was last invalidated (0 for never); None if the cache fails."""
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, 0, timeout=None)  # atomic: an invalidation racing with us wins
            token = cache.get(key)
            if token is None:
                return None
            found[key] = token
    return {key: found[key] for key in keys}
