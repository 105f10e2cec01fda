"""The desk's XLIFF exchange: export one object or the queue for a CAT tool, and import the translated file."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.roles import is_author, is_editor, language_name, translator_language
from core.text import localise_digits

from . import glossary_check, state
from .exchange import files
from .exchange.importing import import_file
from .views import _may_change, desk_language, translated_object

CONTENT_TYPE = "application/x-xliff+xml"


def _may_exchange(user) -> bool:
    """Editors and translators exchange files; authors and everyone else do not."""
    return not is_author(user) and bool(is_editor(user) or translator_language(user))


def _attachment(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def export_object_view(request, app_label, model_name, pk):
    """Send one object's source text as an XLIFF 1.2 file for translating into the desk's language."""
    obj = translated_object(app_label, model_name, pk)
    if not _may_exchange(request.user) or not _may_change(request, obj):
        raise PermissionDenied
    language = desk_language(request) or "fa"
    source = state.source_language(language)
    name = f"{model_name}-{pk}-{source}-{language}.xlf"
    return _attachment(files.write([obj], language), name)


def export_queue_view(request):
    """Send everything missing or outdated in the desk's language as one XLIFF 1.2 file."""
    if not _may_exchange(request.user):
        raise PermissionDenied
    language = desk_language(request)
    if not language:
        return redirect("desk:queue")
    objects = [item.obj for item in state.queue(language) if _may_change(request, item.obj)]
    queue = f"{reverse('desk:queue')}?language={language}"
    if not objects:
        messages.info(request, gettext("Nothing needs translating, so there is nothing to export."))
        return redirect(queue)
    return _attachment(files.write(objects, language), f"desk-{state.source_language(language)}-{language}.xlf")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("XLIFF file"),
        help_text=_("An XLIFF 1.2 file exported from this desk and translated in your CAT tool (at most 5 MB)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlf,.xliff,.xml"}),
    )

    glossary_reason = forms.CharField(
        label=_("Reason for importing without the approved glossary terms (kept for the editors)"),
        help_text=_("Only when the glossary check refused the file: kept with each translation it lists."),
        required=False,
        max_length=glossary_check.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > files.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large: at most %(size)s MB may be imported at once."),
                params={"size": localise_digits(files.MAX_BYTES // 2**20, get_language())},
            )
        return upload


def import_view(request):
    """Show the upload form (desk/exchange_import.html); import the posted file, all or nothing."""
    if not _may_exchange(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    refused, glossary_found, glossary_pair = "", [], {}
    if request.method == "POST" and form.is_valid():
        try:
            outcome = import_file(
                form.cleaned_data["file"].read(files.MAX_BYTES + 1),
                by=request.user,
                glossary_reason=form.cleaned_data["glossary_reason"],
            )
        except files.Refused as error:
            refused = error.message
            glossary_found = getattr(error, "found", [])
            glossary_pair = getattr(error, "pair", {})
        else:
            _report(request, outcome)
            return redirect(f"{reverse('desk:queue')}?language={outcome.language}")
    own = translator_language(request.user)
    context = {
        **admin.site.each_context(request),
        "title": _("Import a translated XLIFF file"),
        "form": form,
        "refused": refused,
        "glossary_found": glossary_found,
        "pair": glossary_pair,
        # The reason is asked for once the glossary check refused a file (or when one was posted).
        "ask_reason": bool(glossary_found or form["glossary_reason"].value() or form["glossary_reason"].errors),
        "language": own or desk_language(request),
        "language_name": language_name(own) if own else "",
    }
    return render(request, "desk/exchange_import.html", context)


def _report(request, outcome) -> None:
    language = get_language()
    source = language_name(state.source_language(outcome.language))
    if outcome.confirmed:
        count = len(outcome.confirmed)
        messages.success(
            request,
            ngettext(
                "%(count)s translation imported and marked up to date.",
                "%(count)s translations imported and marked up to date.",
                count,
            )
            % {"count": localise_digits(count, language)},
        )
    for obj in outcome.outdated:
        messages.warning(
            request,
            gettext(
                "“%(object)s” was imported, but its %(source)s text changed after the file was exported: the "
                "translation is saved and marked outdated. Open it on the desk to see what changed."
            )
            % {"object": obj, "source": source},
        )
    if outcome.untouched:
        count = len(outcome.untouched)
        messages.info(
            request,
            ngettext(
                "%(count)s item in the file has no translation yet and was left as it was.",
                "%(count)s items in the file have no translation yet and were left as they were.",
                count,
            )
            % {"count": localise_digits(count, language)},
        )
