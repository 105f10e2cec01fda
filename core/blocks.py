"""
An article body as the desk and the translation memory read it: a list of blocks (subheadings, paragraphs, lists,
quotes), read from the stored HTML, which core.text.sanitise_body has already cut down to its allow-list.

Blocks carry plain text only. The desk's templates build their own elements from it, autoescaped, so no
stored HTML is ever marked safe; inline emphasis and link addresses are dropped on the way.
"""

from dataclasses import dataclass
from html.parser import HTMLParser

HEADINGS = {"h2", "h3", "h4"}
LISTS = {"ul", "ol"}
# Top-level elements that make a block of their own. Anything else at the top (stray text, a <strong>) is
# gathered into a paragraph, as a browser shows it.
BLOCK_TAGS = HEADINGS | LISTS | {"p", "blockquote", "figure"}
# Inside a list, a quote or a figure, where one part ends and the next begins.
_PART_TAGS = {"li", "p", "figcaption", *HEADINGS, *LISTS}


@dataclass(frozen=True)
class Block:
    """
    One block of a body: its kind (h2, p, ul, blockquote…) and its text, part by part.

    A heading or a paragraph has one part; a list has one per item (a nested list's items follow their
    parent's); a quote has one per paragraph; a figure has its image's description, then its caption.
    """

    kind: str
    parts: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(part for part in self.parts if part)


class _BlockReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.kind = ""  # the open block's kind; "" between blocks
        self.implicit = False  # the open block is a paragraph made of stray top-level content
        self.depth = 0  # how many of the open block's own element are open (a list in a list)
        self.parts: list[str] = []
        self.buffer: list[str | None] = []  # text, and None where a <br> breaks the line

    def begin(self, kind: str, *, implicit: bool = False) -> None:
        self.kind, self.implicit, self.depth, self.parts, self.buffer = kind, implicit, 0, [], []

    def end_part(self) -> None:
        # Whitespace collapses as in HTML; only <br> breaks a line.
        lines, line = [], []
        for piece in [*self.buffer, None]:
            if piece is None:
                lines.append(" ".join("".join(line).split()))
                line = []
            else:
                line.append(piece)
        text = "\n".join(lines).strip()
        if text:
            self.parts.append(text)
        self.buffer = []

    def end(self) -> None:
        self.end_part()
        if self.kind == "figure" and self.parts and not self.figure_alt:
            self.parts.insert(0, "")  # a figure's first part is its image's description, even when it has none
        if any(self.parts):
            self.blocks.append(Block(self.kind, tuple(self.parts)))
        self.kind = ""

    def image(self, attrs) -> None:
        if self.kind == "figure" and not self.figure_alt:
            self.end_part()
            self.figure_alt = True
            self.parts.insert(0, " ".join((dict(attrs).get("alt") or "").split()))

    def handle_starttag(self, tag, attrs):
        if self.implicit and tag in BLOCK_TAGS:
            self.end()
        if not self.kind:
            self.figure_alt = False
            if tag in BLOCK_TAGS or tag == "img":  # an image outside any block is a figure with no caption
                self.begin("figure" if tag == "img" else tag)
            else:
                self.begin("p", implicit=True)
        if tag == self.kind:
            self.depth += 1
        elif tag == "br":
            self.buffer.append(None)
        elif tag == "img":
            self.image(attrs)
        elif self.kind in LISTS | {"blockquote", "figure"} and tag in _PART_TAGS:
            self.end_part()
        if tag == "img" and self.kind == "figure" and self.depth == 0:
            self.end()  # a bare image: its figure ends with it

    def handle_endtag(self, tag):
        if not self.kind or self.implicit:
            return
        if tag == self.kind:
            self.depth -= 1
            if self.depth <= 0:
                self.end()
        elif self.kind in LISTS | {"blockquote", "figure"} and tag in _PART_TAGS:
            self.end_part()

    def handle_data(self, data):
        if not self.kind:
            if not data.strip():
                return
            self.begin("p", implicit=True)
        self.buffer.append(data)

    def close(self):
        super().close()
        if self.kind:
            self.end()


def parse_blocks(body: str | None) -> list[Block]:
    """Return the blocks of a sanitised body, in order, leaving out blocks with no text."""
    reader = _BlockReader()
    reader.feed(body or "")
    reader.close()
    return reader.blocks
