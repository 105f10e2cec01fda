"""The translation desk: the queue, the side-by-side form, and confirming a translation."""

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.languages import direction
from core.roles import is_author, is_editor, language_name, translator_language
from core.text import localise_digits
from core.translated import translated_models

from . import glossary_check, memory_matches, state
from .forms import translation_form_class
from .services import save_translation
from .side_by_side import side_by_side


def desk_language(request) -> str:
    """Return the language the desk works in: a translator's own, or the one an editor asks for."""
    own = translator_language(request.user)
    if own:
        return own
    asked = request.GET.get("language") or request.POST.get("language")
    if asked in state.LANGUAGE_CODES:
        return asked
    return ""


def queue_view(request):
    language = desk_language(request)
    if not (language or is_editor(request.user)) and not translator_language(request.user):
        raise PermissionDenied
    items = [item for item in state.queue(language) if _may_change(request, item.obj)] if language else []
    if items:
        # The memory's coverage of every listed item, in one lookup (the queue's queries stay constant).
        figures = memory_matches.queue_leverage(
            [item.obj for item in items], source=state.source_language(language), language=language
        )
        for item in items:
            item.leverage = figures.get(id(item.obj), "")
    context = {
        **admin.site.each_context(request),
        "title": _("Translation desk: %(language)s") % {"language": language_name(language)}
        if language
        else _("Translation desk"),
        "language": language,
        "languages": [(code, language_name(code)) for code in state.LANGUAGE_CODES],
        "items": items,
        "leverage_title": memory_matches.leverage_title(),
        "items_summary": ngettext(
            "%(counter)s item needs translating.", "%(counter)s items need translating.", len(items)
        )
        % {"counter": localise_digits(len(items), get_language())},
    }
    return render(request, "desk/queue.html", context)


def _may_change(request, obj) -> bool:
    opts = obj._meta
    return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def translated_object(app_label: str, model_name: str, pk):
    """Return the object of a translated model a desk address names, or answer 404."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if model not in translated_models():
        raise Http404
    return get_object_or_404(model, pk=pk)


def translate_view(request, app_label, model_name, pk):
    """Show the source beside the translator's fields; saving confirms the translation as up to date."""
    obj = translated_object(app_label, model_name, pk)
    model = type(obj)
    language = desk_language(request) or "fa"
    if not _may_change(request, obj) or is_author(request.user):
        raise PermissionDenied
    form_class = translation_form_class(model, language)
    if request.method == "POST":
        # Validation reads the row again, locked (see core/locking.py): it and the save are one transaction.
        with transaction.atomic():
            form = form_class(request.POST, instance=obj)
            # A glossary term missing from the translation refuses the save, unless the translator gives a reason.
            saved = form.is_valid() and glossary_check.passes(form, language, by=request.user)
            confirmed = saved and save_translation(form, language, by=request.user)
        if saved and not confirmed:
            messages.warning(
                request,
                gettext(
                    "Saved. The %(source)s text changed while you were translating, so the translation is still "
                    "marked outdated: see what changed below, then save and confirm again."
                )
                % {"source": language_name(state.source_language(language))},
            )
            return redirect(f"{request.path}?language={language}")
        if saved:
            messages.success(request, gettext("Saved, and marked up to date."))
            return redirect(f"{request.path}?language={language}")
    else:
        prefilled = {}
        if request.GET.get("prefill"):
            # Exact matches into the empty fields, for the translator to review: nothing is saved until they confirm.
            prefilled, count = memory_matches.prefill(obj, source=state.source_language(language), language=language)
            messages.info(
                request,
                ngettext(
                    "%(count)s piece filled from the translation memory: review it, then save and confirm.",
                    "%(count)s pieces filled from the translation memory: review them, then save and confirm.",
                    count,
                )
                % {"count": localise_digits(count, get_language())}
                if count
                else gettext("The translation memory has no exact match for an empty field."),
            )
        form = form_class(instance=obj, initial=prefilled)
        form.prefilled = set(prefilled)
    source = state.source_language(language)
    confirmations = state.confirmations_for([obj])
    confirmation = confirmations.get((obj.pk, language))
    current_state = state.translation_state(obj, language, confirmations)
    outdated = current_state == state.OUTDATED
    fields = side_by_side(obj, language, confirmed=confirmation.source_text if outdated else None)
    changes = sum(1 for item in fields for row in item.rows if row.change)
    memory_matches.attach_matches(fields, source=source, language=language)
    return render(
        request,
        "desk/translate.html",
        {
            **admin.site.each_context(request),
            "is_nav_sidebar_enabled": False,  # the source, the translation and the editor need the whole width
            # The headline may run the other way from the admin's language: isolated (U+2068…U+2069), as <bdi>
            # would in HTML, so that the <title> and the heading keep their punctuation in order.
            "title": _("Translate “%(object)s” into %(language)s")
            % {"object": f"\u2068{obj}\u2069", "language": language_name(language)},
            "object": obj,
            "opts": model._meta,
            "form": form,
            "media": form.media,
            "language": language,
            "language_name": language_name(language),
            "language_dir": direction(language),
            "source_language": source,
            "source_name": language_name(source),
            "source_dir": direction(source),
            "fields": fields,
            "changes": changes,
            "changes_summary": ngettext(
                "%(count)s change since the last confirmation", "%(count)s changes since the last confirmation", changes
            )
            % {"count": localise_digits(changes, get_language())},
            "state": current_state,
            "state_label": state.STATE_LABELS[current_state],
            "confirmation": confirmation,
            "leverage": memory_matches.leverage_label(memory_matches.object_leverage(fields)),
            "prefilled": getattr(form, "prefilled", set()),
            "glossary": glossary_check.for_screen(language),
        },
    )
