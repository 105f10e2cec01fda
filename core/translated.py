"""
The translated models as the admin and the desk see them, read from modeltranslation's own registry, and the
hook through which a translation workflow (the desk) tells the core admin each object's state per language.

The core knows no content model and no desk: the desk registers itself (`register_state_provider`) and
listens to the two signals below from its own AppConfig.ready().
"""

from django.db import models
from django.dispatch import Signal
from django.utils.html import format_html
from modeltranslation.translator import NotRegistered, translator

# Sent by the admin before it saves a translated object (sender: the model; instance).
translation_saving = Signal()
# Sent when a translator saves their language with "Save and confirm" (sender: the model; instance, language, by).
translation_confirmed = Signal()

# What a translation must pass before the admin confirms it (the desk registers its glossary check):
# check(form, language, *, by) -> bool, called on a valid form inside the save's transaction; when it refuses it
# adds the form's errors, and may name a template (`form.confirm_check_template`) the change form shows.
_confirm_check = None

# Translated fields that hold rich text (sanitised HTML: core.text.sanitise_body), read block by block (core.blocks).
HTML_FIELDS = {"body"}

_provider = None


def translated_models() -> list[type[models.Model]]:
    return list(translator.get_registered_models(abstract=False))


def translated_names(model) -> list[str]:
    """Return the editable translated fields of a model, in the order they were registered."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = []
    for name in options.fields:
        field = model._meta.get_field(name)
        if field.editable:
            names.append(name)
    return names


def text_fields(model) -> list[str]:
    """Return the translated fields that are text to translate (headline, body…), not addresses (slugs)."""
    return [name for name in translated_names(model) if not isinstance(model._meta.get_field(name), models.SlugField)]


def translator_fields(model, language: str) -> list[str]:
    """Return the form fields a translator into `language` may change: the text, then the address."""
    text = text_fields(model)
    slugs = [name for name in translated_names(model) if name not in text]
    return [f"{name}_{language}" for name in [*text, *slugs]]


def register_confirm_check(check) -> None:
    global _confirm_check
    _confirm_check = check


def confirm_check():
    return _confirm_check


# The state of translations, as the registered workflow reports it --------------------------------------


def register_state_provider(provider) -> None:
    """
    Let a translation workflow report states. The provider offers `states(obj, confirmations=None)`,
    `translation_state(obj, language, confirmations=None)`, `confirmations_for(objects)`, `STATE_LABELS`, `OUTDATED`.
    """
    global _provider
    _provider = provider


def state_provider():
    return _provider


def prefetch_states(objects) -> None:
    """Fetch the states of a page of objects in one query, kept on the objects themselves (never on shared state)."""
    objects = list(objects)
    if _provider is None or not objects:
        return
    confirmations = _provider.confirmations_for(objects)
    for obj in objects:
        obj._translation_confirmations = confirmations


def state_of(obj, language: str) -> str | None:
    if _provider is None:
        return None
    return _provider.translation_state(obj, language, getattr(obj, "_translation_confirmations", None))


def state_badge(obj, language: str) -> str:
    value = state_of(obj, language)
    if value is None:
        return "—"
    return format_html(
        '<span class="translation-state translation-state--{}">{}</span>', value, _provider.STATE_LABELS[value]
    )
