"""
Keeping the index current: an article is re-indexed whenever it, its bylines or its tags change, or an author,
section or tag whose name its search text carries is renamed or deleted. Saves from the admin, the desk, the
shell, `load_demo` and a restored revision all send these signals; fixtures (`raw`) are indexed by
`update_search_index`.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from articles.models import Article, Byline, Section, Tag
from authors.models import Author
from core.background import enqueue_on_commit
from core.languages import LANGUAGE_CODES

from .indexing import index_articles
from .tasks import queue_article_batches, reindex_named

# Whose names an article's search text carries, and the lookup from an article to each.
NAMED = {Author: "bylines__author", Section: "section", Tag: "tags"}


def index_article(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles(sender._base_manager.filter(pk=instance.pk))


def index_byline_article(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles(Article._base_manager.filter(pk=instance.article_id))


def index_tagged_articles(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear", "pre_clear"}:
        return
    if reverse:  # tag.articles.add(…): the instance is a tag, pk_set holds articles
        if action == "pre_clear":
            instance._search_article_pks = list(instance.articles.values_list("pk", flat=True))
            return
        pks = pk_set if action != "post_clear" else getattr(instance, "_search_article_pks", [])
        articles = model._base_manager.filter(pk__in=pks)
    else:
        if action == "pre_clear":
            return
        articles = type(instance)._base_manager.filter(pk=instance.pk)
    index_articles(articles)


def note_renaming(sender, instance, raw=False, **kwargs):
    """Before an author, section or tag is saved, note whether its name changes in any language."""
    if raw or instance.pk is None:
        return
    names = [f"name_{language}" for language in LANGUAGE_CODES]
    stored = sender._base_manager.filter(pk=instance.pk).values_list(*names).first()
    instance._search_renamed = stored != tuple(getattr(instance, name) for name in names)


def index_named_articles(sender, instance, created=False, raw=False, **kwargs):
    """
    An author, section or tag was renamed: its articles carry its name in their search text, so the worker
    re-indexes them after the commit (perhaps thousands: never in the editor's request). Saved with its names
    unchanged (a new biography, a new position), its articles are left alone.
    """
    if raw or created or not getattr(instance, "_search_renamed", True):
        return
    enqueue_on_commit(reindex_named, sender._meta.label_lower, instance.pk)


def remember_tagged_articles(sender, instance, **kwargs):
    instance._search_article_pks = list(instance.articles.values_list("pk", flat=True))


def index_untagged_articles(sender, instance, **kwargs):
    queue_article_batches(getattr(instance, "_search_article_pks", []))


def connect() -> None:
    """Connect the receivers above (from `SearchConfig.ready()`)."""
    uid = "search"
    post_save.connect(index_article, sender=Article, dispatch_uid=f"{uid}.article")
    post_save.connect(index_byline_article, sender=Byline, dispatch_uid=f"{uid}.byline-saved")
    post_delete.connect(index_byline_article, sender=Byline, dispatch_uid=f"{uid}.byline-deleted")
    m2m_changed.connect(index_tagged_articles, sender=Article.tags.through, dispatch_uid=f"{uid}.tags")
    for model in NAMED:
        pre_save.connect(note_renaming, sender=model, dispatch_uid=f"{uid}.{model.__name__}-saving")
        post_save.connect(index_named_articles, sender=model, dispatch_uid=f"{uid}.{model.__name__}")
    pre_delete.connect(remember_tagged_articles, sender=Tag, dispatch_uid=f"{uid}.tag-deleting")
    post_delete.connect(index_untagged_articles, sender=Tag, dispatch_uid=f"{uid}.tag-deleted")
