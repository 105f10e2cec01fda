"""From pagecache's signal to a queued purge."""

from django.conf import settings

from core.background import enqueue_on_commit

from .purgers import OFF
from .tasks import purge


def purge_on_commit(sender, *, tags: frozenset[str], **kwargs) -> None:
    """Queue a purge of these surrogate keys (sent after the edit's commit, so it is queued at once)."""
    if settings.EDGE_PURGER != OFF:
        enqueue_on_commit(purge, sorted(tags))


def media_key(url: str) -> str:
    """The surrogate key the edge gives a media file: its address (deploy/varnish/newsroom.vcl)."""
    return f"media:{url}"


def purge_media(sender, *, urls: list[str], **kwargs) -> None:
    """Queue a purge of media files no longer public (a taken-down article's images), sent after the commit."""
    if settings.EDGE_PURGER != OFF and urls:
        enqueue_on_commit(purge, sorted(media_key(url) for url in urls))
