"""The purge, in a background worker: it raises when the edge refuses or cannot be reached, to be retried."""

import logging

from core.background import background_task

from .purgers import PurgeFailed, configured_purger

logger = logging.getLogger(__name__)


# Ahead of other background work: every second a purge waits, readers are served the page before the edit.
# Tried again soon (1, 2, 4, … s) and for long (about four minutes in all): an edge that is away for a
# restart should still get the purge the moment it is back.
@background_task(priority=50, attempts=9, backoff_seconds=1)
def purge(keys: list[str]) -> int:
    """Purge the pages carrying any of these surrogate keys from the edge; return how many requests it took."""
    purger = configured_purger()
    if purger is None:
        return 0  # the edge was turned off after the task was queued
    try:
        return purger.purge(keys)
    except PurgeFailed:
        # Whether it is tried again, and when, the worker says next (operations/worker.py), knowing the attempt.
        logger.exception("Purging %d surrogate keys from the edge failed.", len(keys))
        raise
