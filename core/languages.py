"""
The language registry: everything Newsroom knows about each language it publishes in, in one place.

`settings.LANGUAGES` says which languages are on (and their names); this module says, for each, how it is
written and read. Code loops over `LANGUAGE_CODES` and asks `language(code)`; nothing else compares a
language code with "fa" or keeps a table of directions, search configurations or reading speeds.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings

# English: 238 words a minute of silent non-fiction reading (Brysbaert 2019, J. Mem. Lang. 109:104047).
ENGLISH_WPM = 238
# Persian: no published adult figure was found. Our seven bilingual demo articles carry 0.99 Persian words
# per English word (5,278 to 5,321, ZWNJ-joined words counted as one), so Persian reads at 238 × 0.99 ≈ 236
# words a minute and both versions of an article show the same minutes. tests/articles/test_reading_time.py
# recomputes the ratio from the demo and fails if it drifts.
PERSIAN_WORD_RATIO = 0.99


@dataclass(frozen=True)
class Language:
    code: str
    direction: str  # "ltr" or "rtl"
    open_graph_locale: str
    persian_digits: bool  # numbers shown with ۰–۹ and grouped with «٬»
    calendar: str  # "gregorian" or "jalali": the calendar dates are shown in
    ascii_slugs: bool  # slugs keep only ASCII letters
    search_config: str  # PostgreSQL text-search configuration ("simple": no stemming or stop words)
    words_per_minute: int
    share_networks: tuple[str, ...]  # share links in the order this language's readers use them
    font_preload: str = ""  # a static font worth preloading on this language's pages

    @property
    def name(self) -> str:
        return str(dict(settings.LANGUAGES)[self.code])

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


KNOWN = {
    "en": Language(
        code="en",
        direction="ltr",
        open_graph_locale="en_US",
        persian_digits=False,
        calendar="gregorian",
        ascii_slugs=True,
        search_config="english",
        words_per_minute=ENGLISH_WPM,
        share_networks=("x", "facebook", "linkedin", "telegram", "whatsapp", "email"),
    ),
    "fa": Language(
        code="fa",
        direction="rtl",
        open_graph_locale="fa_IR",
        persian_digits=True,
        calendar="jalali",
        ascii_slugs=False,
        search_config="simple",  # PostgreSQL has no Persian configuration; search.py normalises instead
        words_per_minute=round(ENGLISH_WPM * PERSIAN_WORD_RATIO),
        # Persian readers share on Telegram and WhatsApp first.
        share_networks=("telegram", "whatsapp", "x", "facebook", "linkedin", "email"),
        font_preload="fonts/Vazirmatn-Variable.woff2",
    ),
}

LANGUAGE_CODES: list[str] = [code for code, _name in settings.LANGUAGES]
LANGUAGES: dict[str, Language] = {code: KNOWN[code] for code in LANGUAGE_CODES}
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def language(code: str) -> Language:
    """Return a configured language's facts (KeyError for a language the site does not publish in)."""
    return LANGUAGES[code]


def direction(code: str) -> str:
    return LANGUAGES[code].direction if code in LANGUAGES else "ltr"


def other_languages(code: str) -> list[str]:
    return [other for other in LANGUAGE_CODES if other != code]


def x_default(urls_by_language: Mapping[str, str]) -> str | None:
    """
    Return the address of the page's `x-default` alternate, for readers whose language has no version: the
    default language's version, else the first there is (None when there is none).
    """
    return urls_by_language.get(DEFAULT_LANGUAGE) or next(iter(urls_by_language.values()), None)
