"""
Making pages stale: new tokens for their tags and a new generation, on every app server at once.

An invalidation that does not reach the cache is kept and retried, on the next request this process
handles and in the background, until it lands; it then sets new tokens and a new generation, so pages
stored before it are stale on every app server.

The guarantee: a page made stale during a cache outage is not served by any app server once the retry
has landed (a few seconds after the cache answers again: the backend's retry_after plus RETRY_SECONDS),
and never by the process that owes the retry; should that process die first, no stale page outlives
the outage by more than a page's life (PAGE_CACHE_SECONDS), after which every page stored before the
outage has expired.
"""

import logging
import threading

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

from .tokens import GENERATION_KEY, NEXT_SCHEDULED_KEY, SITE, TAG_PREFIX, forget_local_pages, new_generation, now_token

# Invalidations this process has not yet written to the shared cache (it was unreachable), retried on
# each request and every RETRY_SECONDS in the background until they land. Past PENDING_LIMIT tags, the
# site tag, which every page carries, stands for them all.
PENDING: set[str] = set()
PENDING_LIMIT = 1_000
RETRY_SECONDS = 1.0
_pending_lock = threading.Lock()
_retry: dict[str, threading.Timer | None] = {"timer": None}

logger = logging.getLogger(__name__)

# Sent once per invalidation with the exact tags it made stale (keyword argument `tags`, a frozenset), after
# the commit that made them so: what a cache outside this one (an edge, a CDN) purges by surrogate key.
pages_invalidated = Signal()


def invalidate(*tags: str) -> None:
    """Make every cached page showing one of these tags stale, now and on every app server."""
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    try:
        forget_local_pages()
        with _pending_lock:
            PENDING.update(tags)
            if len(PENDING) > PENDING_LIMIT:
                PENDING.clear()
                PENDING.add(SITE)
        write_pending()
    finally:
        # Whatever became of the write here (it is retried), the pages are stale for every other cache too.
        pages_invalidated.send_robust(sender=invalidate, tags=frozenset(tags))


def invalidate_on_commit(*tags: str) -> None:
    """Invalidate when the surrounding transaction commits, so no page is re-cached from old rows."""
    # Robust: the rows are committed, so the save has succeeded whatever happens here; an invalidation
    # that fails is kept and retried by invalidate() itself.
    transaction.on_commit(lambda: invalidate(*tags), robust=True)


def invalidate_everything(**kwargs) -> bool:
    """Make every cached page stale on every app server; return whether the shared cache took it."""
    invalidate(SITE)  # every page carries the site tag; this also gives the cache a new generation
    return write_pending()  # nothing left pending: it reached the cache (a command cannot wait to retry)


def write_pending() -> bool:
    """Write the pending invalidations to the shared cache; return whether none is left."""
    with _pending_lock:
        tags = set(PENDING)  # they stay pending, and pages unserved here, until written
    if not tags:
        return True
    now = now_token()
    written = False
    try:
        # One command: the tags' tokens, a new generation, and the next scheduled change forgotten.
        not_written = cache.set_many(
            {
                **{TAG_PREFIX + tag: now for tag in tags},
                GENERATION_KEY: new_generation(),
                NEXT_SCHEDULED_KEY: None,
            },
            timeout=None,
        )
        written = not not_written
    finally:
        if written:
            with _pending_lock:
                PENDING.difference_update(tags)
        else:
            schedule_retry()
    if written:
        forget_local_pages()  # what this process kept while the invalidation was pending
    return written


def schedule_retry() -> None:
    """Try the pending invalidations again in RETRY_SECONDS, in a thread, if no retry is due."""
    with _pending_lock:
        if _retry["timer"] is not None:
            return
        timer = _retry["timer"] = threading.Timer(RETRY_SECONDS, retry_pending)
    timer.daemon = True
    timer.start()


def retry_pending() -> None:
    """Write the pending invalidations, in the retry thread."""
    with _pending_lock:
        _retry["timer"] = None
    try:
        write_pending()
    except Exception:
        logger.exception("Retrying the page cache's pending invalidations failed.")


def discard_pending() -> None:
    """Drop the invalidations not yet written and their retry (a cleared cache needs none)."""
    with _pending_lock:
        PENDING.clear()
        timer, _retry["timer"] = _retry["timer"], None
    if timer is not None:
        timer.cancel()
