"""What a reader of one language sees of a series: its parts in order and which of them they can read."""

from dataclasses import dataclass

from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, Max

from core.languages import LANGUAGE_CODES
from core.models import filled, written_in

from .models import Series


@dataclass
class SeriesPart:
    """One part of a series as a reader of one language sees it."""

    number: int
    label: str
    headline: str
    url: str | None  # None: not (yet) available in this language
    is_current: bool = False


def filed_articles() -> models.Manager:
    """Return the articles' manager through the relation the articles app declares: series imports no articles."""
    return Series._meta.get_field("articles").related_model._default_manager


def series_parts(series: Series, language: str, *, current: models.Model | None = None) -> list[SeriesPart]:
    """Return a series' published parts in order, in one query that leaves the bodies in the database."""
    available = ExpressionWrapper(written_in(filed_articles().model, language), BooleanField())
    parts = (
        series.articles.published()
        .annotate(is_here=available)
        .only("part", "series_id", *(f"{name}_{code}" for name in ("headline", "slug") for code in LANGUAGE_CODES))
        .order_by("part")
    )
    return [
        SeriesPart(
            number=part.part,
            label=part.part_label(language),
            headline=getattr(part, f"headline_{language}") or "",
            url=part.url_in(language) if part.is_here else None,
            is_current=current is not None and part.pk == current.pk,
        )
        for part in parts
    ]


def series_in(language: str):
    """Return the series with a page in this language and at least one part readable in it, counted."""
    # The conditions are on the parts joined to each series, so a series' parts are read once, with it. (As
    # subqueries over every series' articles they read 10,000 parts four times over at a million articles.)
    article = filed_articles().model
    published = article.published_condition(through="articles__")
    readable = published & written_in(article, language, through="articles__")
    return (
        Series.objects.filter(filled(f"slug_{language}") & filled(f"title_{language}"))
        .annotate(
            parts_here=Count("articles", filter=readable, distinct=True),
            parts_published=Count("articles", filter=published, distinct=True),
            latest_part_at=Max("articles__publish_at", filter=readable),
        )
        .filter(parts_here__gt=0)
    )
