"""
The glossary in and out of the newsroom: CSV (the csv module) and TBX (translate-toolkit's tbx storage), one language
pair per file. An import is all or nothing: every row is checked first, and one bad row saves none, with an error
naming each bad row.
"""

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import get_language, gettext
from lxml import etree
from translate.storage import tbx

from core.roles import language_name
from core.text import localise_digits, without_control_characters

from .matching import term_key
from .models import PartOfSpeech, Term

MAX_BYTES = 2 * 1024 * 1024  # ten thousand terms with notes are about 1 MB
MAX_TERM_LENGTH = Term._meta.get_field("source_term").max_length
CSV_COLUMNS = ["source", "target", "part_of_speech", "note", "do_not_translate"]
CSV, TBX = "csv", "tbx"
FORMATS = {CSV: "text/csv", TBX: "application/x-tbx"}
_YES = {"1", "yes", "true", "y", "x"}
_NO = {"", "0", "no", "false", "n"}
# A spreadsheet reads a cell beginning with one of these as a formula: exported with a leading apostrophe, which
# spreadsheets hide and the import takes off again.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TRANSLATION_NEEDED = "Translation needed"
_TBX_PARTS_OF_SPEECH = {PartOfSpeech.PROPER_NOUN.value: "properNoun"}


class Refused(Exception):
    """An import that saved nothing, with what was wrong: one message per bad row or for the whole file."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Entry:
    place: str  # "row 3", "entry 2": where in the file, for the error messages
    source: str
    target: str
    part_of_speech: str = ""
    note: str = ""
    do_not_translate: bool = False


@dataclass
class Imported:
    added: int
    updated: int


def _number(value: int) -> str:
    return localise_digits(value, get_language())


# Reading ---------------------------------------------------------------------------------------------------------


def _part_of_speech(value: str) -> str | None:
    """Return the part of speech a file names, by code or English name ("proper noun"), or None if unknown."""
    wanted = "".join(value.lower().split()).replace("_", "")  # "proper noun", "proper_noun", TBX's "properNoun"
    if not wanted:
        return ""
    for choice in PartOfSpeech:
        if wanted == choice.value.replace("_", ""):
            return choice.value
    return None


def _cell(value: str | None) -> str:
    value = without_control_characters(value or "").strip()
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_STARTS:
        value = value[1:]
    return value


def read_csv(data: bytes) -> list[Entry]:
    """Return the entries of a CSV glossary (a header row naming its columns), or raise Refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused([gettext("The file is not UTF-8 text: save it from your spreadsheet as “CSV UTF-8”.")]) from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [_cell(name).lower() for name in reader.fieldnames or []]
    except csv.Error as error:
        raise Refused([gettext("The file could not be read as CSV.")]) from error
    missing = [name for name in ("source", "target") if name not in header]
    unknown = [name for name in header if name not in CSV_COLUMNS]
    if missing or unknown:
        raise Refused(
            [
                gettext("The first row must name the columns: %(columns)s (source and target are required).")
                % {"columns": ", ".join(CSV_COLUMNS)}
            ]
        )
    reader.fieldnames = header
    entries, errors = [], []
    try:
        for number, row in enumerate(reader, start=2):
            place = gettext("Row %(number)s") % {"number": _number(number)}
            if None in row:
                errors.append(gettext("%(place)s: it has more cells than the header names.") % {"place": place})
                continue
            values = {name: _cell(row.get(name)) for name in CSV_COLUMNS}
            if not any(values.values()):
                continue
            flag = values["do_not_translate"].lower()
            if flag not in _YES | _NO:
                errors.append(
                    gettext("%(place)s: “do_not_translate” must be yes or no, not “%(value)s”.")
                    % {"place": place, "value": values["do_not_translate"]}
                )
                continue
            entries.append(
                Entry(
                    place,
                    values["source"],
                    values["target"],
                    values["part_of_speech"],
                    values["note"],
                    flag in _YES,
                )
            )
    except csv.Error as error:
        raise Refused([gettext("The file could not be read as CSV.")]) from error
    if errors:
        raise Refused(errors)
    return entries


def _language_of(node) -> str:
    return (node.get("{http://www.w3.org/XML/1998/namespace}lang") or "").split("-")[0].lower()


def read_tbx(data: bytes, source_language: str, target_language: str) -> list[Entry]:
    """Return the entries of a TBX file for the pair, or raise Refused (not TBX, a DTD's entities, other languages)."""
    if b"<!ENTITY" in data:
        raise Refused(
            [gettext("The file declares XML entities. Glossary files never need them, so it is not imported.")]
        )
    try:
        store = tbx.tbxfile.parsestring(data, sourcelanguage=source_language, targetlanguage=target_language)
    except (ValueError, AssertionError, etree.LxmlError) as error:
        raise Refused([gettext("This is not a TBX file: it could not be read.")]) from error
    entries, errors = [], []
    pair = {source_language, target_language}
    for number, unit in enumerate(store.units, start=1):
        place = gettext("Entry %(number)s") % {"number": _number(number)}
        languages = {_language_of(node) for node in unit.getlanguageNodes()}
        if languages - pair:
            errors.append(
                gettext("%(place)s: it holds terms in %(languages)s, which is not this glossary’s pair.")
                % {"place": place, "languages": ", ".join(sorted(languages - pair)) or "?"}
            )
            continue
        sources = [term.text for term in unit.get_source_terms() if term.text]
        targets = [term.text for term in unit.get_target_terms() if term.text]
        do_not_translate = not unit.istranslatable()
        notes = unit.get_common_notes(source=True) + tuple(
            note for term in unit.get_source_terms() for note in term.notes
        )
        part = next((note.text for note in notes if note.origin == "pos"), "")
        note = next((note.text for note in notes if note.origin != "pos"), "")
        entries.append(
            Entry(
                place,
                _cell(sources[0] if sources else ""),
                _cell(targets[0] if targets else ""),
                _cell(part),
                _cell(note),
                do_not_translate,
            )
        )
    if errors:
        raise Refused(errors)
    return entries


