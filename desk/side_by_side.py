"""
The rows of the desk's side-by-side screen: each source block or field beside its counterpart in the translation
as it is now and, when the translation is outdated, what changed in the source since it was confirmed.

Blocks are aligned by position. When the translation is outdated it was made from the source as confirmed, so
its blocks line up with that source's blocks: difflib matches the confirmed source's blocks with the current
ones, and each current block takes the counterpart of the confirmed block it comes from. A changed block shows
a word diff (state.word_diff, which keeps ZWNJ-joined Persian words whole); an added or removed block shows
whole.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.blocks import Block, parse_blocks
from core.text import localise_digits
from memory.alignment import block_texts

from . import state

Segment = tuple[str, str]  # (kind, text): kind is "equal", "insert" or "delete", as in state.word_diff

SAME, CHANGED, ADDED, REMOVED = "", "changed", "added", "removed"
CHANGE_LABELS = {CHANGED: _("Changed"), ADDED: _("Added"), REMOVED: _("Removed")}
# Kinds whose parts are compared one by one: a list item, a quoted paragraph, an image's description or caption.
MULTI_PART = {"ul", "ol", "blockquote", "figure"}


@dataclass
class Shown:
    """A block, or a field's text (kind "text"), as the template draws it: part by part, in segments."""

    kind: str
    parts: list[list[Segment]]


@dataclass
class Row:
    source: Shown | None
    counterpart: Shown | None
    change: str = SAME
    number: int = 0  # the change's place among the page's changes, from 1; 0 when nothing changed
    number_label: str = ""
    previous: str = ""  # anchors of the changes before and after this one
    next: str = ""
    # The current source's pieces in this row (a block's text, or each item of a list…), as the translation memory
    # is asked for them; and what it found, set by the desk's view.
    texts: list[str] = field(default_factory=list)
    memory: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"change-{self.number}" if self.number else ""

    @property
    def change_label(self) -> str:
        return str(CHANGE_LABELS.get(self.change, ""))


@dataclass
class FieldRows:
    """One translated field (headline, body…) and its rows: one for a plain field, one per block for a body."""

    name: str
    label: str
    rows: list[Row] = field(default_factory=list)


def shown(block: Block, kind: str = "equal") -> Shown:
    return Shown(block.kind, [[(kind, part)] if part else [] for part in block.parts])


def compare(before: Block, after: Block) -> Shown:
    """Show how a block changed: part by part for lists, quotes and figures, else word by word."""
    if before.kind != after.kind or after.kind not in MULTI_PART:
        return Shown(after.kind, [state.word_diff(before.text, after.text)])
    old, new = before.parts, after.parts
    parts: list[list[Segment]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts += [[("equal", part)] if part else [] for part in new[j1:j2]]
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        parts += [state.word_diff(old[i1 + k], new[j1 + k]) for k in range(paired)]
        parts += [[("delete", part)] for part in old[i1 + paired : i2] if part]
        parts += [[("insert", part)] for part in new[j1 + paired : j2] if part]
    return Shown(after.kind, parts)


def block_rows(current: list[Block], target: list[Block], confirmed: list[Block] | None = None) -> list[Row]:
    """
    Return a row per source block with its counterpart in the translation.

    With `confirmed` (the source the outdated translation was made from), rows show what changed since.
    """

    def counterpart(index: int) -> Shown | None:
        return shown(target[index]) if index < len(target) else None

    if confirmed is None:
        rows = [Row(shown(block), counterpart(index), texts=block_texts(block)) for index, block in enumerate(current)]
        return rows + [Row(None, shown(block)) for block in target[len(current) :]]
    rows = []
    matcher = difflib.SequenceMatcher(a=confirmed, b=current, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [
                Row(shown(current[j1 + k]), counterpart(i1 + k), texts=block_texts(current[j1 + k]))
                for k in range(i2 - i1)
            ]
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        rows += [
            Row(
                compare(confirmed[i1 + k], current[j1 + k]),
                counterpart(i1 + k),
                CHANGED,
                texts=block_texts(current[j1 + k]),
            )
            for k in range(paired)
        ]
        rows += [Row(shown(confirmed[i], "delete"), counterpart(i), REMOVED) for i in range(i1 + paired, i2)]
        rows += [
            Row(shown(current[j], "insert"), None, ADDED, texts=block_texts(current[j])) for j in range(j1 + paired, j2)
        ]
    return rows + [Row(None, shown(block)) for block in target[len(confirmed) :]]


def text_row(current: str, target: str, confirmed: str | None = None) -> Row:
    """Return the row of a plain field (a headline, a caption): its source, changed or not, beside its translation."""
    counterpart = Shown("text", [[("equal", target)]]) if target else None
    texts = [" ".join(current.split())] if current.strip() else []
    if confirmed is None or confirmed == current:
        return Row(Shown("text", [[("equal", current)]] if current else []), counterpart, texts=texts)
    change = ADDED if not confirmed else REMOVED if not current else CHANGED
    return Row(Shown("text", [state.word_diff(confirmed, current)]), counterpart, change, texts=texts)


def side_by_side(obj, language: str, *, confirmed: dict[str, str] | None = None) -> list[FieldRows]:
    """
    Return the object's translated fields for the desk, each with its rows, the changes numbered in page order.

    `confirmed` is the source text an outdated translation was confirmed against (None: show no changes).
    Fields empty in the source and the translation, now and as confirmed, are left out.
    """
    source = state.source_language(language)
    current = state.source_text(obj, source)
    target = state.source_text(obj, language)
    fields = []
    model_order = [field.name for field in type(obj)._meta.get_fields()]
    for name, now in sorted(current.items(), key=lambda item: model_order.index(item[0])):
        before = None if confirmed is None else confirmed.get(name, "")
        if not (now or target[name] or before):
            continue
        label = str(type(obj)._meta.get_field(name).verbose_name)
        if name in state.HTML_FIELDS:
            rows = block_rows(
                parse_blocks(now), parse_blocks(target[name]), None if before is None else parse_blocks(before)
            )
        else:
            rows = [text_row(now, target[name], before)]
        fields.append(FieldRows(name, label, rows))
    number_changes([row for item in fields for row in item.rows if row.change])
    return fields


def number_changes(changed: list[Row]) -> None:
    """Number the changes in page order, in the admin's digits, and link each to the one before and after."""
    language = get_language()
    total = localise_digits(len(changed), language)
    for index, row in enumerate(changed, start=1):
        row.number = index
        row.number_label = gettext("%(number)s of %(total)s") % {
            "number": localise_digits(index, language),
            "total": total,
        }
        row.previous = f"change-{index - 1}" if index > 1 else ""
        row.next = f"change-{index + 1}" if index < len(changed) else ""
