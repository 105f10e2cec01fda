from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.text import localise_digits

from .query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        error_messages={"null_characters_not_allowed": _("Your search contains characters that cannot be searched.")},
    )

    def clean_q(self) -> str:
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            language = get_language()
            raise forms.ValidationError(
                _("Please shorten your search to %(limit)s characters or fewer (it has %(length)s).")
                % {"limit": localise_digits(MAX_QUERY_LENGTH, language), "length": localise_digits(len(text), language)}
            )
        return text
