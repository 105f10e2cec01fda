"""
Finding glossary terms in a text, as two hands may write them: Arabic or Persian letter forms, digits of any
script, vowel marks or none, a zero-width non-joiner, a space or nothing between the parts of a word (core.text.fold);
English case-insensitively. A term matches whole words only: «پوتین» in «پوتین‌ها» (a suffix after a ZWNJ) but not
in «پوتینی», "sanction" not in "sanctions".
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from core.text import ZWNJ, fold

SPACING = re.compile(rf"[\s{ZWNJ}]+")


@lru_cache(maxsize=4096)
def _fold_character(character: str) -> str:
    return fold(character)


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """
    Return the text folded as core.text.fold folds it, except that a zero-width non-joiner (and any spacing around it)
    stays one ZWNJ, which matching treats as a word boundary; and the index in `text` of each folded character.
    """
    characters: list[str] = []
    positions: list[int] = []
    for index, character in enumerate(text or ""):
        if character == ZWNJ or character.isspace():
            joiner = ZWNJ if character == ZWNJ else " "
            if characters and characters[-1] in (" ", ZWNJ):
                if joiner == ZWNJ:
                    characters[-1] = ZWNJ  # a space beside a ZWNJ is the ZWNJ written carelessly
                continue
            if characters:
                characters.append(joiner)
                positions.append(index)
            continue
        for out in _fold_character(character):
            characters.append(out)
            positions.append(index)
    while characters and characters[-1] in (" ", ZWNJ):
        characters.pop()
        positions.pop()
    return "".join(characters), positions


def term_key(term: str) -> str:
    """Return the form two spellings of one term share: folded, with no space or ZWNJ between its parts."""
    return SPACING.sub("", fold(term))


# Between the term's parts, and between any two letters when it is written as one word, the text may have a space,
# a ZWNJ or nothing: «می‌خواهند», «میخواهند» and «می خواهند» are one word.
_SEPARATOR = f"[ {ZWNJ}]?"


def _trie_pattern(keys: list[str]) -> str:
    """
    Return one pattern for all the keys, written as a trie ("ab|ac" as "a(?:b|c)"): Python's re tries the
    alternatives of a plain alternation one by one at every position, which made 500 terms over a 1,500-word
    article take 23 ms; as a trie it follows one branch per character.
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for character in key:
            node = node.setdefault(character, {})
        node[""] = {}  # a key ends here

    def build(node: dict) -> str:
        alternatives = []
        for character, child in sorted(node.items()):
            if character == "":
                continue
            rest = {key: value for key, value in child.items() if key != ""}
            if not rest:
                alternatives.append(re.escape(character))
                continue
            tail = _SEPARATOR + build(rest)
            # Greedy: the longest term first; a shorter one that ends here when the longer fails.
            alternatives.append(re.escape(character) + (f"(?:{tail})?" if "" in child else tail))
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return build(trie)


@lru_cache(maxsize=8)
def _compiled(keys: tuple[str, ...]) -> re.Pattern:
    # Compiling is the slow part (about 0.9 s for 5,000 terms, 1 ms to search an article with them): kept per process
    # for the glossary's terms as they are, so a changed glossary compiles once, on its first use.
    return re.compile(r"(?<!\w)" + _trie_pattern(list(keys)) + r"(?!\w)")


@dataclass(frozen=True)
class Found:
    start: int  # in the original text
    end: int
    key: str


class Matcher:
    """Find any of a set of terms in texts: one regular expression, the longest term first where terms overlap."""

    def __init__(self, terms) -> None:
        keys = tuple(sorted({term_key(term) for term in terms} - {""}))
        self.pattern = _compiled(keys) if keys else None

    def find(self, text: str) -> list[Found]:
        """Return where the terms occur in the text, without overlaps, in order."""
        if self.pattern is None or not text:
            return []
        folded, positions = folded_with_positions(text)
        return [
            Found(positions[match.start()], positions[match.end() - 1] + 1, SPACING.sub("", match.group()))
            for match in self.pattern.finditer(folded)
        ]

    def keys_in(self, text: str) -> set[str]:
        return {found.key for found in self.find(text)}


def contains(text: str, term: str) -> bool:
    """Return whether the text contains the term as whole words, however it is spelled."""
    return bool(Matcher([term]).find(text))
