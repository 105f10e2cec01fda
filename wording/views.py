"""
The interface wording screens in the admin: the catalogue's messages for a language (search and filters),
one message's form, the history with its reverts, and the catalogue exported with the corrections.
"""

from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.languages import direction
from core.roles import language_name
from core.text import fold, localise_digits

from . import catalogue, services
from .access import editable_languages, require
from .catalogue import CatalogueMessage
from .forms import WordingForm
from .models import Change, Override

PER_PAGE = 50
STATES = {
    "untranslated": _("Untranslated"),
    "fuzzy": _("Fuzzy"),
    "changed": _("Changed here"),
}


@dataclass
class Row:
    message: CatalogueMessage
    forms: tuple[str, ...]  # the wording in force
    state: str  # "translated", "untranslated", "fuzzy" or "changed"

    @property
    def state_label(self) -> str:
        return str(STATES.get(self.state, _("Translated")))


def digits(value) -> str:
    return localise_digits(value, get_language())


def index_view(request):
    """Send the translator to their language's messages (an editor to the first language's)."""
    languages = editable_languages(request.user)
    if not languages:
        raise PermissionDenied
    return redirect("wording:messages", language=languages[0])


def rows_for(language: str) -> list[Row]:
    overrides = dict(Override.objects.filter(language=language).values_list("key", "forms"))
    rows = []
    for message in catalogue.load(language).messages:
        if message.key in overrides:
            rows.append(Row(message, tuple(overrides[message.key]), "changed"))
        elif message.fuzzy:
            rows.append(Row(message, message.translations, "fuzzy"))
        elif not message.translated:
            rows.append(Row(message, message.translations, "untranslated"))
        else:
            rows.append(Row(message, message.translations, "translated"))
    return rows


def matches(row: Row, folded_query: str) -> bool:
    message = row.message
    texts = (message.context, *message.sources, *row.forms, *message.translations)
    return any(folded_query in fold(text) for text in texts)


def messages_view(request, language):
    """List a language's messages: template wording/message_list.html, searchable and filtered by state."""
    require(request.user, language)
    rows = rows_for(language)
    counts = {state: sum(1 for row in rows if row.state == state) for state in STATES}
    state = request.GET.get("state", "")
    if state in STATES:
        rows = [row for row in rows if row.state == state]
    else:
        state = ""
    query = request.GET.get("q", "").strip()[:200]
    if query:
        folded = fold(query)
        rows = [row for row in rows if matches(row, folded)]
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    filters = [("", _("All"), None)] + [(key, label, digits(counts[key])) for key, label in STATES.items()]
    context = {
        **admin.site.each_context(request),
        "title": _("Interface wording: %(language)s") % {"language": language_name(language)},
        "language": language,
        "direction": direction(language),
        "languages": [(code, language_name(code)) for code in editable_languages(request.user)],
        "page": page,
        "query": query,
        "state": state,
        "filters": filters,
        "summary": ngettext("%(count)s message found.", "%(count)s messages found.", page.paginator.count)
        % {"count": digits(page.paginator.count)},
        "page_label": gettext("Page %(number)s of %(pages)s")
        % {"number": digits(page.number), "pages": digits(page.paginator.num_pages)},
    }
    return render(request, "wording/message_list.html", context)


def message_view(request, language, key):
    """Change one message's wording: template wording/message_form.html."""
    require(request.user, language)
    cat = catalogue.load(language)
    message = cat.by_key.get(key)
    if message is None:
        raise Http404
    current = services.current_forms(language, key)
    in_force = current if current is not None else list(message.translations)
    initial = {f"form_{number}": text for number, text in enumerate(in_force)}
    initial["based_on"] = services.last_change(language, key)
    if request.method == "POST":
        form = WordingForm(request.POST, message=message, catalogue=cat)
        if form.is_valid():
            try:
                outcome = services.save_wording(
                    language=language,
                    message=message,
                    forms=form.forms_written(),
                    by=request.user,
                    based_on=form.cleaned_data["based_on"],
                )
            except services.ChangedMeanwhile as error:
                form = WordingForm(initial=initial, message=message, catalogue=cat)
                form.changed_meanwhile = error.messages[0]
            except ValidationError as error:
                for problem in error.messages:
                    form.add_error(None, problem)
            else:
                if outcome.change is None:
                    messages.info(request, gettext("Nothing changed: this is already the wording."))
                else:
                    messages.success(request, gettext("Saved. Every page shows the new wording within seconds."))
                return redirect("wording:message", language=language, key=key)
    else:
        form = WordingForm(initial=initial, message=message, catalogue=cat)
    context = {
        **admin.site.each_context(request),
        "title": _("Change the wording"),
        "language": language,
        "language_label": language_name(language),
        "direction": direction(language),
        "message": message,
        "form": form,
        "overridden": current is not None,
        "changes": Change.objects.filter(language=language, key=key).select_related("changed_by")[:10],
    }
    return render(request, "wording/message_form.html", context)


def history_view(request, language):
    """Show who changed which wording, and when, with a revert button: template wording/change_list.html."""
    require(request.user, language)
    changes = Change.objects.filter(language=language).select_related("changed_by", "reverts")
    key = request.GET.get("key", "")
    if key:
        changes = changes.filter(key=key)
    page = Paginator(changes, PER_PAGE).get_page(request.GET.get("page"))
    by_key = catalogue.load(language).by_key
    for change in page:
        message = by_key.get(change.key)
        change.catalogue_forms = message.translations if message else ()
    context = {
        **admin.site.each_context(request),
        "title": _("Interface wording: history"),
        "language": language,
        "language_label": language_name(language),
        "direction": direction(language),
        "page": page,
        "key": key,
        "summary": ngettext("%(count)s change.", "%(count)s changes.", page.paginator.count)
        % {"count": digits(page.paginator.count)},
        "page_label": gettext("Page %(number)s of %(pages)s")
        % {"number": digits(page.number), "pages": digits(page.paginator.num_pages)},
    }
    return render(request, "wording/change_list.html", context)


@require_POST
def revert_view(request, language, pk):
    """Put back the wording a change replaced; the revert is a change of its own."""
    require(request.user, language)
    change = get_object_or_404(Change, pk=pk, language=language)
    try:
        outcome = services.revert_change(change=change, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if outcome.change is None:
            messages.info(request, gettext("Nothing changed: this is already the wording."))
        else:
            messages.success(request, gettext("Reverted. Every page shows the wording within seconds."))
    return redirect(reverse("wording:history", kwargs={"language": language}))


def export_view(request, language):
    """Download the language's django.po with the corrections in it, for developers to commit."""
    require(request.user, language)
    overrides = dict(Override.objects.filter(language=language).values_list("key", "forms"))
    po = catalogue.export(language, overrides)
    response = HttpResponse(po, content_type="text/x-gettext-translation; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="django.po"'
    return response
