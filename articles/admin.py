import reversion
from django.contrib import admin, messages
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES
from core.roles import can_publish, is_author, language_name
from core.widgets import body_widget
from desk import state
from desk.admin_base import NewsroomAdmin, SafeAutocompleteMixin, state_badge, thumbnail

from .models import SEARCH_INDEX_COLUMNS, Article, Byline, Section, Tag

AUTHOR_STATUSES = {Article.Status.DRAFT, Article.Status.IN_REVIEW}


class BylineFormSet(BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.article = self.instance  # its label names its article: not read again per byline
        return form


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
        if wanted == "outdated":
            text_fields = [f"{name}_{code}" for name in state.TRANSLATED_FIELDS[Article] for code in LANGUAGE_CODES]
            articles = list(written.select_related(None).prefetch_related(None).only("pk", *text_fields))
            confirmations = state.confirmations_for(articles)
            outdated = [a.pk for a in articles if state.translation_state(a, language, confirmations) == state.OUTDATED]
            return queryset.filter(pk__in=outdated)
        return queryset


@admin.register(Article)
class ArticleAdmin(NewsroomAdmin):
    list_display = [
        "headline_column",
        "thumbnail_column",
        "status_column",
        *[f"language_{code}" for code in LANGUAGE_CODES],
        "section",
        "authors_column",
        "publish_at",
    ]
    list_display_links = ["headline_column"]
    list_filter = ["status", LanguageFilter, "section", "series", ("bylines__author", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["headline_en", "headline_fa", "standfirst_en", "standfirst_fa", "bylines__author__name_en",
                     "bylines__author__name_fa"]  # fmt: skip
    date_hierarchy = "publish_at"
    autocomplete_fields = ["tags", "series", "section"]
    inlines = [BylineInline]
    list_per_page = 50
    actions = ["send_to_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        (_("Featured image"), {"fields": ["image", "image_alt", "image_caption", "image_credit"]}),
        (_("Filing"), {"fields": ["section", "tags", "series", "part"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "version"]}),
    ]

    slug_source = "headline"

    def reversion_register(self, model, **options):
        """History keeps what the desk wrote, not the search index derived from it (rebuilt on every save)."""
        if model is Article:
            options["exclude"] = SEARCH_INDEX_COLUMNS
        super().reversion_register(model, **options)

    # The list ----------------------------------------------------------------------------------

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("body_en", "body_fa"):
            kwargs["widget"] = body_widget(db_field.name.rsplit("_", 1)[-1])
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).for_listing().without_search_index()
        if is_author(request.user):
            profile = getattr(request.user, "author_profile", None)
            return queryset.by_author(profile) if profile else queryset.none()
        return queryset

    def get_search_results(self, request, queryset, search_term):
        queryset, _duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False

    def changelist_view(self, request, extra_context=None):
        self._confirmations = None
        return super().changelist_view(request, extra_context)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # One query for every row's translation confirmations, not one per row.
        self._confirmations = state.confirmations_for(changelist.result_list)
        return changelist

    @admin.display(description=_("headline"), ordering="headline_en")
    def headline_column(self, article):
        return str(article)

    @admin.display(description=_("image"))
    def thumbnail_column(self, article):
        return thumbnail(article.image, article.image_alt_en or "")

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, article):
        if article.is_scheduled():
            return gettext("Scheduled")
        return article.get_status_display()

    def language_column(self, article, language):
        return state_badge(state.translation_state(article, language, getattr(self, "_confirmations", None)))

    @admin.display(description=_("English"))
    def language_en(self, article):
        return self.language_column(article, "en")

    @admin.display(description=_("Persian"))
    def language_fa(self, article):
        return self.language_column(article, "fa")

    @admin.display(description=_("authors"))
    def authors_column(self, article):
        return ", ".join(str(author) for author in article.ordered_authors())

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
        if is_author(request.user):
            readonly.append("publish_at")
        return readonly

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request.user):
            kwargs["choices"] = [(value, label) for value, label in Article.Status.choices if value in AUTHOR_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "status" in form.base_fields and not can_publish(request.user) and obj is not None:
            if obj.status not in AUTHOR_STATUSES:
                form.base_fields["status"].disabled = True
        return form

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
            return HttpResponseRedirect(reverse("desk:preview", args=[obj.pk]))
        return super().response_change(request, obj)

    # Bulk actions ------------------------------------------------------------------------------

    @admin.action(description=_("Send the selected articles to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        movable = [a for a in queryset if a.status == Article.Status.DRAFT and self.has_change_permission(request, a)]
        for article in movable:
            article.status = Article.Status.IN_REVIEW
            article.version += 1
            article.save()
        message = ngettext("%(count)d article sent to review.", "%(count)d articles sent to review.", len(movable))
        self.report(request, len(movable), queryset.count(), message)

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        published = scheduled = 0
        refused = []
        for article in queryset:
            if article.status == Article.Status.PUBLISHED:
                continue
            if not article.available_languages():
                refused.append(str(article))
                continue
            article.status = Article.Status.PUBLISHED
            article.version += 1
            article.save()
            if article.is_scheduled():
                scheduled += 1
            else:
                published += 1
        reversion.set_comment(gettext("Bulk publish: %(published)d published, %(scheduled)d scheduled.")
                              % {"published": published, "scheduled": scheduled})  # fmt: skip
        if published:
            messages.success(request, ngettext("%(count)d article published.", "%(count)d articles published.",
                                               published) % {"count": published})  # fmt: skip
        if scheduled:
            messages.success(request, ngettext("%(count)d article scheduled.", "%(count)d articles scheduled.",
                                               scheduled) % {"count": scheduled})  # fmt: skip
        if refused:
            messages.warning(
                request,
                gettext("Not published, as they have no headline and body in any language: %(articles)s")
                % {"articles": ", ".join(refused)},
            )
        if not (published or scheduled or refused):
            messages.info(request, gettext("The selected articles were already published."))

    @admin.action(description=_("Unpublish (withdraw) the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            article.status = Article.Status.WITHDRAWN
            article.version += 1
            article.save()
            count += 1
        message = ngettext("%(count)d article withdrawn.", "%(count)d articles withdrawn.", count)
        self.report(request, count, queryset.count(), message)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def report(self, request, done: int, selected: int, message: str) -> None:
        reversion.set_comment(message % {"count": done})
        if done:
            messages.success(request, message % {"count": done})
        if done < selected:
            skipped = selected - done
            messages.warning(
                request,
                ngettext(
                    "%(count)d article was left as it was (not in a state this action applies to, or not yours).",
                    "%(count)d articles were left as they were (not in a state this action applies to, or not yours).",
                    skipped,
                )
                % {"count": skipped},
            )


class NamedAdmin(NewsroomAdmin):
    search_fields = ["name_en", "name_fa"]
    slug_source = "name"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    @admin.display(description=_("English"))
    def language_en(self, obj):
        return state_badge(state.translation_state(obj, "en"))

    @admin.display(description=_("Persian"))
    def language_fa(self, obj):
        return state_badge(state.translation_state(obj, "fa"))


@admin.register(Section)
class SectionAdmin(NamedAdmin):
    list_display = ["__str__", "language_en", "language_fa", "position", "article_count"]
    fields = ["name", "slug", "position", "version"]


@admin.register(Tag)
class TagAdmin(NamedAdmin):
    list_display = ["__str__", "language_en", "language_fa", "article_count"]
    fields = ["name", "slug", "version"]
