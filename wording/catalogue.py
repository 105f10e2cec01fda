"""
A language's interface catalogue (locale/<locale>/LC_MESSAGES/django.po), read with translate-toolkit, and
written back out with the translators' corrections for developers to commit.

The catalogue is what `make messages` keeps in step with the code; the corrections live in the database
(models.Override), so neither command ever loses one.
"""

import gettext
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import to_locale
from translate.misc.multistring import multistring
from translate.storage import pypo

from .models import key_hash

# Flags xgettext writes on a message whose text is formatted with % or str.format().
PYTHON_FORMAT = "python-format"
BRACE_FORMAT = "python-brace-format"


@dataclass(frozen=True)
class CatalogueMessage:
    """One message of the catalogue, as the .po file has it."""

    context: str
    msgid: str
    msgid_plural: str
    translations: tuple[str, ...]  # msgstr, or msgstr[0…n-1]; "" where untranslated
    fuzzy: bool
    flags: frozenset[str]
    locations: tuple[str, ...]
    notes: str  # what developers wrote for translators ("Translators: …")
    key: str = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "key", key_hash(self.context, self.msgid))

    @property
    def has_plural(self) -> bool:
        return bool(self.msgid_plural)

    @property
    def translated(self) -> bool:
        """Whether the compiled catalogue translates it (msgfmt leaves fuzzy and empty translations out)."""
        return not self.fuzzy and bool(self.translations) and all(self.translations)

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.msgid, self.msgid_plural) if self.msgid_plural else (self.msgid,)


@dataclass
class Catalogue:
    language: str
    path: Path
    messages: list[CatalogueMessage]
    plural_forms: str  # the header's plural expression, e.g. "(n > 1)"
    nplurals: int

    @cached_property
    def by_key(self) -> dict[str, CatalogueMessage]:
        return {message.key: message for message in self.messages}

    @cached_property
    def plural(self):
        return gettext.c2py(self.plural_forms)

    def plural_examples(self, count: int = 3) -> list[list[int]]:
        """Return, for each plural form, the first numbers that take it: [[0, 1], [2, 3, 4]] for Persian."""
        examples: list[list[int]] = [[] for _form in range(self.nplurals)]
        for number in range(1000):
            form = self.plural(number)
            if 0 <= form < self.nplurals and len(examples[form]) < count:
                examples[form].append(number)
        return examples


def catalogue_path(language: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / to_locale(language) / "LC_MESSAGES" / "django.po"


def catalogue_languages() -> list[str]:
    """
    Return the languages whose interface has a catalogue to correct: every published language but the source
    language, English, whose wording is the code's own (its messages are the catalogue's msgids).
    """
    return [code for code, _name in settings.LANGUAGES if catalogue_path(code).is_file()]


_cache: dict[str, tuple[tuple[int, int], Catalogue]] = {}
_cache_lock = threading.Lock()


def load(language: str) -> Catalogue:
    """Return the language's catalogue, parsed again only when its file changed (its messages are read-only)."""
    path = catalogue_path(language)
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        cached = _cache.get(language)
        if cached and cached[0] == stamp:
            return cached[1]
    catalogue = _parse(language, path)
    with _cache_lock:
        _cache[language] = (stamp, catalogue)
    return catalogue


def _store(path: Path) -> pypo.pofile:
    with path.open("rb") as handle:
        return pypo.pofile(handle)


def _parse(language: str, path: Path) -> Catalogue:
    store = _store(path)
    nplurals, plural_forms = store.getheaderplural()
    messages = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        source, target = unit.source, unit.target
        if unit.hasplural():
            sources = [str(text) for text in source.strings]
            translations = tuple(str(text) for text in target.strings) if target else ()
        else:
            sources = [str(source)]
            translations = (str(target or ""),)
        flags = frozenset(flag for flag in (PYTHON_FORMAT, BRACE_FORMAT) if unit.hastypecomment(flag))
        messages.append(
            CatalogueMessage(
                context=unit.getcontext() or "",
                msgid=sources[0],
                msgid_plural=sources[1] if len(sources) > 1 else "",
                translations=translations,
                fuzzy=unit.isfuzzy(),
                flags=flags,
                locations=tuple(unit.getlocations()),
                notes=unit.getnotes("developer") or "",
            )
        )
    return Catalogue(
        language=language,
        path=path,
        messages=messages,
        plural_forms=plural_forms or "(n != 1)",
        nplurals=int(nplurals or 2),
    )


def export(language: str, overrides: dict[str, list[str]]) -> bytes:
    """Return the catalogue with the given wordings (by message key) in force, as a django.po to commit."""
    store = _store(catalogue_path(language))
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        msgid = str(unit.source.strings[0]) if unit.hasplural() else str(unit.source)
        forms = overrides.get(key_hash(unit.getcontext() or "", msgid))
        if forms is None:
            continue
        unit.target = multistring(list(forms)) if unit.hasplural() else forms[0]
        unit.markfuzzy(False)
    store.updateheader(add=True, PO_Revision_Date=timezone.now().strftime("%Y-%m-%d %H:%M+0000"))
    return bytes(store)
