"""
A taken-down article's images, withheld from readers: its featured image's upload and renditions leave
public media (what the web server and the edge serve under MEDIA_URL) and its upload is kept in the
"withheld" storage (settings.STORAGES), which nothing serves; a restore brings the upload back and the
worker makes the renditions again (articles/tasks.py).

Both run inside the transition's transaction (`media.atomic()`): the copy is written first and removed
again if the transaction rolls back; the public files (or the withheld copy) go only once it has committed,
and then the edge is asked to forget the addresses it may still hold (`images_withheld`, edge/receivers.py).
"""

import logging
from functools import partial

from django.core.files.storage import default_storage, storages
from django.db import transaction
from django.dispatch import Signal

from core import media
from core.renditions import pending_manifest, rendition_names

from .models import Article

logger = logging.getLogger(__name__)

# Sent once a takedown has committed, with the public addresses (`urls`) that no longer serve its images.
images_withheld = Signal()


def withheld_storage():
    return storages["withheld"]


def public_names(article: Article) -> list[str]:
    """Return the names in public media of an article's upload and its renditions."""
    names = rendition_names(article.image_renditions or {})
    if article.image:
        names.append(article.image.name)
    return names


def withhold_images(article: Article) -> None:
    """
    Keep the article's upload in withheld storage and take it and its renditions out of public media once
    the transaction commits. The article is changed in memory (no renditions: pages show no picture), for
    the caller to save.
    """
    names = public_names(article)
    if article.image:
        _copy(default_storage, withheld_storage(), article.image.name)
        article.image_renditions = {"source": article.image.name, "withheld": True}
    else:
        article.image_renditions = {}
    if not names:
        return
    media.delete_after_commit(default_storage, names)
    urls = [default_storage.url(name) for name in names]
    transaction.on_commit(partial(_announce, urls), robust=True)


def release_images(article: Article) -> None:
    """
    Put a restored article's upload back in public media and mark its renditions pending (the save queues
    the worker's task that makes them); the withheld copy goes once the transaction commits.
    """
    if not article.image:
        article.image_renditions = {}
        return
    name = article.image.name
    _copy(withheld_storage(), default_storage, name)
    article.image_renditions = pending_manifest(name)
    media.delete_after_commit(withheld_storage(), [name])


def _copy(source, target, name: str) -> None:
    """Copy a file between storages under the same name (inside `media.atomic()`: removed on a rollback)."""
    if target.exists(name):
        return  # copied before (a takedown whose public copy could not be deleted, then a restore)
    if not source.exists(name):
        logger.warning("The image %s is in neither storage: nothing to copy.", name)
        return
    with source.open(name, "rb") as content:
        stored = media.store(target, name, content, field_name="image")
    if stored != name:  # pragma: no cover -- target.exists() said the name was free a moment ago
        logger.warning("The image %s was stored as %s.", name, stored)


def _announce(urls: list[str]) -> None:
    images_withheld.send(sender=Article, urls=urls)
