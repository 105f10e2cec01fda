"""The desk's form: a translator's fields of one object, in the model's order, saved by desk.services."""

from django import forms
from django.db import models

from core.languages import direction
from core.locking import LockedForm
from core.translated import text_fields, translator_fields
from core.widgets import body_widget

from . import state


def _field_place(model, name: str, order: list[str]) -> tuple[bool, int]:
    """Sort a translator's fields: the text in the model's order, then the addresses (slugs) as core puts them."""
    base = name.rsplit("_", 1)[0]
    return isinstance(model._meta.get_field(base), models.SlugField), order.index(base)


def translation_form_class(model, language: str):
    # In the model's own order (headline, standfirst, body…), as the rows beside the form show the source.
    order = [field.name for field in model._meta.get_fields()]
    fields = [*sorted(translator_fields(model, language), key=lambda name: _field_place(model, name, order)), "version"]
    widgets = {"version": forms.HiddenInput()}
    for name in fields[:-1]:
        base = name.rsplit("_", 1)[0]
        if base in state.HTML_FIELDS:
            widgets[name] = body_widget(language)
        elif isinstance(model._meta.get_field(base), models.TextField):  # a standfirst, a bio, a note
            widgets[name] = forms.Textarea(attrs={"dir": direction(language), "lang": language, "rows": 4})
        else:
            widgets[name] = forms.TextInput(attrs={"dir": direction(language), "lang": language})
    form_class = forms.modelform_factory(model, form=LockedForm, fields=fields, widgets=widgets)
    # The translator is told when the source they translate from changed while they worked.
    form_class.watched_fields = tuple(f"{name}_{state.source_language(language)}" for name in text_fields(model))
    return form_class
