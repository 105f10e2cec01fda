"""
XLIFF 1.2 files written and read with translate-toolkit, one <file> per translated object.

Each <file> is named for its object ("articles.article.42"); each unit's id names the object, the field, the
body segment and the source version ("articles.article.42.body.3.v1f2e3d4c5b6a"), so a unit that strays is
known. The <file>'s header carries, as its skeleton (<skl><internal-file>), a payload signed with the site's
secret (django.core.signing, HMAC-SHA256): the object, both languages, the source's fingerprint (desk.state),
each unit's id with a fingerprint of its source, and the body's skeleton and inline codes. A file we did not
write, or whose ids, languages or sources were changed, fails the signature or disagrees with it.

Reading is strict before translate-toolkit sees anything: a size limit, lxml with no entity resolution, no
network and no DTD loading, and any document type declaration refused outright (an XLIFF file never needs
one; it is where XXE and "billion laughs" live).
"""

from dataclasses import dataclass, field

from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import xliff

from core.text import localise_digits
from core.translated import text_fields
from memory import matching

from .. import state
from . import body as bodies

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
SIGNING_SALT = "newsroom.desk.xliff"
PAYLOAD_FORM = "application/x-newsroom-signed"
MAX_BYTES = 5 * 1024 * 1024  # a queue of a hundred long articles is about 2 MB


class Xliff12Unit(xliff.xliffunit):
    namespace = NAMESPACE


class Xliff12File(xliff.xlifffile):
    UnitClass = Xliff12Unit
    namespace = NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{NAMESPACE}'>
<file original='NoName' source-language='en' datatype='html'>
<body>
</body>
</file>
</xliff>"""


class Refused(Exception):
    """A file we will not import, with the reason in the admin's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def file_name(obj) -> str:
    return f"{obj._meta.label_lower}.{obj.pk}"


