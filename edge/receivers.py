"""From pagecache's signal to a queued purge."""

from django.conf import settings

from core.background import enqueue_on_commit

from .purgers import OFF
from .tasks import purge


def purge_on_commit(sender, *, tags: frozenset[str], **kwargs) -> None:
    """Queue a purge of these surrogate keys (sent after the edit's commit, so it is queued at once)."""
    if settings.EDGE_PURGER != OFF:
        enqueue_on_commit(purge, sorted(tags))
