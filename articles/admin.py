from functools import partial

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Count
from django.forms.formsets import all_valid
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_cookie

from core import translated
from core.admin import (
    TRANSLATION_COLUMNS,
    InAdminLanguage,
    NewsroomAdmin,
    SafeAutocompleteMixin,
    in_its_language,
    on_change_list,
    thumbnail,
    translated_text,
    translated_text_column,
)
from core.admin_dates import MonthListFilter, count_text, date_column, date_html
from core.dates import display
from core.languages import LANGUAGE_CODES
from core.locking import LockedForm
from core.roles import can_publish, is_author, language_name
from core.text import localise_digits
from core.widgets import body_widget

from . import prepublication, services, takedown_admin
from .models import SEARCH_INDEX_COLUMNS, Article, ArticleType, Byline, Section, Tag
from .outline import CONTENTS_MIN_HEADINGS
from .preview import article_from_form, form_problems, posted_bylines, preview_response
from .views import article_page_context, with_page_relations

AUTHOR_STATUSES = {Article.Status.DRAFT, Article.Status.IN_REVIEW}
# What an author reads, in the admin's calendar, in place of the editors' publication fields.
AUTHOR_READS = {"publish_at": "publication_time", "embargo_until": "embargo_time"}


class ArticleForm(LockedForm):
    """The article's admin form: what is saved must keep to the embargo (`services.embargo_refusal`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_embargo = self.instance.embargo_until

    def _post_clean(self):
        super()._post_clean()  # the article as it would be saved, merged with edits saved meanwhile
        if self.errors:
            return
        field = "embargo_until" if "embargo_until" in self.fields else None
        if problem := services.past_embargo(self.instance.embargo_until, was=self.stored_embargo):
            self.add_error(field, problem)
        elif problem := services.embargo_refusal(self.instance):
            self.add_error(None, problem)


class BylineFormSet(BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.article = self.instance  # its label names its article: not read again per byline
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A table row's inputs have no <label> (their column heading names them for sight only): name each
        # after its field, the "delete" box included, so screen readers and voice control can find them.
        for field in form.fields.values():
            # The author's select is wrapped (its "add" and "change" links), and rendered from its own attrs.
            widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
            if not widget.is_hidden:
                widget.attrs.setdefault("aria-label", capfirst(field.label))


class BylineInline(SafeAutocompleteMixin, admin.TabularInline):
    model = Byline
    formset = BylineFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = _("byline")
    verbose_name_plural = _("byline (in order)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class LanguageFilter(admin.SimpleListFilter):
    """Filter by a language's translation state: written, missing or outdated."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for language in LANGUAGE_CODES:
            name = language_name(language)
            choices += [
                (f"{language}:available", _("%(language)s: available") % {"language": name}),
                (f"{language}:missing", _("%(language)s: missing") % {"language": name}),
                (f"{language}:outdated", _("%(language)s: outdated") % {"language": name}),
            ]
        return choices

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        language, wanted = self.value().split(":", 1)
        if language not in LANGUAGE_CODES:
            return queryset
        written = queryset.available_in(language)
        if wanted == "available":
            return written
        if wanted == "missing":
            return queryset.exclude(pk__in=written.values("pk"))
        provider = translated.state_provider()
        if wanted == "outdated" and provider is not None:
            names = translated.text_fields(Article)
            text_fields = [f"{name}_{code}" for name in names for code in LANGUAGE_CODES]
            articles = list(written.select_related(None).prefetch_related(None).only("pk", *text_fields))
            translated.prefetch_states(articles)
            outdated = [a.pk for a in articles if translated.state_of(a, language) == provider.OUTDATED]
            return queryset.filter(pk__in=outdated)
        return queryset


def with_picture_status(fields: list[str]) -> list[str]:
    """Return a fieldset's fields with the saved picture's status right after the image."""
    return [shown for name in fields for shown in ((name, "picture_status") if name == "image" else (name,))]