def _ns(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


# Writing ------------------------------------------------------------------------------------------------


def write(objects, language: str) -> bytes:
    """
    Return an XLIFF 1.2 file of the objects' source text to translate into `language`, with the translation
    memory's matches for each segment as <alt-trans> alternatives.
    """
    source = state.source_language(language)
    store = Xliff12File(sourcelanguage=source, targetlanguage=language)
    for obj in objects:
        _write_object(store, obj, source, language)
    return bytes(store)


def _write_object(store, obj, source: str, language: str) -> None:
    name = file_name(obj)
    text = state.source_text(obj, source)
    version = state.fingerprint(text)
    payload = {
        "object": obj._meta.label_lower,
        "pk": obj.pk,
        "source": source,
        "target": language,
        "fingerprint": version,
        "units": {},
        "codes": {},
        "skeletons": {},
        "plain": [],  # image descriptions: text for an attribute, no codes
    }
    segments = []  # (unit, its source as plain text), to look up in the memory at once
    model = type(obj)
    for field_name in text_fields(model):
        value = text[field_name]
        if not value:
            continue
        model_field = model._meta.get_field(field_name)
        label = str(model_field.verbose_name)
        if field_name in state.HTML_FIELDS:
            split = bodies.split_body(value)
            payload["skeletons"][field_name] = split.skeleton
            for segment in split.segments:
                unit_id = f"{name}.{field_name}.{segment.key}.v{version[:12]}"
                unit = _unit(store, name, unit_id, f"{label} · {segment.key}")
                unit.rich_source = [segment.content]
                if segment.codes:
                    payload["codes"][unit_id] = segment.codes
                if segment.plain:
                    payload["plain"].append(unit_id)
                payload["units"][unit_id] = bodies.fingerprint(unit.rich_source[0])
                segments.append((unit, segment.text))
        else:
            unit_id = f"{name}.{field_name}.v{version[:12]}"
            unit = _unit(store, name, unit_id, label)
            unit.source = value
            if getattr(model_field, "max_length", None):
                unit.xmlelement.set("maxwidth", str(model_field.max_length))
                unit.xmlelement.set("size-unit", "char")
            payload["units"][unit_id] = bodies.fingerprint(unit.rich_source[0])
            segments.append((unit, value))
    _suggest(segments, source, language)
    file_node = store.getfilenode(name)
    if file_node is None:  # nothing written in the source: an empty <file>, still signed, for the record
        store.switchfile(name, createifmissing=True)
        file_node = store.getfilenode(name)
    header = etree.Element(_ns("header"))
    file_node.insert(0, header)  # XLIFF 1.2 wants the header before the body
    skeleton = etree.SubElement(etree.SubElement(header, _ns("skl")), _ns("internal-file"), form=PAYLOAD_FORM)
    skeleton.text = signing.dumps(payload, salt=SIGNING_SALT, compress=True)


def _unit(store, name: str, unit_id: str, note: str):
    unit = store.addsourceunit("", filename=name, createifmissing=True)
    unit.setid(unit_id)
    unit.addnote(note, origin="developer")
    return unit


def _suggest(segments: list, source: str, language: str) -> None:
    """Add the memory's matches to each unit as alternatives: a CAT tool offers them as it offers its own."""
    found = matching.lookup([text for _unit, text in segments], source_language=source, target_language=language)
    for unit, text in segments:
        for match in found.get(text, []):
            unit.addalttrans(
                match.target, origin="newsroom-memory", lang=language, sourcetxt=match.source,
                matchquality=str(match.score),
            )  # fmt: skip


# Reading ------------------------------------------------------------------------------------------------


@dataclass
class ObjectFile:
    """One <file> of an upload, its signature checked: the object it is for and its units, by id."""

    payload: dict
    units: dict = field(default_factory=dict)  # unit id -> translate-toolkit unit


def read(data: bytes) -> tuple[str, list[ObjectFile]]:
    """Return the target language and the signed object files of an upload, or raise Refused."""
    if len(data) > MAX_BYTES:
        size = localise_digits(MAX_BYTES // 2**20, get_language())
        raise Refused(_("The file is too large: at most %(size)s MB may be imported at once.") % {"size": size})
    root = _parse_safely(data)
    try:
        store = Xliff12File.parsestring(data)
    except (ValueError, AssertionError, StopIteration, etree.LxmlError) as error:
        raise Refused(_("This XLIFF file could not be read.")) from error
    files = _signed_files(root)
    by_name = dict(files)
    for unit in store.units:
        name, _separator, unit_id = unit.getid().partition(xliff.ID_SEPARATOR)
        found = by_name.get(name)
        if found is None or unit_id not in found.payload["units"] or unit_id in found.units:
            raise Refused(
                _("The file was changed after it was exported: segment %(id)s does not belong to it.") % {"id": unit_id}
            )
        if bodies.fingerprint(unit.rich_source[0]) != found.payload["units"][unit_id]:
            raise Refused(
                _("The file was changed after it was exported: the source text of segment %(id)s is not as it was.")
                % {"id": unit_id}
            )
        found.units[unit_id] = unit
    for _name, found in files:
        missing = set(found.payload["units"]) - set(found.units)
        if missing:
            raise Refused(
                _("The file was changed after it was exported: segment %(id)s is missing.") % {"id": min(missing)}
            )
    languages = {found.payload["target"] for _name, found in files}
    if len(languages) != 1:
        raise Refused(_("The file holds no translations to import, or translations into more than one language."))
    return languages.pop(), [found for _name, found in files]


def _parse_safely(data: bytes):
    # Refused before parsing too: libxml2 stops a "billion laughs" on its own, but as a syntax error.
    if b"<!DOCTYPE" in data:
        raise Refused(_("The file declares a document type (DTD). XLIFF files never need one, so it is not imported."))
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise Refused(_("This is not an XLIFF file: it could not be read as XML.")) from error
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise Refused(_("The file declares a document type (DTD). XLIFF files never need one, so it is not imported."))
    qualified = etree.QName(root)
    if qualified.localname != "xliff":
        raise Refused(_("This is not an XLIFF file."))
    version = root.get("version", "")
    if version.startswith("2") or ":2." in (qualified.namespace or ""):
        raise Refused(_("XLIFF 2 files cannot be imported yet: export and translate the file as XLIFF 1.2."))
    if qualified.namespace != NAMESPACE:
        raise Refused(_("This file is not XLIFF 1.2, the version the desk exports."))
    return root


def _signed_files(root) -> list[tuple[str, ObjectFile]]:
    files = []
    for node in root.iterchildren(_ns("file")):
        name = node.get("original", "")
        token = node.findtext(f"{_ns('header')}/{_ns('skl')}/{_ns('internal-file')}")
        if not token:
            raise Refused(_("This file was not exported from the translation desk: it carries no signature."))
        try:
            payload = signing.loads(token.strip(), salt=SIGNING_SALT)
        except signing.BadSignature as error:
            raise Refused(
                _("The file's signature does not match: it was changed by hand, or it comes from another site.")
            ) from error
        if (
            payload.get("object", "") + f".{payload.get('pk')}" != name
            or node.get("target-language") != payload.get("target")
            or node.get("source-language") != payload.get("source")
        ):
            raise Refused(
                _("The file was changed after it was exported: its object or languages are not the ones signed.")
            )
        if any(name == seen for seen, _found in files):
            raise Refused(_("The file holds the same object twice."))
        files.append((name, ObjectFile(payload)))
    if not files:
        raise Refused(_("The file holds no translations to import, or translations into more than one language."))
    return files
