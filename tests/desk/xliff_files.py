"""What a translator's CAT tool does to an exported XLIFF file, done with translate-toolkit as the tool would."""

from translate.storage import xliff
from translate.storage.placeables import StringElem


def translated(element: StringElem, translate) -> StringElem:
    """Translate each piece of a rich text's text, through its inline codes, leaving the codes where they are."""
    element.sub = [
        (translate(item) if item.strip() else item) if isinstance(item, str) else translated(item, translate)
        for item in element.sub
    ]
    return element


def translate_file(data: bytes, translate=lambda text: f"ترجمهٔ {text}", only=None) -> bytes:
    """
    Return the file with every unit's target written: each piece of its source's text translated, its inline
    codes kept where they were (as a CAT tool keeps tags). `only` limits it to units whose id contains it.
    """
    store = xliff.xlifffile.parsestring(data)
    for unit in store.units:
        if only is not None and only not in unit.getid():
            continue
        unit.rich_target = [translated(unit.rich_source[0].copy(), translate)]
    return bytes(store)


def units(data: bytes) -> dict[str, xliff.xliffunit]:
    """Return the file's units by their own id (without the file's name)."""
    store = xliff.xlifffile.parsestring(data)
    return {unit.getid().split(xliff.ID_SEPARATOR)[-1]: unit for unit in store.units}
