"""
Translation state: for each object and language, is the translation missing, up to date or outdated?

A translation is confirmed against the other language's text (its source). We keep the fingerprint of
that source: when the source changes afterwards, the translation is outdated until a translator
confirms it again.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES
from core.models import is_written
from core.text import plain_text, word_diff
from core.translated import HTML_FIELDS, text_fields, translated_models
from memory import recording as memory

from .models import TranslationConfirmation

MISSING = "missing"
UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
STATE_LABELS = {MISSING: _("missing"), UP_TO_DATE: _("up to date"), OUTDATED: _("outdated")}


def source_language(language: str) -> str:
    """Return the language a translation into `language` is made from: the other one."""
    return next(code for code in LANGUAGE_CODES if code != language)


def source_text(obj, language: str) -> dict[str, str]:
    """Return the text of the object's translated fields in a language."""
    return {name: getattr(obj, f"{name}_{language}", None) or "" for name in text_fields(type(obj))}


def fingerprint(text: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(text, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def confirmations_for(objects) -> dict[tuple[int, str], TranslationConfirmation]:
    """Fetch the confirmations of many objects of one model in one query, by (object id, language)."""
    objects = list(objects)
    if not objects:
        return {}
    content_type = ContentType.objects.get_for_model(type(objects[0]))
    rows = TranslationConfirmation.objects.filter(content_type=content_type, object_id__in=[obj.pk for obj in objects])
    return {(row.object_id, row.language): row for row in rows}


def translation_state(obj, language: str, confirmations: dict | None = None) -> str:
    """
    Return MISSING, UP_TO_DATE or OUTDATED for the object's translation into a language.

    A written translation with no confirmation on record (written before the desk existed, or by an
    editor) counts as up to date until its source changes; see `record_baselines`.
    """
    if not is_written(obj, language):
        return MISSING
    if confirmations is None:
        confirmations = confirmations_for([obj])
    confirmation = confirmations.get((obj.pk, language))
    if confirmation is None or not any(confirmation.source_text.values()):
        return UP_TO_DATE  # never confirmed, or confirmed against a source that was not yet written
    current = source_text(obj, confirmation.source_language)
    # A field registered for translation after the confirmation (the image credit, issue 16) was empty in the
    # source as confirmed: it outdates the translation only once the source has text in it, as its diff shows.
    recorded = {name: text for name, text in current.items() if text or name in confirmation.source_text}
    return UP_TO_DATE if fingerprint(recorded) == confirmation.source_fingerprint else OUTDATED


def states(obj, confirmations: dict | None = None) -> dict[str, str]:
    if confirmations is None:
        confirmations = confirmations_for([obj])
    return {language: translation_state(obj, language, confirmations) for language in LANGUAGE_CODES}


def confirm(
    obj, language: str, *, by, translated_from: tuple[dict[str, str], str] | None = None
) -> TranslationConfirmation:
    """
    Record that the object's translation into `language` matches its source as it is now, and teach the translation
    memory its aligned segments (that direction only).

    `translated_from` (a source text and its fingerprint) confirms it against the source as it was when the
    translation was made instead (an XLIFF file exported before the source changed): the translation then shows
    as outdated, with what changed since, and the memory learns nothing from it until it is confirmed again. Nor
    does it learn from a baseline (`by` None: see `record_baselines`), which no translator confirmed.
    """
    source = source_language(language)
    text = source_text(obj, source)
    version = fingerprint(text)
    if translated_from is not None:
        text, version = translated_from
    confirmation, _created = TranslationConfirmation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        language=language,
        defaults={
            "source_language": source,
            "source_fingerprint": version,
            "source_text": text,
            "confirmed_by": by,
        },
    )
    if translated_from is None and by is not None:  # a baseline (by=None) is nobody's confirmation
        memory.record(obj, source_language=source, target_language=language, by=by, when=confirmation.confirmed_at)
    return confirmation


def record_baselines(obj) -> None:
    """
    Before the object is saved, confirm any written but unconfirmed translation against its source as stored.

    So a translation that predates the desk becomes outdated when its source is edited, instead of
    staying "up to date" for ever.
    """
    if obj.pk is None:
        return
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    if stored is None:
        return
    confirmations = confirmations_for([stored])
    for language in LANGUAGE_CODES:
        # An original (its other language not yet written) is nobody's translation: no baseline, or
        # writing the translation later would make the original "outdated".
        translated = is_written(stored, source_language(language))
        if translated and is_written(stored, language) and (stored.pk, language) not in confirmations:
            confirm(stored, language, by=None)


@dataclass
class FieldChange:
    field: str
    label: str
    diff: list[tuple[str, str]]  # (kind, text): kind is "equal", "insert" or "delete"


def source_changes(obj, language: str) -> list[FieldChange]:
    """Return, field by field, what changed in the source since the translation was last confirmed."""
    confirmation = confirmations_for([obj]).get((obj.pk, language))
    if confirmation is None:
        return []
    current = source_text(obj, confirmation.source_language)
    changes = []
    for name, now in current.items():
        before = confirmation.source_text.get(name, "")
        if before == now:
            continue
        if name in HTML_FIELDS:
            before, now = plain_text(before), plain_text(now)
        label = str(type(obj)._meta.get_field(name).verbose_name)
        changes.append(FieldChange(name, label, word_diff(before, now)))
    return changes


@dataclass
class QueueItem:
    obj: models.Model
    state: str
    leverage: str = ""  # the share of its source the translation memory covers, as the desk shows it ("38%")

    @property
    def model_name(self) -> str:
        return str(type(self.obj)._meta.verbose_name)

    @property
    def opts(self):
        return type(self.obj)._meta

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


def queue(language: str) -> list[QueueItem]:
    """
    Return what needs translating into a language: missing first, then outdated; newest first within each; the
    models that ask for it (notes on articles: `translation_first`) before all the others.

    Only objects whose source language is written are listed (there is nothing to translate from otherwise).
    """
    source = source_language(language)
    items: list[QueueItem] = []
    for model in translated_models():
        objects = list(model._default_manager.all())
        confirmations = confirmations_for(objects)
        for obj in objects:
            if not is_written(obj, source):
                continue
            state = translation_state(obj, language, confirmations)
            if state != UP_TO_DATE:
                items.append(QueueItem(obj, state))
    newest = sorted(items, key=lambda item: _modified(item.obj), reverse=True)
    # A model may ask to come first (`translation_first`): a correction readers of the other language wait for.
    return sorted(newest, key=lambda item: (not getattr(item.obj, "translation_first", False), item.state != MISSING))


def _modified(obj):
    from datetime import datetime

    return getattr(obj, "updated_at", None) or datetime.min.replace(tzinfo=UTC)
