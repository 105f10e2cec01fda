"""
The glossary on a translation: which approved terms a source text holds, and which of them its translation lacks.

Texts come in as {field label: plain text} (`object_texts` reads them from a translated object).
"""

from dataclasses import dataclass
from functools import cached_property

from core.models import written_in
from core.text import plain_text
from core.translated import HTML_FIELDS, text_fields, translated_models

from .matching import Matcher, contains, term_key
from .models import Term


@dataclass(frozen=True)
class Missing:
    """An approved term of a source field whose approved translation is not in the same field of the translation."""

    field: str
    source: str  # the term as the source writes it
    approved: str
    do_not_translate: bool

    def as_record(self) -> dict:
        return {
            "field": self.field,
            "source": self.source,
            "approved": self.approved,
            "do_not_translate": self.do_not_translate,
        }


class Glossary:
    """The terms of one language pair, loaded once, to mark and check the texts of one screen or one save."""

    def __init__(self, source_language: str, target_language: str, terms=None) -> None:
        self.source_language = source_language
        self.target_language = target_language
        if terms is None:
            terms = Term.objects.for_pair(source_language, target_language)
        self.terms: dict[str, Term] = {term.key: term for term in terms}
        self.matcher = Matcher([term.source_term for term in self.terms.values()])

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def approved(self) -> tuple[Matcher, dict[str, str]]:
        """Return a matcher of every approved translation, and each term's approved translation's key."""
        keys = {key: term_key(term.approved) for key, term in self.terms.items()}
        return Matcher([term.approved for term in self.terms.values()]), keys

    def segments(self, text: str) -> list[tuple[str, Term | None]]:
        """Split a source text into pieces, each either plain text (None) or an occurrence of a term."""
        pieces: list[tuple[str, Term | None]] = []
        cursor = 0
        for found in self.matcher.find(text):
            term = self.terms.get(found.key)
            if term is None:
                continue
            if found.start > cursor:
                pieces.append((text[cursor : found.start], None))
            pieces.append((text[found.start : found.end], term))
            cursor = found.end
        if cursor < len(text or ""):
            pieces.append((text[cursor:], None))
        return pieces

    def missing(self, source: dict[str, str], target: dict[str, str]) -> list[Missing]:
        """
        Return, field by field, the source's terms whose approved translation the same field of the translation
        lacks (a "do not translate" term must appear unchanged), each term once per field.
        """
        result = []
        matcher, approved_keys = self.approved
        for field, text in source.items():
            translated = target.get(field, "")
            present = matcher.keys_in(translated)  # one pass over the translation for every term
            seen = set()
            for found in self.matcher.find(text):
                term = self.terms.get(found.key)
                if term is None or found.key in seen:
                    continue
                seen.add(found.key)
                # Not found in the pass: the approved translation may sit inside a longer approved term.
                if approved_keys[found.key] not in present and not contains(translated, term.approved):
                    result.append(Missing(field, text[found.start : found.end], term.approved, term.do_not_translate))
        return result


def object_texts(obj, language: str) -> dict[str, str]:
    """Return the object's translated text fields in a language as plain text, by field label."""
    model = type(obj)
    texts = {}
    for name in text_fields(model):
        value = getattr(obj, f"{name}_{language}", None) or ""
        label = str(model._meta.get_field(name).verbose_name)
        texts[label] = plain_text(value) if name in HTML_FIELDS else value
    return texts


@dataclass
class Report:
    """The translations of one pair that lack approved terms, among the `checked` most recent objects."""

    checked: int
    found: list[tuple[object, list[Missing]]]


def inconsistent(source_language: str, target_language: str, *, limit: int | None = None) -> Report:
    """
    Return the objects written in both languages whose translation lacks approved terms of its source, newest first
    (at most `limit` objects of each model checked): what the editors look at when the glossary changed, or a
    translation was confirmed elsewhere than on the desk.
    """
    glossary = Glossary(source_language, target_language)
    report = Report(0, [])
    if not glossary:
        return report
    for model in translated_models():
        written = written_in(model, source_language) & written_in(model, target_language)
        for obj in model._default_manager.filter(written).order_by("-pk")[:limit].iterator(chunk_size=500):
            report.checked += 1
            missing = glossary.missing(object_texts(obj, source_language), object_texts(obj, target_language))
            if missing:
                report.found.append((obj, missing))
    return report