@admin.register(Article)
class ArticleAdmin(NewsroomAdmin):
    form = ArticleForm
    list_display = [
        "headline_column",
        "thumbnail_column",
        "status_column",
        *TRANSLATION_COLUMNS,
        "section_column",
        "authors_column",
        date_column(Article, "publish_at"),
    ]
    list_display_links = ["headline_column"]
    list_filter = ["status", LanguageFilter, "section", "article_type", "series",
                   ("bylines__author", admin.RelatedOnlyFieldListFilter), ("publish_at", MonthListFilter)]  # fmt: skip
    search_fields = ["headline_en", "headline_fa", "standfirst_en", "standfirst_fa", "bylines__author__name_en",
                     "bylines__author__name_fa"]  # fmt: skip
    autocomplete_fields = ["tags", "series", "section"]
    inlines = [BylineInline]
    list_per_page = 50
    actions = ["send_to_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        (_("Featured image"), {"fields": ["image", "image_alt", "image_caption", "image_credit"]}),
        (_("Filing"), {"fields": ["article_type", "section", "tags", "series", "part"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "embargo_until", "version"]}),
        (_("Before publishing"), {"fields": ["publication_checks"]}),
    ]

    slug_source = "headline"

    class Media:  # the preview buttons under the submit row, one per headline filled in
        css = {"all": ("articles/admin_preview.css",)}
        js = ("articles/admin_preview.js",)

    def reversion_register(self, model, **options):
        """History keeps what the desk wrote, not the search index derived from it (rebuilt on every save)."""
        if model is Article:
            options["exclude"] = SEARCH_INDEX_COLUMNS
        super().reversion_register(model, **options)

    # The list ----------------------------------------------------------------------------------

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("body_en", "body_fa"):
            kwargs["widget"] = body_widget(db_field.name.rsplit("_", 1)[-1])
            # The contents-list threshold is the outline's own constant, shown in the admin's digits.
            kwargs["help_text"] = ngettext(
                "Subheadings: a “Subheading” (h2) opens each section, a “Sub-subheading” (h3) divides one. Type ## "
                "and a space at the start of a line for a subheading (### for a sub-subheading), or press Ctrl+Alt+2 "
                "(Ctrl+Alt+3). An article with %(count)s subheading or more shows a contents list.",
                "Subheadings: a “Subheading” (h2) opens each section, a “Sub-subheading” (h3) divides one. Type ## "
                "and a space at the start of a line for a subheading (### for a sub-subheading), or press Ctrl+Alt+2 "
                "(Ctrl+Alt+3). An article with %(count)s subheadings or more shows a contents list.",
                CONTENTS_MIN_HEADINGS,
            ) % {"count": localise_digits(CONTENTS_MIN_HEADINGS, translation.get_language())}
        if db_field.name == "part":
            # Said here rather than on the model: the page's wording is no part of the schema (no migration).
            kwargs["help_text"] = _(
                "Its number within the series. Pages show it above the headline (“Part Two”), so the headline "
                "need not say it; when the headline does, the label is left out."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        # A new article is of the first type in the editors' order (News, as migration 0015 made the list).
        initial = super().get_changeform_initial_data(request)
        if "article_type" not in initial and (first := ArticleType.objects.first()) is not None:
            initial["article_type"] = first.pk
        return initial

    def get_queryset(self, request):
        queryset = super().get_queryset(request).for_listing().without_search_index()
        if is_author(request.user):
            profile = getattr(request.user, "author_profile", None)
            return queryset.by_author(profile) if profile else queryset.none()
        return queryset

    def get_search_results(self, request, queryset, search_term):
        queryset, _duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False

    @admin.display(description=_("headline"), ordering=InAdminLanguage("headline"))
    def headline_column(self, article):
        # The admin's language when written (a Persian editor sees the Persian headline), else the other.
        headline, language = translated_text(article, "headline")
        return in_its_language(headline, language) if headline else str(article)

    @admin.display(description=_("image"))
    def thumbnail_column(self, article):
        return thumbnail(article.image, *translated_text(article, "image_alt"))

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, article):
        status = gettext("Scheduled") if article.is_scheduled() else article.get_status_display()
        if article.embargo_until and article.embargo_until > timezone.now():
            return format_html(
                "{}<br><small>{}</small>",
                status,
                gettext("Embargoed until %(moment)s") % {"moment": display(article.embargo_until)},
            )
        return status

    @admin.display(description=_("section"), ordering=InAdminLanguage("section__name"))
    def section_column(self, article):
        name, language = translated_text(article.section, "name") if article.section else ("", "")
        return in_its_language(name, language) if name else "—"

    @admin.display(description=_("authors"))
    def authors_column(self, article):
        names = [in_its_language(*translated_text(author, "name")) for author in article.ordered_authors()]
        return format_html_join(gettext(", "), "{}", ((name,) for name in names))

    # Roles -------------------------------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is not None and is_author(request.user):
            return obj.status in AUTHOR_STATUSES and self.is_own(request, obj)
        return True

    def has_view_permission(self, request, obj=None):
        if obj is not None and is_author(request.user) and not self.is_own(request, obj):
            return False
        return super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if is_author(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def is_own(self, request, article) -> bool:
        profile = getattr(request.user, "author_profile", None)
        return profile is not None and article.bylines.filter(author=profile).exists()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_taken_down():  # its picture stays withheld until it is restored
            readonly.append("image")
        if is_author(request.user):
            readonly += ["publication_time", "embargo_time"]  # an embargo is the editors' to set or lift
        return [*readonly, "picture_status", "publication_checks"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.image:  # what readers see of the saved image: ready, or still being made
            fieldsets = [(name, {**options, "fields": with_picture_status(options["fields"])})
                         for name, options in fieldsets]  # fmt: skip
        if not is_author(request.user):
            return fieldsets
        # An author reads the publication time in the admin's calendar (Django would show it Gregorian).
        return [
            (name, {**options, "fields": [AUTHOR_READS.get(f, f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description=_("picture for readers"))
    def picture_status(self, article):
        # The renditions are made by the worker after the save (articles/tasks.py): say so, not nothing.
        if article.image_renditions.get("withheld"):
            return gettext("Withheld: the article is taken down, so its picture is not served. Restore it to show it.")
        if article.renditions.pending:
            return gettext(
                "Being prepared: readers will see the picture once its sizes are made, usually within a minute. "
                "Reload this page to check."
            )
        if article.renditions:
            return gettext("Ready: readers see it in every size.")
        return gettext("This file could not be read as a picture, so readers see none: upload another.")

    @admin.display(description=_("pre-publish checks"))
    def publication_checks(self, article):
        # Registered by the prepublish app (articles/prepublication.py); authors read them too.
        if article.pk is None:
            return gettext("The checks are shown once the article is saved.")
        return prepublication.panel(article) or "—"

    @admin.display(description=Article._meta.get_field("publish_at").verbose_name)
    def publication_time(self, article):
        return date_html(article.publish_at)

    @admin.display(description=Article._meta.get_field("embargo_until").verbose_name)
    def embargo_time(self, article):
        return date_html(article.embargo_until)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request.user):
            kwargs["choices"] = [(value, label) for value, label in Article.Status.choices if value in AUTHOR_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        # Wrapped first: a form class made from it builds its fields afresh, undoing what is set on them below.
        form = checked_before_publishing(super().get_form(request, obj, **kwargs), obj.status if obj else None)
        if "status" in form.base_fields and not can_publish(request.user) and obj is not None:
            if obj.status not in AUTHOR_STATUSES:
                form.base_fields["status"].disabled = True
        if "status" in form.base_fields:
            if obj is not None and obj.is_taken_down():
                form.base_fields["status"].disabled = True  # only "Restore" brings it back (takedown_admin.py)
            else:  # only "Take down" takes it down, with its reason
                status = form.base_fields["status"]
                status.choices = [(v, label) for v, label in status.choices if v != Article.Status.TAKEN_DOWN]
        return form

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A taken-down article is not brought back by reverting to an older version: "Restore" does that."""
        article = self.get_object(request, object_id)
        if article is not None and article.is_taken_down() and request.method == "POST":
            messages.error(request, gettext("It is taken down: restore it first, then revert to an older version."))
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        profile = getattr(request.user, "author_profile", None)
        if is_author(request.user) and profile is not None:
            # An author's article always carries their byline.
            Byline.objects.get_or_create(
                article=form.instance, author=profile, defaults={"position": form.instance.bylines.count()}
            )

    def response_change(self, request, obj):
        if "_preview" in request.POST:
            return HttpResponseRedirect(reverse("admin:articles_article_preview", args=[obj.pk]))
        return super().response_change(request, obj)

    # The preview -------------------------------------------------------------------------------

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        unsaved = self.admin_site.admin_view(self.unsaved_preview_view)
        takedown = self.admin_site.admin_view(partial(takedown_admin.takedown_view, self))
        restore = self.admin_site.admin_view(partial(takedown_admin.restore_view, self))
        return [
            path("<int:pk>/takedown/", takedown, name="articles_article_takedown"),
            path("<int:pk>/restore/", restore, name="articles_article_restore"),
            path("add/preview/", unsaved, name="articles_article_preview_unsaved"),
            path("<int:pk>/preview/", preview, name="articles_article_preview"),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The submit row's preview buttons (admin/articles/article/submit_line.html), one per language.
        languages = [(code, language_name(code)) for code in LANGUAGE_CODES]
        extra_context = {**(extra_context or {}), "preview_languages": languages}
        return super().changeform_view(request, object_id, form_url, extra_context)

    @method_decorator(never_cache)
    @method_decorator(vary_on_cookie)
    def preview_view(self, request, pk):
        """
        Show staff an article, published or not, as readers will see it, in the language asked for
        (`?language=fa`; else the first it is written in). Template: `articles/article_preview.html`.
        A POST of the article's form shows the form as it is now instead (`unsaved_preview_view`).
        """
        if request.method == "POST":
            return self.unsaved_preview_view(request, pk)
        article = get_object_or_404(with_page_relations(Article.objects.without_search_index()), pk=pk)
        if not self.has_view_permission(request, article):
            raise Http404  # as for an article that does not exist: an author learns nothing of others' drafts
        written = article.available_languages()
        here = reverse("admin:articles_article_preview", args=[article.pk])
        other_urls = {code: f"{here}?language={code}" for code in written}
        return self.render_preview(request, article, other_urls)

    @method_decorator(never_cache)
    @method_decorator(vary_on_cookie)
    @method_decorator(require_POST)
    def unsaved_preview_view(self, request, pk=None):
        """
        Show the posted article form (a new article, or unsaved edits of article `pk`) as readers would see it,
        saving nothing; if the form could not be saved, say why. Opened in a new tab by the form's preview
        buttons. Template: `articles/article_preview.html`, or `articles/article_preview_problems.html`.
        """
        obj = None
        if pk is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
        else:
            obj = with_page_relations(self.get_queryset(request).prefetch_related(None)).filter(pk=pk).first()
            if obj is None or not self.has_view_permission(request, obj):
                raise Http404
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        # Validated as a save would be (the same form, rows and merge with the stored article) and never
        # committed: nothing here saves, and the rollback makes sure of it.
        using = router.db_for_write(Article)
        with transaction.atomic(using=using):
            try:
                return self.preview_posted_form(request, obj)
            finally:
                transaction.set_rollback(True, using=using)

    def preview_posted_form(self, request, obj):
        fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        form_class = self.get_form(request, obj, change=obj is not None, fields=fields)
        form = form_class(request.POST, request.FILES, instance=obj)
        formsets, inlines = self._create_formsets(request, form.instance, change=obj is not None)
        form_validated = form.is_valid()
        if not (all_valid(formsets) and form_validated):
            context = {"problems": form_problems(form, zip(formsets, inlines, strict=True))}
            return preview_response(request, "articles/article_preview_problems.html", context)
        bylines = next((formset for formset in formsets if formset.prefix == "bylines"), None)
        keep_stored = bylines is None or bylines.prefix in form.keep_stored_related
        author = getattr(request.user, "author_profile", None) if is_author(request.user) else None
        article = article_from_form(form, None if keep_stored else posted_bylines(bylines), author=author)
        return self.render_preview(request, article, {}, unsaved=True)

    def render_preview(self, request, article, other_urls: dict[str, str], **extra):
        """Render the preview of an article in the language asked for (else the first it is written in)."""
        language = request.GET.get("language")
        if language not in LANGUAGE_CODES:
            language = (article.available_languages() or LANGUAGE_CODES)[0]
        # Show an unscheduled draft as it would look published now (in memory only; nothing is saved).
        article.publish_at = article.publish_at or timezone.now()
        with translation.override(language):
            context = article_page_context(article, language, request=request)
            context.update(
                object=article,
                language=language,
                other_language_urls={code: url for code, url in other_urls.items() if code != language},
                **extra,
            )
            return preview_response(request, "articles/article_preview.html", context)

    # Bulk actions ------------------------------------------------------------------------------

    @admin.action(description=_("Send the selected articles to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        done = 0
        for article in queryset:
            if article.status == Article.Status.DRAFT and self.has_change_permission(request, article):
                done += services.send_to_review(article=article, by=request.user).done
        message = ngettext("%(count)d article sent to review.", "%(count)d articles sent to review.", done)
        self.report(request, done, queryset.count(), message)

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        outcomes = [services.publish_article(article=article, by=request.user) for article in queryset]
        published = sum(1 for result in outcomes if result.outcome == services.Outcome.PUBLISHED)
        scheduled = sum(1 for result in outcomes if result.outcome == services.Outcome.SCHEDULED)
        refused = [
            (str(result.article), result.reason) for result in outcomes if result.outcome == services.Outcome.REFUSED
        ]
        reversion.set_comment(gettext("Bulk publish: %(published)d published, %(scheduled)d scheduled.")
                              % {"published": published, "scheduled": scheduled})  # fmt: skip
        if published:
            messages.success(request, counted(ngettext("%(count)d article published.", "%(count)d articles published.",
                                                       published), published))  # fmt: skip
        if scheduled:
            messages.success(request, counted(ngettext("%(count)d article scheduled.", "%(count)d articles scheduled.",
                                                       scheduled), scheduled))  # fmt: skip
        for article, reason in refused:
            messages.warning(request, gettext("“%(article)s” was not published. %(reason)s")
                             % {"article": article, "reason": reason})  # fmt: skip
        if not (published or scheduled or refused):
            messages.info(request, gettext("The selected articles were already published."))

    @admin.action(description=_("Unpublish (withdraw) the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        done = sum(services.withdraw_article(article=article, by=request.user).done for article in queryset)
        message = ngettext("%(count)d article withdrawn.", "%(count)d articles withdrawn.", done)
        self.report(request, done, queryset.count(), message)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def report(self, request, done: int, selected: int, message: str) -> None:
        reversion.set_comment(message % {"count": done})
        if done:
            messages.success(request, counted(message, done))
        if done < selected:
            skipped = selected - done
            messages.warning(
                request,
                counted(
                    ngettext(
                        "%(count)d article was left as it was (not in a state this action applies to, or not yours).",
                        "%(count)d articles were left as they were (not in a state this action applies to, or not "
                        "yours).",
                        skipped,
                    ),
                    skipped,
                ),
            )


def checked_before_publishing(form_class, stored_status: str | None):
    """
    Return the form class, made to refuse (nothing saved) to publish or schedule an article that was not
    published before while a pre-publish check blocks it, the checks judging the form's text and tags.
    """

    class CheckedBeforePublishing(form_class):
        def _post_clean(self):
            super()._post_clean()  # the model's clean() has sanitised the bodies the checks read
            publishing = self.instance.status == Article.Status.PUBLISHED != stored_status
            if self.errors or not publishing:
                return
            problems = prepublication.blocking_problems(self.instance, tags=self.cleaned_data.get("tags"))
            if problems:
                self.add_error(None, ValidationError(services.blocked(problems), code="blocked_by_checks"))

    CheckedBeforePublishing.__name__ = form_class.__name__
    return CheckedBeforePublishing


def counted(message: str, count: int) -> str:
    """Fill a bulk action's "%(count)d articles …" message, in the admin language's digits."""
    return localise_digits(message % {"count": count}, translation.get_language())


NAME_COLUMN = translated_text_column("name", _("name"))


class NamedAdmin(NewsroomAdmin):
    search_fields = ["name_en", "name_fa"]
    slug_source = "name"

    def get_queryset(self, request):
        # The count is the change list's column only: on the change form and its save it cost two scans of a
        # large section's articles (2 × 210 ms for 30,000; docs/rename-benchmark.txt).
        queryset = super().get_queryset(request)
        return queryset.annotate(article_count=Count("articles")) if on_change_list(request) else queryset

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj):
        return count_text(obj.article_count)


@admin.register(Section)
class SectionAdmin(NamedAdmin):
    list_display = [NAME_COLUMN, *TRANSLATION_COLUMNS, "position", "article_count"]
    fields = ["name", "slug", "position", "version"]


@admin.register(Tag)
class TagAdmin(NamedAdmin):
    list_display = [NAME_COLUMN, *TRANSLATION_COLUMNS, "article_count"]
    fields = ["name", "slug", "version"]


@admin.register(ArticleType)
class ArticleTypeAdmin(NamedAdmin):
    """The kinds of article: editors keep the list (desk migration 0003 gives no one else more than a view)."""

    list_display = [NAME_COLUMN, *TRANSLATION_COLUMNS, "schema_type", "position", "article_count"]
    fields = ["name", "slug", "schema_type", "position", "version"]
