"""
A rich-text body as translation segments with inline codes, and back.

Each heading, paragraph, list item, quoted paragraph, caption and image description is one segment. Its inline
markup (links, emphasis, line breaks) becomes XLIFF inline codes, <g> around text and <x/> for an empty element,
so a CAT tool shows it as protected tags. What a code stands for (the tag and, for a link, its address) is kept
in the file's signed payload, never read from the translated target: a translator can move a link, not change
where it points. The rest of the body (the blocks themselves, image sources) is a skeleton, signed too, in which
each segment's place is a marker; rebuilding fills the markers and sanitises the result.
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from itertools import count

from lxml import etree
from lxml import html as lxml_html
from translate.storage.placeables import StringElem, base
from translate.storage.placeables import xliff as placeables

from core.text import sanitise_body

CONTAINERS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption"}
# An image directly in the body, a figure or a quote is a block of its own, whose description is a segment;
# inside a paragraph it is an inline code.
IMAGE_HOLDERS = {"div", "figure", "blockquote"}
EMPTY_ELEMENTS = {"br", "img"}
CONTENT_TYPES = {"a": "link", "strong": "bold", "b": "bold", "em": "italic", "i": "italic", "br": "lb", "img": "image"}
# Code carriers of other tools: their content is native markup, never text of the translation.
NATIVE_CODES = (base.Bx, base.Ex, base.Bpt, base.Ept, base.Ph, base.It)

# A segment's place in the skeleton: private-use characters, which the sanitised body's text never reaches
# (text goes into segments) and our skeleton's attributes never hold.
_MARK = "\ue000{}\ue001"
_MARKER = re.compile("\ue000([0-9]+)\ue001")

Codes = dict[str, list]  # code id -> [tag, {attribute: value}]


@dataclass
class Segment:
    key: str  # its number in the body, from 1
    content: StringElem
    codes: Codes = field(default_factory=dict)
    plain: bool = False  # an image description: text only, no codes

    @property
    def text(self) -> str:
        return " ".join(str(self.content).split())


@dataclass
class SplitBody:
    skeleton: str
    segments: list[Segment]


def split_body(body: str | None) -> SplitBody:
    """Cut a body into its segments and the skeleton they fit back into."""
    root = lxml_html.fragment_fromstring(sanitise_body(body), create_parent="div")
    segments: list[Segment] = []
    _container(root, segments)
    skeleton = etree.tostring(root, method="html", encoding="unicode")
    return SplitBody(skeleton[len("<div>") : -len("</div>")], segments)


def _append_text(element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _container(element, segments: list[Segment]) -> None:
    """Replace each run of text and inline elements in the element by a segment's marker; go into its blocks."""
    items: list = [element.text] if element.text else []
    for child in element:
        items.append(child)
        if child.tail:
            items.append(child.tail)
            child.tail = None
    element.text = None
    for child in list(element):
        element.remove(child)
    run: list = []

    def flush():
        if any(isinstance(item, str) and item.strip() or not isinstance(item, str) for item in run):
            leading = run[0][: len(run[0]) - len(run[0].lstrip())] if isinstance(run[0], str) else ""
            trailing = run[-1][len(run[-1].rstrip()) :] if isinstance(run[-1], str) else ""
            if leading:
                run[0] = run[0].lstrip()
            if trailing:
                run[-1] = run[-1].rstrip()
            codes: Codes = {}
            segment = Segment(str(len(segments) + 1), StringElem(_rich(run, codes, count(1))), codes)
            segments.append(segment)
            _append_text(element, f"{leading}{_MARK.format(segment.key)}{trailing}")
        else:
            _append_text(element, "".join(run))
        run.clear()

    for item in items:
        if isinstance(item, str) or not (item.tag in CONTAINERS or item.tag == "img" and element.tag in IMAGE_HOLDERS):
            run.append(item)
            continue
        flush()
        element.append(item)
        if item.tag == "img":
            segment = Segment(str(len(segments) + 1), StringElem(item.get("alt") or ""), plain=True)
            segments.append(segment)
            item.set("alt", _MARK.format(segment.key))
        else:
            _container(item, segments)
    flush()


def _rich(items: list, codes: Codes, numbers) -> list[StringElem]:
    """Return a run of text and inline elements as translate-toolkit's rich text, numbering the codes."""
    rich = []
    for item in items:
        if isinstance(item, str):
            if item:
                rich.append(StringElem(item))
            continue
        code = str(next(numbers))
        codes[code] = [item.tag, dict(item.attrib)]
        attributes = {"ctype": CONTENT_TYPES.get(item.tag, f"x-html-{item.tag}")}
        if item.tag in EMPTY_ELEMENTS:
            rich.append(placeables.X(id=code, xml_attrib=attributes))
            continue
        inner: list = [item.text] if item.text else []
        for child in item:
            inner.append(child)
            if child.tail:
                inner.append(child.tail)
        rich.append(placeables.G(id=code, sub=_rich(inner, codes, numbers), xml_attrib=attributes))
    return rich


def fingerprint(content: StringElem) -> str:
    """Return what a segment's source must still be when it comes back: its words and its codes."""
    words = " ".join(str(content).split())
    codes = [[type(node).__name__, node.id] for node in content.depth_first() if getattr(node, "id", None)]
    return hashlib.sha256(json.dumps([words, codes], ensure_ascii=False).encode()).hexdigest()[:16]


def render(content: StringElem | str | None, codes: Codes) -> str:
    """Return a segment's rich text as HTML, its codes restored from the signed source's (unknown ones dropped)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return html.escape(content, quote=False)
    if isinstance(content, NATIVE_CODES):
        return ""
    inner = "".join(render(child, codes) for child in content.sub)
    code = codes.get(content.id or "") if isinstance(content, (base.G, base.X)) else None
    if code is None:
        return inner
    tag, attributes = code
    opening = "".join(f' {name}="{html.escape(value)}"' for name, value in attributes.items())
    if isinstance(content, base.X):
        return f"<{tag}{opening}>" if tag in EMPTY_ELEMENTS else ""
    return inner if tag in EMPTY_ELEMENTS else f"<{tag}{opening}>{inner}</{tag}>"


def rebuild(skeleton: str, parts: dict[str, str]) -> str:
    """Put each segment's HTML (by key) back into the skeleton, and sanitise the body."""
    return sanitise_body(_MARKER.sub(lambda match: parts.get(match.group(1), ""), skeleton))