# Checking and saving ---------------------------------------------------------------------------------------------


def check(entries: list[Entry], source_language: str, target_language: str) -> list[Term]:
    """Return the entries as terms to save (existing ones of the pair updated), or raise Refused naming each bad one."""
    existing = {term.key: term for term in Term.objects.for_pair(source_language, target_language)}
    names = {"source": language_name(source_language), "target": language_name(target_language)}
    terms, errors, seen = [], [], {}
    if not entries:
        raise Refused([gettext("The file holds no terms.")])
    for entry in entries:
        problems = []
        if not entry.source:
            problems.append(gettext("the %(source)s term is empty") % names)
        if not entry.target and not entry.do_not_translate:
            problems.append(
                gettext("the %(target)s translation is empty (or mark the term “do not translate”)") % names
            )
        if max(len(entry.source), len(entry.target)) > MAX_TERM_LENGTH:
            problems.append(gettext("a term is longer than %(count)s characters") % {"count": _number(MAX_TERM_LENGTH)})
        part = _part_of_speech(entry.part_of_speech)
        if part is None:
            problems.append(
                gettext("“%(value)s” is not a part of speech (%(choices)s)")
                % {"value": entry.part_of_speech, "choices": ", ".join(PartOfSpeech.values)}
            )
        key = term_key(entry.source)
        if entry.source and not key:
            problems.append(gettext("the term has no letters or digits"))
        elif key in seen:
            problems.append(gettext("the term is already in %(place)s") % {"place": seen[key]})
        if problems:
            errors.append(gettext("%(place)s: %(problems)s.") % {"place": entry.place, "problems": "; ".join(problems)})
            continue
        seen[key] = entry.place
        term = existing.get(key) or Term(source_language=source_language, target_language=target_language)
        term.source_term, term.target_term = entry.source, entry.target
        term.part_of_speech, term.note, term.do_not_translate = part, entry.note, entry.do_not_translate
        terms.append(term)
    if errors:
        raise Refused(errors)
    return terms


def import_file(data: bytes, file_format: str, *, source_language: str, target_language: str, by) -> Imported:
    """Read, check and save a glossary file for one pair, all or nothing; raise Refused with every problem found."""
    if len(data) > MAX_BYTES:
        raise Refused(
            [gettext("The file is too large: at most %(size)s MB may be imported at once.") % {"size": _number(2)}]
        )
    if file_format == TBX:
        entries = read_tbx(data, source_language, target_language)
    else:
        entries = read_csv(data)
    terms = check(entries, source_language, target_language)
    added = sum(1 for term in terms if term.pk is None)
    with transaction.atomic():
        for term in terms:
            term.updated_by = by
            term.save()
    return Imported(added=added, updated=len(terms) - added)


# Writing ---------------------------------------------------------------------------------------------------------


def _spreadsheet_safe(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def export_csv(source_language: str, target_language: str) -> bytes:
    """Return the pair's terms as CSV (UTF-8 with a byte order mark, which spreadsheets need to read Persian)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for term in Term.objects.for_pair(source_language, target_language):
        writer.writerow(
            [
                _spreadsheet_safe(value)
                for value in (
                    term.source_term,
                    "" if term.do_not_translate else term.target_term,
                    term.part_of_speech,
                    term.note,
                    "yes" if term.do_not_translate else "no",
                )
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def export_tbx(source_language: str, target_language: str) -> bytes:
    """Return the pair's terms as TBX: a term entry per term, its part of speech, note and "do not translate"."""
    store = tbx.tbxfile(sourcelanguage=source_language, targetlanguage=target_language)
    for term in Term.objects.for_pair(source_language, target_language):
        unit = store.addsourceunit(term.source_term)
        unit.target = term.approved
        if term.part_of_speech:
            # TBX's own picklist writes "properNoun"; the import reads either spelling.
            unit.addnote(_TBX_PARTS_OF_SPEECH.get(term.part_of_speech, term.part_of_speech), origin="pos")
            unit.xmlelement[-1].set("type", "partOfSpeech")
        if term.note:
            unit.addnote(term.note, origin="definition")
            unit.xmlelement[-1].set("type", "definition")
        if term.do_not_translate:
            flag = etree.SubElement(unit.xmlelement, unit.namespaced("descrip"), type=_TRANSLATION_NEEDED)
            flag.text = "no"
    return bytes(store)
