"""
Re-indexing in the background: a rename of an author, section or tag touches every article carrying its name
(1,671 articles took 5.3 s in the request), so the save queues it and the worker does it in batches. Until a
batch is done, search may still find an article under the old name; it never fails.

Every task is idempotent: it rebuilds the articles' search text from what is stored now, so a run repeated
after a retry or a killed worker gives the same index.
"""

import logging

from django.apps import apps

from articles.models import Article
from core.background import background_task, enqueue_on_commit

from .indexing import index_articles

logger = logging.getLogger(__name__)

# Articles per task: ~1-2 s of work, so a killed worker loses little and several workers share a big rename.
BATCH = 500

# Whose names an article's search text carries, and the lookup from an article to each.
NAMED_LOOKUPS = {"authors.author": "bylines__author", "articles.section": "section", "articles.tag": "tags"}


def queue_article_batches(pks: list[int]) -> int:
    """Queue the re-indexing of these articles, BATCH to a task; return how many tasks."""
    pks = sorted(set(pks))
    for start in range(0, len(pks), BATCH):
        enqueue_on_commit(reindex_articles, pks[start : start + BATCH])
    return -(-len(pks) // BATCH)


@background_task(queue_name="default", attempts=5, backoff_seconds=5)
def reindex_articles(pks: list[int]) -> int:
    """Re-index these articles (those deleted since are simply gone); return how many were indexed."""
    return index_articles(Article._base_manager.filter(pk__in=pks))


@background_task(queue_name="default", attempts=5, backoff_seconds=5)
def reindex_named(model_label: str, pk: int) -> int:
    """Queue the re-indexing of the articles carrying a renamed author's, section's or tag's name."""
    model = apps.get_model(model_label)
    if not model._base_manager.filter(pk=pk).exists():
        # Deleted since the rename: its articles were re-indexed (or deleted) with it.
        logger.info("Re-indexing for %s %s skipped: it no longer exists.", model_label, pk)
        return 0
    lookup = NAMED_LOOKUPS[model_label]
    pks = list(Article._base_manager.filter(**{lookup: pk}).values_list("pk", flat=True).distinct())
    return queue_article_batches(pks)
