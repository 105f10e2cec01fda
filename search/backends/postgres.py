"""
Search on PostgreSQL. Each article has per language a weighted vector of its search text (headline A,
summary and names B, body C), and a small ranking vector of the headline and summary line, each behind its
own index. The text-search configuration is the language registry's (`search_config`).

Where the server has the RUM extension (Debian: postgresql-15-rum), the indexes are RUM indexes (migration
articles 0015), which keep each word's positions and weights: a phrase is checked in the index, and the
matches to rank are ranked inside the index (its `<=>` distance, the inverse of its cover-density score), so
PostgreSQL reads only the rows it returns, not every match of a common word. Without it they are GIN
indexes and the matches are ranked by `ts_rank()` on their rows.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import CombinedExpression

from articles.models import NEWEST_FIRST
from core.languages import LANGUAGE_CODES, LANGUAGES

from ..query import Query
from ..results import Results


def _config(language: str) -> str:
    return LANGUAGES[language].search_config


_RUM_INDEXES: dict[str, frozenset[str]] = {}


def ranked_in_index(language: str) -> bool:
    """Whether the database ranks a language's matches in its RUM index (see the module's docstring)."""
    name = connection.settings_dict["NAME"]
    if name not in _RUM_INDEXES:
        with connection.cursor() as cursor:
            # Named by index, not table: read on the primary, a reader page's one statement there names no content.
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%% USING rum %%'")
            _RUM_INDEXES[name] = frozenset(row[0] for row in cursor.fetchall())
    return f"article_rank_{language}_rum" in _RUM_INDEXES[name]


def forget_indexes() -> None:
    """Look the indexes up again on the next search (after a migration adds or drops them)."""
    _RUM_INDEXES.clear()


def search(articles: QuerySet, query: Query, language: str, *, newest: bool = False) -> Results:
    """Return the matching articles: ranked by the ranking vector when it matches, then newest first."""
    # Match on the whole text through the GIN index of the full vectors. Only the matches with a word of the
    # query in the headline or summary line are ranked: they are found through the GIN index of the small
    # ranking vectors, so a common word's thousands of body-only matches are never read to be ranked.
    config = _config(language)
    ts_query = SearchQuery(query.text, config=config, search_type="websearch")
    matching = articles.filter(**{f"search_vector_{language}": ts_query})
    # A phrase has few matches among many candidates: the GIN index finds the articles with all its words
    # and each must be read to check their order. Read once, not once per tier.
    if newest:
        by_date = matching.newest_first()
        everything = matching.annotate(rank=Value(None, output_field=FloatField())) if query.has_phrase else None
        return Results(articles, ranked=articles.none(), unranked=by_date, everything=everything)
    any_text = " or ".join(query.terms)
    any_term = SearchQuery(any_text, config=config, search_type="websearch")
    rank_vector = f"search_rank_vector_{language}"
    in_summary = Q(**{rank_vector: any_term})
    if ranked_in_index(language):
        # RUM's distance: lower is better. Read through the index in its order (`Results.in_index_order`).
        distance = CombinedExpression(F(rank_vector), "<=>", ts_query, output_field=FloatField())
        # One word (or words any of which will do): a ranked match has it in its headline or summary line, so
        # it matches the whole text too, and every row the ranking index returns is one to count.
        one_word = query.text == any_text

        def in_order(found):
            return found.annotate(distance=distance)

        ranked = in_order(matching.filter(in_summary))
        return Results(
            articles,
            ranked=ranked.order_by("distance", *NEWEST_FIRST),
            unranked=matching.exclude(in_summary).newest_first(),
            everything=matching.annotate(rank=Case(When(in_summary, then=-distance))) if query.has_phrase else None,
            in_index_order=True,
            matching=None if one_word else matching,
            # With every word of the query in the headline or summary (never a phrase: RUM ranks its words
            # whether or not they make the phrase): the others are ranked last (RUM's infinite distance).
            # (Every word in the ranking vector implies one: the index looks its words up once, not twice.)
            best=None if one_word or query.has_phrase else in_order(matching.filter(**{rank_vector: ts_query})),
            rest=None
            if one_word or query.has_phrase
            else ranked.exclude(**{rank_vector: ts_query}).newest_first().values_list("pk", "publish_at"),
        )
    rank = SearchRank(F(rank_vector), ts_query)
    return Results(
        articles,
        ranked=matching.filter(in_summary).annotate(rank=rank).order_by("-rank", *NEWEST_FIRST),
        unranked=matching.exclude(in_summary).newest_first(),
        everything=matching.annotate(rank=Case(When(in_summary, then=rank))) if query.has_phrase else None,
    )


def marked_terms(query: Query, language: str) -> set[str]:
    """
    Return the query's terms and, with a stemming configuration, their stems too ("rivers" marks "river"),
    but not the stop words the configuration ignores ("the").
    """
    config = _config(language)
    if config == "simple":
        return set(query.terms)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT term, tsvector_to_array(to_tsvector(%s::regconfig, term)) FROM unnest(%s::text[]) AS term",
            [config, list(query.terms)],
        )
        terms = set()
        for term, stems in cursor.fetchall():
            if stems:
                terms.update([term, *stems])
    return terms


def _line(field: str, number: int) -> Func:
    return Func(F(field), Value("\n"), Value(number), function="split_part", output_field=TextField())


def search_vector(language: str, *, body: bool = True) -> SearchVector:
    """
    Return the weighted tsvector of a language's search text: headline A, summary and names B, body C.
    Without the body it is the small vector search results are ranked by.
    """
    field = f"search_text_{language}"
    config = _config(language)
    vector = SearchVector(_line(field, 1), config=config, weight="A") + SearchVector(
        _line(field, 2), config=config, weight="B"
    )
    return vector + SearchVector(_line(field, 3), config=config, weight="C") if body else vector


def refresh_vectors(articles: QuerySet) -> None:
    """Rebuild the vectors of these articles from their stored search text, in one statement."""
    vectors = {}
    for language in LANGUAGE_CODES:
        vectors[f"search_vector_{language}"] = search_vector(language)
        vectors[f"search_rank_vector_{language}"] = search_vector(language, body=False)
    articles.update(**vectors)
