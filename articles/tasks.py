"""
Featured-image renditions in the background: a save stores the upload and marks it pending
(`Article.note_new_image`), and the worker makes its renditions here (3.2-3.7 s for a 2400×1600 JPEG,
which the editor's save no longer waits for).

The task is idempotent: it makes the files inside `media.atomic()` (a storage error removes those already
written, and the framework tries again after its backoff), then writes the manifest only if the article
still has the image it was queued for, under a row lock. An article deleted since, or whose image was
replaced or removed since, ends the task cleanly: the newer save queued its own.
"""

import logging

from core import media
from core.background import background_task
from core.renditions import delete_renditions_after_commit, is_pending, make_renditions

from .models import Article

logger = logging.getLogger(__name__)


class ImageChanged(Exception):
    """The article's image is no longer the one the renditions were made from."""


@background_task(queue_name="default", attempts=5, backoff_seconds=10)
def make_article_renditions(pk: int, source: str) -> str:
    """Make the renditions of article `pk`'s image `source`; return what happened."""
    return make_renditions_now(pk=pk, source=source)


def make_renditions_now(*, pk: int, source: str, force: bool = False) -> str:
    """
    Make and save the renditions of article `pk`'s image `source` (again, with `force`); return "made",
    "done" (made already), "gone" (the article was deleted) or "replaced" (it has another image now).

    Raises `media.MediaWriteError` when storage refuses a file; none of the files is left behind then.
    """
    article = Article._base_manager.filter(pk=pk).only("pk", "image", "image_renditions").first()
    if article is None:
        logger.info("Renditions of %s not made: article %s was deleted.", source, pk)
        return "gone"
    if article.image.name != source:
        logger.info("Renditions of %s not made: article %s has another image now.", source, pk)
        return "replaced"
    if article.image_renditions.get("source") == source and not is_pending(article.image_renditions) and not force:
        return "done"  # a second run (a retry after a commit, a reclaimed task): nothing to do
    try:
        with media.atomic():
            manifest = make_renditions(article.image)
            current = Article._base_manager.select_for_update().filter(pk=pk).first()
            if current is None or current.image.name != source:
                raise ImageChanged  # changed while the files were made: media.atomic removes them
            replaced = current.image_renditions
            current.image_renditions = manifest
            # A save, not an update(): its signals make the pages showing the article stale (the page cache).
            current.save(update_fields=["image_renditions"])
            delete_renditions_after_commit(replaced)  # forced: the old files, once the new manifest is saved
    except ImageChanged:
        logger.info("Renditions of %s discarded: article %s was deleted or given another image meanwhile.", source, pk)
        return "replaced"
    return "made"
