"""
Search on SQLite (and any database but PostgreSQL): every term of the query must begin a word of the
stored search text; a term scores by the line it first appears in.
"""

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import Exact, GreaterThan, LessThan

from articles.models import NEWEST_FIRST

from ..query import Query
from ..results import Results


def search(articles: QuerySet, query: Query, language: str, *, newest: bool = False) -> Results:
    """Return the matching articles, best scored first (or newest first), all in `Results.ranked`."""
    found = _matching(articles, query, language)
    return Results(articles, ranked=found.newest_first() if newest else found, unranked=articles.none())


def marked_terms(query: Query, language: str) -> set[str]:
    """Return the query's terms: without stemming, they are the word beginnings found."""
    return set(query.terms)


def refresh_vectors(articles: QuerySet) -> None:
    """Do nothing: SQLite searches the stored text itself."""


def _starts_a_word(field: str, term: str) -> Q:
    return (
        Q(**{f"{field}__startswith": term})
        | Q(**{f"{field}__contains": f" {term}"})
        | Q(**{f"{field}__contains": f"\n{term}"})
    )


def _matching(articles: QuerySet, query: Query, language: str) -> QuerySet:
    """
    Return the articles in which every term begins a word of the search text. A term scores 3 in the
    headline, 2 in the summary line, 1 in the body (the line where it first appears).
    """
    field = f"search_text_{language}"
    headline_end = StrIndex(F(field), Value("\n"))
    summary_end = headline_end + StrIndex(Substr(F(field), headline_end + 1), Value("\n"))
    score = Value(0)
    for term in query.excluded:
        articles = articles.exclude(_starts_a_word(field, term))
    for term in query.terms:
        articles = articles.filter(_starts_a_word(field, term))
        inside = StrIndex(F(field), Value(f" {term}"))
        in_headline = Q(**{f"{field}__startswith": term}) | Q(GreaterThan(inside, 0), LessThan(inside, headline_end))
        in_summary = Q(Exact(StrIndex(F(field), Value(f"\n{term}")), headline_end)) | Q(
            GreaterThan(inside, 0), LessThan(inside, summary_end)
        )
        score = score + Case(
            When(in_headline, then=Value(3)),
            When(in_summary, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return articles.annotate(rank=score).order_by("-rank", *NEWEST_FIRST)
