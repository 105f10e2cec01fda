"""Recording confirmed translations in the memory: called by the desk whenever a translation is confirmed."""

import hashlib
import re
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from core.text import fold

from .alignment import align
from .models import Segment

TITLE_LENGTH = Segment._meta.get_field("title").max_length


def exact_key(folded: str) -> str:
    """Return the fingerprint exact matches compare: the folded text with its spaces left out."""
    return hashlib.sha256("".join(folded.split()).encode()).hexdigest()


_WORD = re.compile(r"\w+")
ANCHOR_WORDS = 3  # how many words a head, middle or tail fingerprint covers
ANCHOR_CHARACTERS = 6  # how many characters (spaces left out) a prefix or suffix fingerprint covers
SHORT_LENGTH = 64  # texts up to this long (folded) have prefix and suffix fingerprints


class Anchors(NamedTuple):
    head: int | None
    middle: int | None
    tail: int | None
    prefix: int | None
    suffix: int | None


def _fingerprint(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def anchors(folded: str) -> Anchors:
    """
    Return the fingerprints fuzzy matches are found by. A text of three words or more: its first, middle and last
    three words; a short text (SHORT_LENGTH): its first and last six characters. A text reworded in a word or two,
    or a short one with a letter or two changed, keeps at least one of them; memory.matching reads the candidates
    that share one, and scores them.
    """
    words = _WORD.findall(folded)
    head = middle = tail = prefix = suffix = None
    if len(words) >= ANCHOR_WORDS:
        centre = max(0, len(words) // 2 - 1)
        head = _fingerprint(" ".join(words[:ANCHOR_WORDS]))
        middle = _fingerprint(" ".join(words[centre : centre + ANCHOR_WORDS]))
        tail = _fingerprint(" ".join(words[-ANCHOR_WORDS:]))
    if words and len(folded) <= SHORT_LENGTH:
        letters = "".join(words)
        prefix = _fingerprint("<" + letters[:ANCHOR_CHARACTERS])
        suffix = _fingerprint(letters[-ANCHOR_CHARACTERS:] + ">")
    return Anchors(head, middle, tail, prefix, suffix)


def record(obj, *, source_language: str, target_language: str, by=None, when=None) -> int:
    """
    Store the object's translation from `source_language` into `target_language` as aligned segments, replacing
    what the memory held for that object and direction (confirming again never duplicates). Return the count.
    """
    content_type = ContentType.objects.get_for_model(type(obj))
    title = str(obj)[:TITLE_LENGTH]
    when = when or timezone.now()
    segments = []
    for pair in align(obj, source_language, target_language):
        folded = fold(pair.source)
        found = anchors(folded)
        segments.append(
            Segment(
                source_language=source_language,
                target_language=target_language,
                source_text=pair.source,
                target_text=pair.target,
                folded=folded,
                key=exact_key(folded),
                length=len(folded),
                head=found.head,
                middle=found.middle,
                tail=found.tail,
                prefix=found.prefix,
                suffix=found.suffix,
                kind=pair.kind,
                content_type=content_type,
                object_id=obj.pk,
                field=pair.field,
                position=pair.position,
                title=title,
                recorded_by=by,
                recorded_at=when,
            )
        )
    with transaction.atomic():
        Segment.objects.filter(
            content_type=content_type,
            object_id=obj.pk,
            source_language=source_language,
            target_language=target_language,
        ).delete()
        Segment.objects.bulk_create(segments)
    return len(segments)


def forget(obj) -> None:
    """Remove every segment the memory learned from an object, in both directions."""
    Segment.objects.filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk).delete()
