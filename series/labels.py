"""Part labels in the reader's language: "Part Two" / «بخش دوم»."""

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
