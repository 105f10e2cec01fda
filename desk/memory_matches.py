"""
The translation memory on the desk: matches beside each source piece, pre-filling from exact matches, and the
leverage figure (how much of a text the memory covers) on the translate screen and in the queue.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.translation import get_language, gettext

from core.blocks import HEADINGS, parse_blocks
from core.text import localise_digits, sanitise_body
from core.translated import HTML_FIELDS, text_fields
from memory.alignment import block_texts, pieces_of, sentences
from memory.matching import FUZZY_THRESHOLD, Leverage, Match, leverage, lookup

from .side_by_side import FieldRows


def percent(value: int) -> str:
    """Return a percentage in the admin's digits and sign: "85%", «۸۵٪»."""
    return gettext("%(number)s%%") % {"number": localise_digits(value, get_language())}


@dataclass
class Shown:
    """A match as the desk shows it, with the form field a click inserts it into."""

    match: Match
    field_id: str
    kind: str  # the source piece's block kind (h2, p, li…; "text" for a plain field)

    @property
    def percent(self) -> str:
        return percent(self.match.score)


@dataclass
class PieceMatches:
    text: str
    matches: list[Shown]
    sentence: bool = False  # a sentence of a piece that has no match of its own


def attach_matches(fields: list[FieldRows], *, source: str, language: str) -> None:
    """
    Look up every source piece of the screen's rows at once, and give each row what the memory has for it; for a
    piece with no match of its own, what it has for the piece's sentences (a second lookup, for all of them).
    """
    texts = [text for item in fields for row in item.rows for text in row.texts]
    found = lookup(texts, source_language=source, target_language=language)
    split = {text: parts for text in texts if text not in found and len(parts := sentences(text)) > 1}
    by_sentence = (
        lookup([part for parts in split.values() for part in parts], source_language=source, target_language=language)
        if split
        else {}
    )
    for item in fields:
        field_id = f"id_{item.name}_{language}"
        for row in item.rows:
            kind = row.source.kind if row.source else "text"
            row.memory = []
            for text in row.texts:
                if text in found:
                    row.memory.append(PieceMatches(text, [Shown(match, field_id, kind) for match in found[text]]))
                    continue
                for part in split.get(text, ()):
                    if part in by_sentence:
                        shown = [Shown(match, field_id, "sentence") for match in by_sentence[part]]
                        row.memory.append(PieceMatches(part, shown, sentence=True))


def leverage_label(value: Leverage) -> str:
    return gettext("%(percent)s of segments have a match of %(threshold)s or more") % {
        "percent": percent(value.percent),
        "threshold": percent(FUZZY_THRESHOLD),
    }


def leverage_title() -> str:
    return gettext("Segments with a match of %(threshold)s or more in the translation memory") % {
        "threshold": percent(FUZZY_THRESHOLD)
    }


def object_leverage(fields: list[FieldRows]) -> Leverage:
    """Return the share of the screen's source pieces with a match, from the matches already attached."""
    total = sum(len(row.texts) for item in fields for row in item.rows)
    matched = sum(1 for item in fields for row in item.rows for piece in row.memory if not piece.sentence)
    return Leverage(matched, total)


def queue_leverage(objects, *, source: str, language: str) -> dict[int, str]:
    """Return each object's leverage label, by id(), for a page of the queue: one lookup for all of them."""
    figures = leverage(
        {id(obj): [piece.text for piece in pieces_of(obj, source)] for obj in objects},
        source_language=source,
        target_language=language,
    )
    return {key: percent(value.percent) for key, value in figures.items() if value.total}


def prefill(obj, *, source: str, language: str) -> tuple[dict[str, str], int]:
    """
    Return initial values for the translation's empty fields from the memory's exact matches, and how many pieces
    were filled. A body gets the blocks whose every piece has an exact match, in the source's order.
    """
    pieces = pieces_of(obj, source)
    found = lookup([piece.text for piece in pieces], source_language=source, target_language=language, limit=1)
    exact = {text: matches[0].target for text, matches in found.items() if matches[0].exact}
    initial, filled = {}, 0
    for name in text_fields(type(obj)):
        if (getattr(obj, f"{name}_{language}", None) or "").strip():
            continue  # never overwrite a translation
        value = getattr(obj, f"{name}_{source}", None) or ""
        if name in HTML_FIELDS:
            html, count = _prefilled_body(value, exact)
            if count:
                initial[f"{name}_{language}"], filled = html, filled + count
        elif (text := " ".join(value.split())) in exact:
            initial[f"{name}_{language}"], filled = exact[text], filled + 1
    return initial, filled


def _prefilled_body(body: str, exact: dict[str, str]) -> tuple[str, int]:
    out, count = [], 0
    for block in parse_blocks(body):
        texts = block_texts(block)
        if not texts or any(text not in exact for text in texts) or block.kind == "figure":
            continue
        translated = [escape(exact[text]) for text in texts]
        count += len(texts)
        if block.kind in HEADINGS or block.kind == "p":
            out.append(f"<{block.kind}>{translated[0]}</{block.kind}>")
        elif block.kind in ("ul", "ol"):
            out.append(f"<{block.kind}>{''.join(f'<li>{text}</li>' for text in translated)}</{block.kind}>")
        elif block.kind == "blockquote":
            out.append(f"<blockquote>{''.join(f'<p>{text}</p>' for text in translated)}</blockquote>")
    return sanitise_body("".join(out)), count
