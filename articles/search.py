"""
Search: one Persian-aware normaliser for stored text and for queries, the stored search index and the
search queryset.

PostgreSQL has no Persian text-search configuration, so Persian is searched with the `simple`
configuration over text we normalise ourselves (English uses the `english` configuration, which stems).
Each article keeps, per language, a normalised `search_text_<lang>` laid out as three lines —
headline, then standfirst with the names of its authors, section and tags, then the body — and on
PostgreSQL a `search_vector_<lang>` built from those lines with weights A, B and C, behind a GIN index,
and a small `search_rank_vector_<lang>` of the first two lines, behind its own GIN index, that results are
ranked by (see `Results`).
SQLite searches the same normalised text: every term must begin a word, and a term in the headline
ranks higher.

The index follows every change to what it covers (the article, its bylines and tags, and the names of
authors, sections and tags) through the receivers connected in `connect_index_updates()`; after a bulk
import run `manage.py update_search_index`.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    RowRange,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import Exact, GreaterThan, LessThan
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.languages import LANGUAGES
from core.text import ZWNJ, plain_text

from .models import NEWEST_FIRST, SEARCH_INDEX_COLUMNS

MAX_QUERY_LENGTH = 200

# The text-search configuration for each language's vector and queries.
SEARCH_CONFIG = {code: facts.search_config for code, facts in LANGUAGES.items()}

_ARABIC_MARKS = dict.fromkeys(range(1611, 1632)) | {0x0670: None}
_CHARACTERS = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh
        "ى": "ی",  # Alef maksura
        "ك": "ک",  # Arabic kaf
        "ة": "ه",  # teh marbuta
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "\u0640": None,  # tatweel
        "\u200d": None,  # zero-width joiner
        "\u200f": None,  # right-to-left mark
        "\u200e": None,  # left-to-right mark
        "\ufeff": None,
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
    }
    | _ARABIC_MARKS
)


def normalise(text: str) -> str:
    """
    Return text in the one form search compares: Arabic letter forms folded to Persian, vowel marks and
    tatweel dropped, every digit ASCII, lower case. Zero-width non-joiners are kept: see `search_words()`.
    """
    return unicodedata.normalize("NFKC", text or "").translate(_CHARACTERS).lower()


_WORD = re.compile(r"\w+")


def search_words(text: str, *, split_joined: bool = True) -> list[str]:
    """
    Return the normalised words of a text, with «می‌خواهند» written both ways.

    A word joined with a zero-width non-joiner is kept whole («میخواهند») and, when `split_joined`, also as
    its parts («می», «خواهند»): whether the reader types the ZWNJ, leaves it out or types a space, the
    query (whose ZWNJs are simply removed) meets a word in the index.
    """
    words = []
    for token in normalise(text).split():
        joined = _WORD.findall(token.replace(ZWNJ, ""))
        words.extend(joined)
        if split_joined and ZWNJ in token:
            parts = _WORD.findall(token.replace(ZWNJ, " "))
            if parts != joined:
                words.extend(parts)
    return words


def search_text(*, headline: str, standfirst: str, related: list[str], body_html: str) -> str:
    """Return the stored search text of one language version: headline, summary and names, body — one per line."""
    lines = (headline, " ".join([standfirst or "", *related]), plain_text(body_html))
    return "\n".join(" ".join(search_words(line)) for line in lines)


def article_search_text(article, language: str) -> str:
    """Return an article's search text in a language ("" when it is not written in it)."""
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


def _line(field: str, number: int):
    return Func(F(field), Value("\n"), Value(number), function="split_part", output_field=TextField())


def search_vector(language: str, *, body: bool = True) -> SearchVector:
    """
    Return the weighted tsvector of a language's search text: headline A, summary and names B, body C.
    Without the body it is the small vector search results are ranked by.
    """
    field = f"search_text_{language}"
    config = SEARCH_CONFIG[language]
    vector = SearchVector(_line(field, 1), config=config, weight="A") + SearchVector(
        _line(field, 2), config=config, weight="B"
    )
    return vector + SearchVector(_line(field, 3), config=config, weight="C") if body else vector


def languages() -> list[str]:
    return list(SEARCH_CONFIG)


