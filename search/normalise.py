"""
The one form search compares text in: stored search text and readers' queries both go through `normalise()`.

PostgreSQL has no Persian text-search configuration and `unaccent` has no Arabic-script rules, so Arabic
letter forms, vowel marks and digits are folded here, with `str.translate` over the table `core.text.fold`
uses too (hazm is too heavy for a web app).
"""

import re
import unicodedata

from core.text import ARABIC_SCRIPT_FOLDING, ZWNJ


def normalise(text: str) -> str:
    """
    Return text in the one form search compares: Arabic letter forms folded to Persian, vowel marks and
    tatweel dropped, every digit ASCII, lower case. Zero-width non-joiners are kept: see `search_words()`.
    """
    return unicodedata.normalize("NFKC", text or "").translate(ARABIC_SCRIPT_FOLDING).lower()


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
