"""Marking the words a search found: headlines highlighted, and a snippet of the text around the first match."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import ZWNJ

from .normalise import normalise, search_words


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