def refresh_search_vectors(articles: QuerySet) -> None:
    """Rebuild the PostgreSQL vectors of these articles from their stored search text, in one statement."""
    if connection.vendor == "postgresql":
        vectors = {}
        for language in languages():
            vectors[f"search_vector_{language}"] = search_vector(language)
            vectors[f"search_rank_vector_{language}"] = search_vector(language, body=False)
        articles.update(**vectors)


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
            for language in languages():
                setattr(article, f"search_text_{language}", article_search_text(article, language))
        model._base_manager.bulk_update(batch, [f"search_text_{language}" for language in languages()])
        refresh_search_vectors(model._base_manager.filter(pk__in=[article.pk for article in batch]))
        count += len(batch)
        last_pk = batch[-1].pk


# Reading a query.


_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')

# Words too common to search for on their own: they match nearly every article, so they narrow nothing and
# would make PostgreSQL rank every article. English: the Snowball list PostgreSQL's `english` configuration
# drops (its english.stop), so SQLite agrees with it. Persian: the function words of news prose only. The
# lists on PyPI (stop-words, hazm) also drop words readers search for, such as «اسلامی», «امسال» and «کرد».
COMMON_WORDS_TEXT = {
    "en": """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
        herself it its itself they them their theirs themselves what which who whom this that these those am is are
        was were be been being have has had having do does did doing a an the and but if or because as until while
        of at by for with about against between into through during before after above below to from up down in
        out on off over under again further then once here there when where why how all any both each few more
        most other some such no nor not only own same so than too very s t can will just don should now
    """,
    "fa": """
        و در به از که این آن با را برای است هست نیست بود بوده شد شده شود می‌شود باشد نمی نمی‌شود می یک هم تا بر
        یا ها های ای اگر اما ولی نیز چون زیرا یعنی حتی همه هر چه ما من تو او وی شما آنها ایشان خود باید دارد داشت
        کند می‌کند کرده نه هیچ اند ام ایم اینکه آنکه آنچه چنین همین همان دیگر
    """,
}


def _words_of(text: str) -> frozenset[str]:
    return frozenset(normalise(word).replace(ZWNJ, "") for word in text.split())


COMMON_WORDS = {language: _words_of(text) for language, text in COMMON_WORDS_TEXT.items()}
_OR = "or"  # websearch's operator


@dataclass(frozen=True)
class Query:
    """
    A reader's query, normalised. `text` keeps PostgreSQL's websearch syntax ("a phrase", -word, or);
    `terms` are the words to find and mark, `excluded` the words after a minus sign. Given a language,
    its `COMMON_WORDS` are left out (kept in `common`), except inside a quoted phrase, where they still
    hold the other words' places.
    """

    text: str
    terms: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    common: tuple[str, ...] = ()

    @classmethod
    def parse(cls, raw: str, language: str | None = None) -> "Query":
        text = " ".join(normalise(raw).replace(ZWNJ, "").translate(_QUOTES).split())
        common_words = COMMON_WORDS.get(language, frozenset())
        parts, terms, excluded, common = [], [], [], []
        for match in _QUERY_PART.finditer(text):
            negated = bool(match.group(1) or match.group(3))
            phrase = match.group(2)
            words = search_words(phrase if phrase is not None else match.group(4), split_joined=False)
            if phrase is None and words == [_OR] and not negated:
                parts.append(_OR)
                continue
            common.extend(word for word in words if word in common_words)
            if phrase is None and words and all(word in common_words for word in words):
                continue
            parts.append(match.group(0))
            (excluded if negated else terms).extend(
                word for word in words if word not in common_words and (negated or word != _OR)
            )
        return cls(
            text=" ".join(_without_stray_operators(parts)),
            terms=tuple(dict.fromkeys(terms)),
            excluded=tuple(dict.fromkeys(excluded)),
            common=tuple(dict.fromkeys(common)),
        )

    def __bool__(self):
        return bool(self.terms)

    @property
    def has_phrase(self) -> bool:
        """Whether the query quotes a phrase (words in a given order)."""
        return '"' in self.text


def _without_stray_operators(parts: list[str]) -> list[str]:
    """Drop an "or" with no word on one side (left by a common word taken out): websearch would search for it."""
    kept: list[str] = []
    for part in parts:
        if part == _OR and (not kept or kept[-1] == _OR):
            continue
        kept.append(part)
    while kept and kept[-1] == _OR:
        kept.pop()
    return kept


