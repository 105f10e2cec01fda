"""A reader's query: normalised, its words to find and to leave out, and the words too common to search for."""

import re
from dataclasses import dataclass

from core.text import ZWNJ

from .normalise import normalise, search_words

MAX_QUERY_LENGTH = 200

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
