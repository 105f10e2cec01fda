"""
The body's outline: a stable anchor id on each subheading (h2) and the table of contents built from them.

Ids are computed on render from the sanitised body, never stored and never taken from the author's HTML
(the allow-list keeps no id attribute). The same heading text always gives the same id, so a shared link
to "#what-changed" keeps working after unrelated edits.
"""

import html
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from core.text import ZWNJ, sanitise_body

# A piece with at least this many subheadings gets a table of contents.
CONTENTS_MIN_HEADINGS = 3


@dataclass(frozen=True)
class Heading:
    id: str
    text: str


class _HeadingParser(HTMLParser):
    """Rewrite each <h2> with an id attribute and collect its text; everything else is copied as written."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.headings: list[Heading] = []
        self._h2_start: int | None = None
        self._h2_text: list[str] = []
        self._used: set[str] = set()

    def handle_starttag(self, tag, attrs):
        text = self.get_starttag_text()
        if tag == "img":
            # Pictures in the body are below the fold: let the browser fetch them when they come near.
            text = text.rstrip(">/ ") + ' loading="lazy" decoding="async">'
        if tag == "h2":
            self._h2_start = len(self.parts)
            self._h2_text = []
        self.parts.append(text)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "h2" and self._h2_start is not None:
            text = " ".join("".join(self._h2_text).split())
            anchor = self._unique(slugify(text.replace(ZWNJ, "-"), allow_unicode=True)[:60].strip("-"))
            self.parts[self._h2_start] = f'<h2 id="{escape(anchor)}">'
            self.headings.append(Heading(anchor, text))
            self._h2_start = None
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if self._h2_start is not None:
            self._h2_text.append(data)
        self.parts.append(escape(data))

    def handle_entityref(self, name):
        self._append_reference(f"&{name};")

    def handle_charref(self, name):
        self._append_reference(f"&#{name};")

    def _append_reference(self, reference: str):
        if self._h2_start is not None:
            self._h2_text.append(html.unescape(reference))
        self.parts.append(reference)

    def _unique(self, anchor: str) -> str:
        anchor = anchor or f"section-{len(self.headings) + 1}"
        candidate, number = anchor, 2
        while candidate in self._used:
            candidate, number = f"{anchor}-{number}", number + 1
        self._used.add(candidate)
        return candidate


@dataclass(frozen=True)
class Outline:
    html: SafeString
    headings: list[Heading]

    @property
    def has_contents(self) -> bool:
        return len(self.headings) >= CONTENTS_MIN_HEADINGS


def outline(body: str | None) -> Outline:
    """Return the sanitised body with anchored subheadings, and the subheadings in order."""
    parser = _HeadingParser()
    parser.feed(sanitise_body(body))
    parser.close()
    # Safe: the input went through the allow-list; the parser only copies its markup and adds escaped ids.
    return Outline(mark_safe("".join(parser.parts)), parser.headings)  # noqa: S308