def search(articles: QuerySet, query: Query, language: str, *, newest: bool = False) -> "Results":
    """
    Return the articles matching the query in a language, in the order readers see them (see `Results`), or
    newest first.
    """
    if not query:
        return Results(articles, ranked=articles.none(), unranked=articles.none())
    if connection.vendor != "postgresql":
        found = _search_simply(articles, query, language)
        return Results(articles, ranked=found.newest_first() if newest else found, unranked=articles.none())
    # Match on the whole text through the GIN index of the full vectors. Only the matches with a word of the
    # query in the headline or summary line are ranked: they are found through the GIN index of the small
    # ranking vectors, so a common word's thousands of body-only matches are never read to be ranked.
    config = SEARCH_CONFIG[language]
    ts_query = SearchQuery(query.text, config=config, search_type="websearch")
    matching = articles.filter(**{f"search_vector_{language}": ts_query})
    # A phrase has few matches among many candidates: the GIN index finds the articles with all its words
    # and each must be read to check their order. Read once, not once per tier.
    if newest:
        by_date = matching.newest_first()
        everything = matching.annotate(rank=Value(None, output_field=FloatField())) if query.has_phrase else None
        return Results(articles, ranked=articles.none(), unranked=by_date, everything=everything)
    any_term = SearchQuery(" or ".join(query.terms), config=config, search_type="websearch")
    rank_vector = f"search_rank_vector_{language}"
    in_summary = Q(**{rank_vector: any_term})
    rank = SearchRank(F(rank_vector), ts_query)
    return Results(
        articles,
        ranked=matching.filter(in_summary).annotate(rank=rank).order_by("-rank", *NEWEST_FIRST),
        unranked=matching.exclude(in_summary).newest_first(),
        everything=matching.annotate(rank=Case(When(in_summary, then=rank))) if query.has_phrase else None,
    )


def _starts_a_word(field: str, term: str) -> Q:
    return (
        Q(**{f"{field}__startswith": term})
        | Q(**{f"{field}__contains": f" {term}"})
        | Q(**{f"{field}__contains": f"\n{term}"})
    )


