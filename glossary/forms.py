"""The glossary's admin forms: a term of a language pair, and a file to import into one."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES, direction, other_languages
from core.roles import language_name
from core.text import localise_digits

from . import exchange
from .matching import term_key
from .models import Term


def source_language(target_language: str) -> str:
    return other_languages(target_language)[0]


def pair_choices(languages: list[str]) -> list[tuple[str, str]]:
    """Return the language pairs, by target language, as a person reads them: "English to Persian"."""
    return [
        (
            code,
            _("%(source)s to %(target)s")
            % {"source": language_name(source_language(code)), "target": language_name(code)},
        )
        for code in languages
    ]


class TermForm(forms.ModelForm):
    """A term of one of the pairs the user may manage (`languages`: target languages), its key unique in the pair."""

    languages: list[str] = LANGUAGE_CODES

    class Meta:
        model = Term
        fields = ["target_language", "source_term", "target_term", "part_of_speech", "note", "do_not_translate"]
        labels = {"target_language": _("language pair")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["target_language"]
        field.choices = pair_choices(self.languages)
        if len(self.languages) == 1:
            field.initial = self.languages[0]
        language = self.data.get("target_language") or self.initial.get("target_language") or self.languages[0]
        if language in LANGUAGE_CODES:
            # Each term is written in its own language's direction, whatever the admin's language.
            source = source_language(language)
            self.fields["source_term"].widget.attrs.update({"lang": source, "dir": direction(source)})
            self.fields["target_term"].widget.attrs.update({"lang": language, "dir": direction(language)})

    def clean(self):
        cleaned = super().clean()
        language, source_term = cleaned.get("target_language"), cleaned.get("source_term", "")
        if language:
            self.instance.source_language = source_language(language)
        if source_term and not term_key(source_term):
            self.add_error("source_term", _("A term needs letters or digits."))
        elif source_term and language:
            self.instance.key = term_key(source_term)
            clash = Term.objects.for_pair(source_language(language), language).filter(key=self.instance.key)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("source_term", _("This term is already in the glossary for this language pair."))
        if not cleaned.get("do_not_translate") and not cleaned.get("target_term"):
            self.add_error("target_term", _("Give the approved translation, or mark the term “do not translate”."))
        return cleaned


class ImportForm(forms.Form):
    languages: list[str] = LANGUAGE_CODES

    target_language = forms.ChoiceField(label=_("language pair"))
    file = forms.FileField(
        label=_("Glossary file"),
        help_text=_(
            "A CSV file (columns: source, target, part_of_speech, note, do_not_translate) or a TBX file, at most "
            "%(size)s MB. Terms already in the glossary are updated."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.tbx,.xml"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_language"].choices = pair_choices(self.languages)
        self.fields["file"].help_text = self.fields["file"].help_text % {
            "size": localise_digits(exchange.MAX_BYTES // 2**20, get_language())
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".tbx", ".xml")):
            raise forms.ValidationError(_("Choose a .csv or a .tbx file."))
        if upload.size > exchange.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large: at most %(size)s MB may be imported at once."),
                params={"size": localise_digits(exchange.MAX_BYTES // 2**20, get_language())},
            )
        return upload

    @property
    def file_format(self) -> str:
        return exchange.CSV if self.cleaned_data["file"].name.lower().endswith(".csv") else exchange.TBX
