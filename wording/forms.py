"""The wording form: one text, or one per plural form of the language, each checked by placeholders.py."""

from django import forms
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core.languages import direction
from core.text import localise_digits

from . import placeholders
from .catalogue import Catalogue, CatalogueMessage


def plural_label(number: int, examples: list[int]) -> str:
    """Return "Form 2 (for 2, 3, 4…)" in the admin's language and digits."""
    admin_language = get_language()
    numbers = pgettext("between items of a list", ", ").join(localise_digits(n, admin_language) for n in examples)
    return gettext("Form %(number)s (for %(examples)s…)") % {
        "number": localise_digits(number, admin_language),
        "examples": numbers,
    }


class WordingForm(forms.Form):
    # The message's last change when the form was opened: a save over someone else's newer one is refused.
    based_on = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    changed_meanwhile = ""

    def __init__(self, *args, message: CatalogueMessage, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message
        language = catalogue.language
        attrs = {"lang": language, "dir": direction(language), "rows": 3, "cols": 80}
        if message.has_plural:
            labels = [plural_label(number + 1, examples) for number, examples in enumerate(catalogue.plural_examples())]
        else:
            labels = [_("Wording")]
        for number, label in enumerate(labels):
            self.fields[f"form_{number}"] = forms.CharField(
                label=label, required=False, strip=False, widget=forms.Textarea(attrs=attrs)
            )

    def wording_fields(self) -> list[str]:
        return [name for name in self.fields if name.startswith("form_")]

    def clean(self):
        data = super().clean()
        for name in self.wording_fields():
            value = (data.get(name) or "").replace("\r\n", "\n")
            data[name] = value
            for problem in placeholders.form_problems(self.message, value):
                self.add_error(name, problem)
        return data

    def forms_written(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.wording_fields()]