def _search_simply(articles: QuerySet, query: Query, language: str) -> QuerySet:
    """
    Search on SQLite: every term must begin a word of the search text. A term scores 3 in the headline,
    2 in the summary line, 1 in the body (the line where it first appears).
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


# Showing results.

MAX_PAGE = 100_000


class ResultsPage(Page):
    """A page of results. `found` counts the matches up to one past the limit: `capped` when there are more."""

    def __init__(self, object_list, number, paginator, *, found: int, limit: int):
        super().__init__(object_list, number, paginator)
        self.found = found
        self.limit = limit
        self.capped = found > limit


def _newest_first(row: tuple) -> tuple:
    """Sort key of a (pk, publish_at, …) row for `sorted(…, reverse=True)`: "-publish_at", "-pk" as PostgreSQL."""
    pk, publish_at = row[:2]
    return (publish_at is None, publish_at, pk)


@dataclass(frozen=True)
class Results:
    """
    What a search finds, in the order readers see it: first `ranked`, the matches with a word of the query in
    the headline, summary or names, best first; then `unranked`, the matches with it only in the body,
    newest first. (On SQLite every match is in `ranked`, scored by the line it first appears in.)
    `everything`, when given, is every match annotated with its rank (None when unranked), for queries
    whose matches are best read in one pass.

    Readers can page through the first `limit` results; the count beyond that is not worked out ("more
    than 1,000"), so a very common word costs no more than a rarer one.
    """

    articles: QuerySet
    ranked: QuerySet
    unranked: QuerySet
    everything: QuerySet | None = None
    limit: ClassVar[int] = 1000

    def __iter__(self):
        yield from self.ranked
        yield from self.unranked

    def page(self, number, per_page: int) -> ResultsPage:
        """
        Return a page of results. The ranked matches are ranked and counted in one narrow query (ids, rank
        and a window count), the unranked ones counted up to the limit, then the page's articles are fetched
        whole. A page number that is not a number gives the first page; one past the end, the last.
        """
        try:
            number = min(max(1, int(number)), MAX_PAGE)
        except (TypeError, ValueError):
            number = 1
        in_order = self._read_in_order() if self.everything is not None else None
        if in_order is not None:
            every_ranked, unranked = in_order
            ranked_count, found = len(every_ranked), len(every_ranked) + len(unranked)
        else:
            ranked_on_page, ranked_count, found, unranked = self._read_ranked(number, per_page)
        paginator = Paginator(self.articles.none(), per_page)
        paginator.count = min(found, self.limit)
        if number > paginator.num_pages:
            number = paginator.num_pages
            if in_order is None:
                ranked_on_page = self._read_ranked(number, per_page)[0]
        start = (number - 1) * per_page
        if in_order is not None:
            ranked_on_page = every_ranked[start : start + per_page]
        wanted = min(per_page, paginator.count - start)
        order = ranked_on_page[:wanted]
        if len(order) < wanted:
            skip = max(0, start - ranked_count)
            if unranked is None:  # a common word: its matches are dense enough for the date index
                unranked = self.unranked.values_list("pk", flat=True)
            order += list(unranked[skip : skip + wanted - len(order)])
        fetched = self.articles.filter(pk__in=order).without_search_index().in_bulk() if order else {}
        articles = [fetched[pk] for pk in order if pk in fetched]
        return ResultsPage(articles, number, paginator, found=found, limit=self.limit)

    def _read_ranked(self, number: int, per_page: int) -> tuple[list[int], int, int, list[int] | None]:
        """
        Return the ranked ids of a page, how many are ranked, how many match (up to one past the limit),
        and every unranked id in order when there are few enough to hold (None: read them when needed).
        """
        # Counting over the results' own order, with the whole set as the frame, makes PostgreSQL compute
        # the rank before the window and sort narrow rows (id, rank, date): counted over no order, the
        # window would carry every match's ranking vector and spill them to disk.
        whole = RowRange(start=None, end=None)
        counted = Window(Count("pk"), order_by=list(self.ranked.query.order_by) or None, frame=whole)
        ranked_rows = self.ranked.annotate(ranked_count=counted).values_list("pk", "ranked_count")
        rows = list(ranked_rows[(number - 1) * per_page : number * per_page])
        ranked_count = rows[0][1] if rows else (self.ranked.count() if number > 1 else 0)
        found, unranked = ranked_count, None
        if ranked_count <= self.limit:
            # Read the unranked matches up to one past the limit, in no order: when that is all of them, they
            # are put in order here. Asked for its newest few, PostgreSQL would walk the date index and test
            # thousands of articles' full vectors to find a rare word's handful.
            dated = list(self.unranked.order_by().values_list("pk", "publish_at")[: self.limit + 1 - ranked_count])
            found += len(dated)
            if found <= self.limit:
                unranked = [pk for pk, _date in sorted(dated, key=_newest_first, reverse=True)]
        return [pk for pk, _count in rows], ranked_count, found, unranked

    def _read_in_order(self) -> tuple[list[int], list[int]] | None:
        """Return every ranked and every unranked id in order, read in one pass; None past the limit."""
        rows = list(self.everything.order_by().values_list("pk", "publish_at", "rank")[: self.limit + 1])
        if len(rows) > self.limit:
            return None
        ranked = [row for row in rows if row[2] is not None]
        ranked.sort(key=lambda row: (row[2], *_newest_first(row)), reverse=True)  # "-rank", "-publish_at", "-pk"
        unranked = sorted((row for row in rows if row[2] is None), key=_newest_first, reverse=True)
        return [row[0] for row in ranked], [row[0] for row in unranked]


def _normalised_with_positions(text: str) -> tuple[str, list[int]]:
    """Return the text normalised, and the source index of each normalised character."""
    characters, positions = [], []
    for index, character in enumerate(text):
        for out in normalise(character):
            characters.append(out)
            positions.append(index)
    return "".join(characters), positions


def _term_pattern(term: str) -> str:
    # A ZWNJ may sit between any two letters of the reader's text and not of the query.
    return f"{ZWNJ}?".join(re.escape(character) for character in term)


def highlight(text: str, terms: tuple[str, ...] | list[str]) -> SafeString:
    """
    Return the text escaped, with every word (or ZWNJ-joined part) that begins with a term wrapped in <mark>.

    Matching runs on the normalised text, so «علي» marks «علی» and «میخواهند» marks «می‌خواهند»; the marks
    are placed on the reader's original characters, and only our own <mark> tags are left unescaped.
    """
    text = text or ""
    terms = sorted({normalise(term).replace(ZWNJ, "") for term in terms} - {""}, key=len, reverse=True)
    if not terms:
        return escape(text)
    normalised, positions = _normalised_with_positions(text)
    alternatives = "|".join(_term_pattern(term) for term in terms)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})[\w{ZWNJ}]*")
    pieces, cursor = [], 0
    for match in pattern.finditer(normalised):
        start = positions[match.start()]
        end = positions[match.end() - 1] + 1
        if start < cursor:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308 -- every piece of reader text above is escaped


def snippet(text: str, terms: tuple[str, ...] | list[str], *, words: int = 36) -> SafeString | None:
    """Return about `words` words of the text around its first matching word, highlighted (None: no match)."""
    tokens = (text or "").split()
    terms = [term for term in terms if term]
    matching = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + ")") if terms else None
    first = next(
        (index for index, token in enumerate(tokens) if matching and matching.search(" ".join(search_words(token)))),
        None,
    )
    if first is None:
        return None
    start = max(0, min(first - words // 3, len(tokens) - words))
    excerpt = " ".join(tokens[start : start + words])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + highlight(excerpt, terms) + suffix)  # noqa: S308 -- highlight() escapes


def marked_terms(query: Query, language: str) -> tuple[str, ...]:
    """
    Return the word beginnings to mark for a query: its terms, and on PostgreSQL with a stemming
    configuration their stems too ("rivers" marks "river") but not the stop words it ignores ("the").
    """
    terms = set(query.terms)
    if query and connection.vendor == "postgresql" and SEARCH_CONFIG[language] != "simple":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term, tsvector_to_array(to_tsvector(%s::regconfig, term)) FROM unnest(%s::text[]) AS term",
                [SEARCH_CONFIG[language], list(query.terms)],
            )
            terms = set()
            for term, stems in cursor.fetchall():
                if stems:
                    terms.update([term, *stems])
    return tuple(sorted(terms, key=len, reverse=True))


# Keeping the index current.


def _index_article(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles(type(instance)._base_manager.filter(pk=instance.pk))


def _index_byline_article(sender, instance, raw=False, **kwargs):
    if not raw:
        article_model = sender._meta.get_field("article").related_model
        index_articles(article_model._base_manager.filter(pk=instance.article_id))


def _index_tagged_articles(sender, instance, action, reverse, model, pk_set, **kwargs):
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


def _note_renaming(sender, instance, raw=False, **kwargs):
    """Before an author, section or tag is saved, note whether its name changes in any language."""
    if raw or instance.pk is None:
        return
    names = [f"name_{language}" for language in languages()]
    stored = sender._base_manager.filter(pk=instance.pk).values_list(*names).first()
    instance._search_renamed = stored != tuple(getattr(instance, name) for name in names)


def _index_named_articles(sender, instance, created=False, raw=False, **kwargs):
    """
    An author, section or tag was renamed: its articles carry its name in their search text. Saved with
    its names unchanged (a new biography, a new position), its articles, perhaps thousands, are left alone.
    """
    if raw or created or not getattr(instance, "_search_renamed", True):
        return
    from .models import Article

    if sender.__name__ == "Author":
        articles = Article.objects.filter(bylines__author=instance)
    elif sender.__name__ == "Section":
        articles = Article.objects.filter(section=instance)
    else:
        articles = Article.objects.filter(tags=instance)
    index_articles(articles.distinct())


def _remember_tagged_articles(sender, instance, **kwargs):
    instance._search_article_pks = list(instance.articles.values_list("pk", flat=True))


def _index_untagged_articles(sender, instance, **kwargs):
    from .models import Article

    index_articles(Article.objects.filter(pk__in=getattr(instance, "_search_article_pks", [])))


def connect_index_updates() -> None:
    """Re-index an article whenever it, its byline or tags, or the name of an author, section or tag changes."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

    from authors.models import Author

    from .models import Article, Byline, Section, Tag

    uid = "articles.search"
    post_save.connect(_index_article, sender=Article, dispatch_uid=f"{uid}.article")
    post_save.connect(_index_byline_article, sender=Byline, dispatch_uid=f"{uid}.byline-saved")
    post_delete.connect(_index_byline_article, sender=Byline, dispatch_uid=f"{uid}.byline-deleted")
    m2m_changed.connect(_index_tagged_articles, sender=Article.tags.through, dispatch_uid=f"{uid}.tags")
    for model in (Author, Section, Tag):
        pre_save.connect(_note_renaming, sender=model, dispatch_uid=f"{uid}.{model.__name__}-saving")
        post_save.connect(_index_named_articles, sender=model, dispatch_uid=f"{uid}.{model.__name__}")
    pre_delete.connect(_remember_tagged_articles, sender=Tag, dispatch_uid=f"{uid}.tag-deleting")
    post_delete.connect(_index_untagged_articles, sender=Tag, dispatch_uid=f"{uid}.tag-deleted")
