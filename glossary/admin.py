"""
The glossary in the admin: terms managed by the editors and by the translators into each term's target language
(every permission checked here, on the server, not only in what the page shows), CSV and TBX import and export, and
the warnings translators overrode on the desk, for the editors.
"""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.admin import EditorsReadOnly
from core.languages import LANGUAGE_CODES, direction
from core.roles import is_editor, translator_language
from core.text import localise_digits

from . import checks, exchange
from .forms import ImportForm, TermForm, pair_choices, source_language
from .matching import term_key
from .models import Override, Term

# How many of the newest objects of each kind the editors' consistency list checks: about 5 ms an article.
INCONSISTENT_LIMIT = 500


def managed_languages(user) -> list[str]:
    """Return the target languages whose terms the user may add, change, delete and import."""
    if is_editor(user):
        return list(LANGUAGE_CODES)
    own = translator_language(user)
    return [own] if own else []


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    form = TermForm
    change_list_template = "admin/glossary/term/change_list.html"
    list_display = ["source_term", "approved_translation", "pair", "part_of_speech", "do_not_translate", "updated_at"]
    list_filter = ["target_language", "do_not_translate", "part_of_speech"]
    search_fields = ["source_term", "target_term", "note"]
    readonly_fields = ["updated_by", "updated_at"]

    # Permissions: the model's, narrowed to the pairs the user manages --------------------------------------------

    def has_add_permission(self, request):
        return bool(managed_languages(request.user)) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        languages = managed_languages(request.user)
        allowed = obj.target_language in languages if obj is not None else bool(languages)
        return allowed and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        languages = managed_languages(request.user)
        allowed = obj.target_language in languages if obj is not None else bool(languages)
        return allowed and super().has_delete_permission(request, obj)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("updated_by")

    def delete_queryset(self, request, queryset):
        # The bulk action deletes only the pairs the user manages, whatever rows were ticked.
        queryset.filter(target_language__in=managed_languages(request.user)).delete()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A class of this request's own: its pair choices are the ones this user may manage.
        return type(form.__name__, (form,), {"languages": managed_languages(request.user) or LANGUAGE_CODES})

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        # «علي» finds «علی», "security  council" finds "Security Council": the folded key too.
        results, duplicates = super().get_search_results(request, queryset, search_term)
        key = term_key(search_term)
        if key:
            results = results | queryset.filter(key__contains=key)
        return results, duplicates

    # Columns -----------------------------------------------------------------------------------------------------

    @admin.display(description=_("approved translation"), ordering="target_term")
    def approved_translation(self, obj):
        language = obj.source_language if obj.do_not_translate else obj.target_language
        return format_html('<bdi lang="{}" dir="{}">{}</bdi>', language, direction(language), obj.approved)

    @admin.display(description=_("language pair"), ordering="target_language")
    def pair(self, obj):
        return dict(pair_choices([obj.target_language]))[obj.target_language]

    # Import and export -------------------------------------------------------------------------------------------

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="glossary_term_import"),
            path("export/", self.admin_site.admin_view(self.export_view), name="glossary_term_export"),
            path(
                "inconsistent/", self.admin_site.admin_view(self.inconsistent_view), name="glossary_term_inconsistent"
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_import": self.has_add_permission(request),
            "may_check": is_editor(request.user),
            "export_pairs": pair_choices(list(LANGUAGE_CODES)),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        """Import a CSV or TBX file into one pair the user manages: every term saved, or none."""
        languages = managed_languages(request.user)
        if not (languages and self.has_add_permission(request)):
            raise PermissionDenied
        form_class = type("ImportForm", (ImportForm,), {"languages": languages})
        refused: list[str] = []
        if request.method == "POST":
            form = form_class(request.POST, request.FILES)
            if form.is_valid():
                language = form.cleaned_data["target_language"]
                try:
                    result = exchange.import_file(
                        form.cleaned_data["file"].read(),
                        form.file_format,
                        source_language=source_language(language),
                        target_language=language,
                        by=request.user,
                    )
                except exchange.Refused as error:
                    refused = error.errors
                else:
                    digits = get_language()
                    messages.success(
                        request,
                        gettext("Glossary imported: %(added)s terms added, %(updated)s updated.")
                        % {
                            "added": localise_digits(result.added, digits),
                            "updated": localise_digits(result.updated, digits),
                        },
                    )
                    return HttpResponseRedirect(reverse("admin:glossary_term_changelist"))
        else:
            form = form_class()
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Import a glossary file"),
            "opts": self.model._meta,
            "form": form,
            "refused": refused,
        }
        return render(request, "admin/glossary/term/import.html", context, status=400 if refused else 200)

    def inconsistent_view(self, request):
        """For the editors: the newest translations of a pair that lack approved terms of their source."""
        if not is_editor(request.user):
            raise PermissionDenied
        language = request.GET.get("language")
        language = language if language in LANGUAGE_CODES else LANGUAGE_CODES[-1]
        report = checks.inconsistent(source_language(language), language, limit=INCONSISTENT_LIMIT)
        digits = get_language()
        rows = []
        for obj, missing in report.found:
            opts = obj._meta
            try:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            except NoReverseMatch:
                url = ""
            rows.append({"object": obj, "kind": opts.verbose_name, "url": url, "missing": missing})
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Translations missing approved terms"),
            "opts": self.model._meta,
            "pairs": pair_choices(list(LANGUAGE_CODES)),
            "language": language,
            "source_language": source_language(language),
            "source_dir": direction(source_language(language)),
            "language_dir": direction(language),
            "rows": rows,
            "summary": ngettext(
                "%(count)s translation lacks approved terms.", "%(count)s translations lack approved terms.", len(rows)
            )
            % {"count": localise_digits(len(rows), digits)},
            "checked": gettext("Checked: the %(count)s newest items of each kind written in both languages, at most.")
            % {"count": localise_digits(INCONSISTENT_LIMIT, digits)},
        }
        return render(request, "admin/glossary/term/inconsistent.html", context)

    def export_view(self, request):
        """Send one pair's terms as CSV or TBX to anyone who may see the glossary."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        language = request.GET.get("language", "")
        file_format = request.GET.get("format", exchange.CSV)
        if language not in LANGUAGE_CODES or file_format not in exchange.FORMATS:
            messages.error(request, gettext("Choose a language pair and a format to export."))
            return HttpResponseRedirect(reverse("admin:glossary_term_changelist"))
        source = source_language(language)
        writer = exchange.export_csv if file_format == exchange.CSV else exchange.export_tbx
        response = HttpResponse(writer(source, language), content_type=exchange.FORMATS[file_format])
        response["Content-Disposition"] = f'attachment; filename="glossary-{source}-{language}.{file_format}"'
        return response


@admin.register(Override)
class OverrideAdmin(EditorsReadOnly, admin.ModelAdmin):
    """The glossary warnings translators confirmed over, with their reasons: for the editors, read only."""

    # The date opens the record: the translation's own column links to the translation, and links may not nest.
    list_display = ["at", "translation", "language", "missing_terms", "reason", "by"]
    list_display_links = ["at"]
    list_filter = ["language", "at"]
    search_fields = ["title", "reason"]
    list_select_related = ["by", "content_type"]
    fields = ["translation", "language", "missing_terms", "reason", "by", "at"]
    readonly_fields = fields

    @admin.display(description=_("translation"), ordering="title")
    def translation(self, obj):
        model = ContentType.objects.get_for_id(obj.content_type_id).model_class()
        title = format_html("<bdi>{}</bdi>", obj.title)
        if model is None:
            return title
        try:
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.object_id])
        except NoReverseMatch:
            return title
        return format_html('<a href="{}">{}</a>', url, title)

    @admin.display(description=_("missing terms"))
    def missing_terms(self, obj):
        items = [item for item in obj.terms if isinstance(item, dict)]
        return format_html(
            '<ul class="glossary-missing">{}</ul>',
            format_html_join(
                "",
                "<li>{}: <bdi>{}</bdi> — <bdi>{}</bdi></li>",
                (
                    (str(item.get("field", "")), str(item.get("source", "")), str(item.get("approved", "")))
                    for item in items
                ),
            ),
        )
