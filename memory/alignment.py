"""
Cutting a confirmed translation into aligned pairs, only where the alignment is sure.

A plain field (headline, standfirst, bio, name) pairs with its translation whole. A rich-text body pairs block by
block when both languages have the same blocks, kind for kind (a subheading beside a subheading); a list, a quote
or a figure pairs part by part when both have the same number of parts. Any piece pairs sentence by sentence too
when both sides have the same number of sentences (more than one). Where the counts differ, the translator merged
or split something, and a guess would teach the memory a wrong pair: that piece is stored whole, or not at all.
"""

import re
from dataclasses import dataclass

from core.blocks import HEADINGS, Block, parse_blocks
from core.translated import HTML_FIELDS, text_fields

# A sentence ends with . ! ? or the Persian question mark (and any closing quote or bracket), before a space.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?؟…])|(?<=[.!?؟…][\"'”’»)\]]))\s+")


@dataclass(frozen=True)
class Piece:
    """A unit of text to translate: where it sits (field, position), what it is (kind) and its text."""

    field: str
    position: str
    kind: str
    text: str


@dataclass(frozen=True)
class Pair:
    field: str
    position: str
    kind: str
    source: str
    target: str


def sentences(text: str) -> list[str]:
    """Split a text into sentences at . ! ? ؟ … followed by a space."""
    return [sentence.strip() for sentence in _SENTENCE_END.split(text.strip()) if sentence.strip()]


def block_pieces(field: str, blocks: list[Block]) -> list[Piece]:
    """Return the pieces of a body's blocks: one per heading or paragraph, one per part of a list, quote or figure."""
    pieces = []
    for index, block in enumerate(blocks, start=1):
        if _whole(block):
            pieces.append(Piece(field, str(index), _block_kind(block), block.text))
            continue
        for part_index, part in enumerate(block.parts, start=1):
            if part:
                pieces.append(Piece(field, f"{index}.{part_index}", _part_kind(block, part_index), part))
    return pieces


def block_texts(block: Block) -> list[str]:
    """Return a block's pieces of text: the whole of a heading or paragraph, each part of a list, quote or figure."""
    return [block.text] if _whole(block) else [part for part in block.parts if part]


def _whole(block: Block) -> bool:
    """Whether a block is one piece: a heading, or a paragraph, a one-item list or a one-paragraph quote."""
    return block.kind in HEADINGS or (len(block.parts) == 1 and block.kind != "figure")


def _block_kind(block: Block) -> str:
    if block.kind in HEADINGS:
        return "heading"
    return "list item" if block.kind in ("ul", "ol") else "paragraph"


def _part_kind(block: Block, index: int) -> str:
    if block.kind == "figure":
        return "image description" if index == 1 else "caption"
    return "list item" if block.kind in ("ul", "ol") else "paragraph"


def pieces_of(obj, language: str) -> list[Piece]:
    """Return the object's text in a language, piece by piece: what the desk shows and the memory is asked for."""
    pieces = []
    for name in text_fields(type(obj)):
        value = getattr(obj, f"{name}_{language}", None) or ""
        if name in HTML_FIELDS:
            pieces.extend(block_pieces(name, parse_blocks(value)))
        elif value.strip():
            pieces.append(Piece(name, "", "field", " ".join(value.split())))
    return pieces


def _with_sentences(pair: Pair) -> list[Pair]:
    source, target = sentences(pair.source), sentences(pair.target)
    if len(source) < 2 or len(source) != len(target):
        return [pair]
    prefix = f"{pair.position}." if pair.position else ""
    return [pair] + [
        Pair(pair.field, f"{prefix}s{index}", "sentence", left, right)
        for index, (left, right) in enumerate(zip(source, target, strict=True), start=1)
    ]


def align_blocks(field: str, source: list[Block], target: list[Block]) -> list[Pair]:
    """Pair two bodies' blocks, when they line up kind for kind (and part for part); else nothing."""
    if len(source) != len(target) or any(left.kind != right.kind for left, right in zip(source, target, strict=True)):
        return []
    pairs = []
    for index, (left, right) in enumerate(zip(source, target, strict=True), start=1):
        if _whole(left) and _whole(right):
            pairs.append(Pair(field, str(index), _block_kind(left), left.text, right.text))
        elif len(left.parts) == len(right.parts):
            for part_index, (one, other) in enumerate(zip(left.parts, right.parts, strict=True), start=1):
                if one and other:
                    pairs.append(Pair(field, f"{index}.{part_index}", _part_kind(left, part_index), one, other))
    return pairs


def align(obj, source_language: str, target_language: str) -> list[Pair]:
    """Return the aligned pairs of an object's text in two languages, sentences included where sure."""
    pairs: list[Pair] = []
    for name in text_fields(type(obj)):
        source = getattr(obj, f"{name}_{source_language}", None) or ""
        target = getattr(obj, f"{name}_{target_language}", None) or ""
        if not (source.strip() and target.strip()):
            continue
        if name in HTML_FIELDS:
            found = align_blocks(name, parse_blocks(source), parse_blocks(target))
        else:
            found = [Pair(name, "", "field", " ".join(source.split()), " ".join(target.split()))]
        for pair in found:
            pairs.extend(_with_sentences(pair))
    return pairs
