"""
Looking up the memory: for a piece of source text, the stored translations of the same or a similar source.

Texts are compared folded (core.text.fold: Arabic letter forms, digits, ZWNJ and spacing, vowel marks, case), by
rapidfuzz's normalised Indel similarity (`fuzz.ratio`, 0–100). A match is exact when the folded texts are the same
apart from their spaces; fuzzy from FUZZY_THRESHOLD on.

Candidates are preselected before scoring, so a lookup never reads the whole memory: the segments that share a
fingerprint with a looked-up text (memory.recording.anchors: its first, middle or last three words; for a short text
its first or last six letters), through b-tree indexes, for all of an article's pieces at once: three queries (exact
keys, fingerprints, then the stored pairs of the best matches) however many pieces. On PostgreSQL a LATERAL join caps
what each fingerprint brings (PER_FINGERPRINT); SQLite, for development, reads them all. A text reworded in a word or
two keeps at least one fingerprint; one changed at both ends and in the middle is no longer the same sentence for a
translator (bench/memory_lookup.py's calibration: 99.6 % of sentences and paragraphs edited in a word or two with a
ratio of 75 or more share one, 97.2 % of texts of one to seven words).

A pg_trgm trigram index was measured first and dropped (bench/memory_lookup.py, 1,000,000 segments): over whole
paragraphs one `%` lookup took 40–420 ms against only 30,000 segments, nearly all of it rechecking the many rows that
share common trigrams; over short segments only (a partial GIN index) an article's headings took over a second, and
a GiST nearest-neighbour scan 35–45 ms per heading. With the fingerprints a 1,500-word article's pieces take
37–39 ms at the 95th percentile against 1,000,000 segments.
Measured with bench/memory_lookup.py (docs/memory-lookup-benchmark.txt).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db import connection
from django.db.models import Q
from rapidfuzz import fuzz

from core.text import fold, word_diff

from .models import Segment
from .recording import Anchors, anchors, exact_key

FUZZY_THRESHOLD = 75
# The shorter of two texts with ratio r is at least r / (200 - r) of the longer: 60 % for 75.
LENGTH_RATIO = FUZZY_THRESHOLD / (200 - FUZZY_THRESHOLD)


@dataclass(frozen=True)
class Match:
    """A stored translation for a piece of source text, and how close its stored source is to that piece."""

    source: str  # the stored source text
    target: str  # its stored translation
    score: int  # similarity, percent (100 only when exact)
    exact: bool
    origin: str | None  # where it was confirmed: "Article “…” · headline · alice · 2026-12-04"
    diff: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # stored source → the piece, word by word
    kind: str = ""  # what the stored piece was: field, heading, paragraph, list item, sentence…
    place: str = ""  # the object and field it was confirmed in: "Article “…” · headline"
    recorded_by: str = ""
    recorded_at: datetime | None = None


def matches(text: str, *, source_language: str, target_language: str, limit: int = 3) -> list[Match]:
    """Return the memory's best matches for a text (exact first, then by score; at most `limit`)."""
    return lookup([text], source_language=source_language, target_language=target_language, limit=limit).get(text, [])


def lookup(
    texts: Iterable[str], *, source_language: str, target_language: str, limit: int = 3
) -> dict[str, list[Match]]:
    """Return, for each text that has any, its best matches: many texts looked up in a constant number of queries."""
    folded = {}
    for text in texts:
        if (value := fold(text)) and text not in folded:
            folded[text] = value
    if not folded or source_language == target_language:
        return {}
    keys = {text: exact_key(value) for text, value in folded.items()}
    marks = {text: _marks(keys[text], anchors(value)) for text, value in folded.items()}
    # First the candidates, light (no stored text but the folded source), and each text's best among them.
    by_mark = defaultdict(list)
    for candidate in _candidates(folded, marks, source_language, target_language):
        for mark in _marks(candidate.key, Anchors(*candidate[4:])):
            by_mark[mark].append(candidate)
    best = {}
    for text, value in folded.items():
        shared = {candidate.pk: candidate for mark in marks[text] for candidate in by_mark.get(mark, ())}
        if scored := _score(value, keys[text], shared.values()):
            best[text] = scored
    # Then the stored pairs of the best, in one query.
    wanted = {pk for scored in best.values() for _exact, _ratio, pk in scored}
    rows = Segment.objects.filter(pk__in=wanted).select_related("recorded_by", "content_type").in_bulk()
    results = {}
    for text, scored in best.items():
        ranked = sorted(scored, key=lambda item: (item[0], item[1], rows[item[2]].recorded_at, item[2]), reverse=True)
        found, seen = [], set()
        for exact, ratio, pk in ranked:
            row = rows[pk]
            if (row.folded, row.target_text) in seen:
                continue  # the same pair confirmed in several places: the newest stands for all
            seen.add((row.folded, row.target_text))
            found.append(_match(text, row, exact, ratio))
            if len(found) == limit:
                break
        results[text] = found
    return results


class Candidate(NamedTuple):
    pk: int
    folded: str
    key: str
    length: int
    head: int | None
    middle: int | None
    tail: int | None
    prefix: int | None
    suffix: int | None


CANDIDATE_FIELDS = list(Candidate._fields)
# Each fingerprint column, and the kind of mark it holds: a word fingerprint may move (a word added at the start
# turns the head into the middle), so it is looked for in all three word columns.
FINGERPRINT_COLUMNS = (
    ("head", "word"),
    ("middle", "word"),
    ("tail", "word"),
    ("prefix", "prefix"),
    ("suffix", "suffix"),
)
# On PostgreSQL, the most rows one fingerprint brings (a stock opening such as "the government said" is in
# thousands); a text that shares only such fingerprints with a stored one is seldom a useful match. 40 found as many
# stored and reworded paragraphs in bench/memory_lookup.py as 100 did (924 of 941), and sooner.
PER_FINGERPRINT = 40


