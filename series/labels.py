"""Part labels in the reader's language: "Part Two" / «بخش دوم»."""

import re

from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy

from core.text import localise_digits

# Ordinal words up to ten; after ten the label uses the number itself.
PART_WORDS = [
    pgettext_lazy("series part", "Part One"),
    pgettext_lazy("series part", "Part Two"),
    pgettext_lazy("series part", "Part Three"),
    pgettext_lazy("series part", "Part Four"),
    pgettext_lazy("series part", "Part Five"),
    pgettext_lazy("series part", "Part Six"),
    pgettext_lazy("series part", "Part Seven"),
    pgettext_lazy("series part", "Part Eight"),
    pgettext_lazy("series part", "Part Nine"),
    pgettext_lazy("series part", "Part Ten"),
]


def part_label(number: int, language: str | None = None) -> str:
    """Return the label of a series part in the given (or the active) language."""
    language = language or translation.get_language() or "en"
    with translation.override(language):
        if 1 <= number <= len(PART_WORDS):
            return str(PART_WORDS[number - 1])
        return gettext("Part %(number)s") % {"number": localise_digits(number, language)}


# Persian and Arabic-Indic digits read as ASCII, ZWNJ as a space: «بخش ۲» and "Part 2" say the same number.
_COMPARABLE = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩\u200c", "01234567890123456789 ")


def _comparable(text: str) -> str:
    return " ".join(text.translate(_COMPARABLE).casefold().split())


def names_part(text: str | None, number: int | None, language: str | None = None) -> bool:
    """Return whether the text (a headline) already says which part it is: "…, Part Two", «… بخش ۲»."""
    if not text or not number:
        return False
    language = language or translation.get_language() or "en"
    with translation.override(language):
        spellings = {part_label(number, language), gettext("Part %(number)s") % {"number": number}}
    text = _comparable(text)
    return any(re.search(rf"(?<!\w){re.escape(_comparable(spelling))}(?!\w)", text) for spelling in spellings)
