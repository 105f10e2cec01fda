"""
The stored search index: per language, an article's normalised search text in three lines — headline,
then standfirst with the names of its authors, section and tags, then the body — and the backend's vectors
built from it.
"""

from django.db.models import QuerySet

from articles.models import SEARCH_INDEX_COLUMNS
from core.languages import LANGUAGE_CODES
from core.text import plain_text

from .backends import backend
from .normalise import search_words


def search_text(*, headline: str, standfirst: str, related: list[str], body_html: str) -> str:
    """Return the stored search text of one language version: headline, summary and names, body — one per line."""
    lines = (headline, " ".join([standfirst or "", *related]), plain_text(body_html))
    return "\n".join(" ".join(search_words(line)) for line in lines)


def article_search_text(article, language: str) -> str:
    """Return an article's search text in a language ("" when it is not written in it)."""
    # Fields, not Article.is_available_in(): the migration that created the index passes historical models,
    # which have no methods.
    headline = getattr(article, f"headline_{language}", None)
    body = getattr(article, f"body_{language}", None)
    if not (headline and body):
        return ""

    def name(obj):
        return getattr(obj, f"name_{language}", None) or obj.name_en or ""

    related = [name(byline.author) for byline in article.bylines.all()]
    related += [name(article.section)] + [name(tag) for tag in article.tags.all()]
    return search_text(
        headline=headline,
        standfirst=getattr(article, f"standfirst_{language}", None) or "",
        related=related,
        body_html=body,
    )


def refresh_search_vectors(articles: QuerySet) -> None:
    """Rebuild the vectors of these articles from their stored search text (PostgreSQL; nothing on SQLite)."""
    backend().refresh_vectors(articles)


def index_articles(articles: QuerySet, *, batch_size: int = 500) -> int:
    """Store the search text (and vectors) of these articles; return how many were indexed."""
    model = articles.model
    count = 0
    queryset = articles.order_by("pk").defer(*SEARCH_INDEX_COLUMNS).select_related("section")
    queryset = queryset.prefetch_related("bylines__author", "tags")
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return count
        for article in batch:
            for language in LANGUAGE_CODES:
                setattr(article, f"search_text_{language}", article_search_text(article, language))
        model._base_manager.bulk_update(batch, [f"search_text_{language}" for language in LANGUAGE_CODES])
        refresh_search_vectors(model._base_manager.filter(pk__in=[article.pk for article in batch]))
        count += len(batch)
        last_pk = batch[-1].pk
