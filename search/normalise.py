"""
The one form search compares text in: stored search text and readers' queries both go through `normalise()`.

PostgreSQL has no Persian text-search configuration and `unaccent` has no Arabic-script rules, so Arabic
letter forms, vowel marks and digits are folded here, with `str.translate` (hazm is too heavy for a web app).
"""

import re
import unicodedata

from core.text import ZWNJ

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