def _candidates(folded: dict[str, str], marks: dict, source_language: str, target_language: str) -> list[Candidate]:
    """Return the segments of the direction that share a mark (exact key or fingerprint) and fit a text's length."""
    direction = Segment.objects.filter(source_language=source_language, target_language=target_language)
    wanted: dict[tuple[str, object], tuple[int, int]] = {}  # mark → the length window of the texts that have it
    for text, value in folded.items():
        low, high = int(len(value) * LENGTH_RATIO), int(len(value) / LENGTH_RATIO) + 1
        for mark in marks[text]:
            known = wanted.get(mark)
            wanted[mark] = (min(low, known[0]), max(high, known[1])) if known else (low, high)
    exact = {value for (kind, value) in wanted if kind == "key"}
    rows = list(direction.filter(key__in=exact).values_list(*CANDIDATE_FIELDS))
    if connection.vendor == "postgresql":
        rows += _postgres_candidates(wanted, source_language, target_language)
    else:
        query = Q()
        for column, kind in FINGERPRINT_COLUMNS:
            query |= Q(**{f"{column}__in": {value for (mark, value) in wanted if mark == kind}})
        shortest = min(low for low, _high in wanted.values())
        longest = max(high for _low, high in wanted.values())
        rows += direction.filter(query, length__gte=shortest, length__lte=longest).values_list(*CANDIDATE_FIELDS)
    return [Candidate(*row) for row in rows]


def _postgres_candidates(wanted: dict, source_language: str, target_language: str) -> list[tuple]:
    """One query: for each fingerprint and column, at most PER_FINGERPRINT rows of the right length (a LATERAL join)."""
    table = Segment._meta.db_table
    columns = ", ".join(f"segment.{name}" for name in ("id", *CANDIDATE_FIELDS[1:]))
    parts, parameters = [], []
    for column, kind in FINGERPRINT_COLUMNS:
        chosen = [(value, low, high) for (mark, value), (low, high) in wanted.items() if mark == kind]
        if not chosen:
            continue
        parts.append(
            f"SELECT {columns} FROM unnest(%s::bigint[], %s::int[], %s::int[]) AS mark(value, low, high) "
            f"CROSS JOIN LATERAL (SELECT * FROM {table} AS row WHERE row.{column} = mark.value "
            "AND row.length BETWEEN mark.low AND mark.high "
            "AND row.source_language = %s AND row.target_language = %s LIMIT %s) AS segment"
        )
        parameters += [[value for value, _l, _h in chosen], [low for _v, low, _h in chosen]]
        parameters += [[high for _v, _l, high in chosen], source_language, target_language, PER_FINGERPRINT]
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(parts), parameters)  # noqa: S608 -- our own table and columns; values as parameters
        return cursor.fetchall()


def _marks(key: str, found: Anchors) -> set[tuple[str, object]]:
    marks: set[tuple[str, object]] = {("key", key)}
    marks |= {("word", value) for value in (found.head, found.middle, found.tail) if value is not None}
    if found.prefix is not None:
        marks.add(("prefix", found.prefix))
    if found.suffix is not None:
        marks.add(("suffix", found.suffix))
    return marks


def _score(folded: str, key: str, candidates) -> list[tuple[bool, float, int]]:
    """Return (exact, ratio, id) for the candidates that match a folded text at FUZZY_THRESHOLD or more."""
    scored = []
    low, high = len(folded) * LENGTH_RATIO, len(folded) / LENGTH_RATIO + 1
    for candidate in candidates:
        exact = candidate.key == key
        if not exact and not low <= candidate.length <= high:
            continue
        ratio = 100.0 if exact else fuzz.ratio(folded, candidate.folded, score_cutoff=FUZZY_THRESHOLD)
        if ratio >= FUZZY_THRESHOLD:
            scored.append((exact, ratio, candidate.pk))
    return scored


def _match(text: str, row: Segment, exact: bool, ratio: float) -> Match:
    score = 100 if exact else min(int(ratio), 99)
    who = (row.recorded_by.get_full_name() or row.recorded_by.get_username()) if row.recorded_by else ""
    return Match(
        source=row.source_text,
        target=row.target_text,
        score=score,
        exact=exact,
        origin=origin(row, who),
        diff=tuple(word_diff(row.source_text, text)),
        kind=row.kind,
        place=place(row),
        recorded_by=who,
        recorded_at=row.recorded_at,
    )


def place(row: Segment) -> str:
    """Name the object and the field a segment was confirmed in: "Article “…” · headline"."""
    model = row.content_type.model_class()
    label = str(model._meta.get_field(row.field).verbose_name) if model else row.field
    kind = str(model._meta.verbose_name) if model else row.content_type.model
    return f"{kind[:1].upper()}{kind[1:]} “{row.title}” · {label}"


def origin(row: Segment, who: str) -> str:
    """Describe where a segment was confirmed: the object, the field, who and when."""
    return " · ".join(part for part in (place(row), who, row.recorded_at.date().isoformat()) if part)


@dataclass(frozen=True)
class Leverage:
    """How much of a text the memory covers: pieces with a match of FUZZY_THRESHOLD or more, out of all."""

    matched: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.matched / self.total) if self.total else 0


def leverage(texts_by_item: dict, *, source_language: str, target_language: str) -> dict:
    """Return a Leverage per item, given each item's pieces of text: all items' pieces in one lookup."""
    every = {text for texts in texts_by_item.values() for text in texts}
    found = lookup(every, source_language=source_language, target_language=target_language, limit=1)
    return {
        item: Leverage(sum(1 for text in texts if text in found), len(texts)) for item, texts in texts_by_item.items()
    }
