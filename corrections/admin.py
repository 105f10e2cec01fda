import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from core.admin import TRANSLATION_COLUMNS, NewsroomAdmin, in_its_language, translated_text
from core.admin_dates import date_column
from core.languages import LANGUAGE_CODES
from core.locking import LockedForm
from core.roles import is_editor
from core.widgets import body_widget

from . import services
from .models import ArticleNote, CorrectionsPolicy

# What an amendment changes, and so what asks for its reason.
AMENDED_FIELDS = {"kind", *(f"text_{code}" for code in LANGUAGE_CODES)}


class ArticleNoteForm(LockedForm):
    """A note as an editor writes it; a saved note's change is an amendment, which needs its reason."""

    amendment = forms.CharField(
        label=_("Reason for the amendment"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the note's history with the text it replaces. Needed to change a saved note."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        note = self.instance
        if note.pk is None:
            article = cleaned.get("article")
        else:
            article = Article.objects.without_search_index().get(pk=note.article_id)
            if AMENDED_FIELDS & set(self.changed_data) and not cleaned.get("amendment", "").strip():
                self.add_error("amendment", _("Say why the note is amended: readers may have read it already."))
        if article is None:
            return cleaned
        # The form's values on a copy: the instance is filled only after clean() (_post_clean).
        candidate = ArticleNote(
            article=article,
            kind=cleaned.get("kind", note.kind),
            language=cleaned.get("language", note.language),
            noted_at=cleaned.get("noted_at", note.noted_at),
            **{f"text_{code}": cleaned.get(f"text_{code}", getattr(note, f"text_{code}")) for code in LANGUAGE_CODES},
        )
        try:
            services.check_note(candidate, article=article)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, problems in error.error_dict.items():
                    self.add_error(field if field in self.fields else None, problems)
            else:
                self.add_error(None, error)
        return cleaned


@admin.register(ArticleNote)
class ArticleNoteAdmin(NewsroomAdmin):
    form = ArticleNoteForm
    list_display = ["note_column", "kind", "article_column", "language", *TRANSLATION_COLUMNS,
                    date_column(ArticleNote, "noted_at")]  # fmt: skip
    list_display_links = ["note_column"]
    list_filter = ["kind", "language"]
    search_fields = ["text_en", "text_fa", "article__headline_en", "article__headline_fa"]
    autocomplete_fields = ["article"]
    list_per_page = 50

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["article", "kind", "language", "text", "noted_at", "version"]
        return ["article", "kind", "language", "noted_at", "text", "amendment", "amended_at", "version"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only (a translator: the desk is where they translate it): the amendment's box has nothing to say.
        return [(name, {**opts, "fields": [f for f in opts["fields"] if f != "amendment"]}) for name, opts in fieldsets]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("article", "language", "noted_at", "amended_at")

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        language = translation.get_language()
        initial.setdefault("language", language if language in LANGUAGE_CODES else LANGUAGE_CODES[0])
        return initial

    @admin.display(description=_("note"))
    def note_column(self, note):
        text, language = note.shown_in(translation.get_language())
        return in_its_language(text[:80] + ("…" if len(text) > 80 else ""), language)

    @admin.display(description=_("article"))
    def article_column(self, note):
        return in_its_language(*translated_text(note.article, "headline"))

    # Only editors write notes; nobody deletes one (a correction once read stays on record) ----------

    def has_add_permission(self, request):
        return is_editor(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    # Saving through the services ----------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # Refused by the service after the form was checked (the article withdrawn meanwhile): rolled back.
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            services.add_note(note=obj, by=request.user)
        elif AMENDED_FIELDS & set(form.changed_data):
            obj._amendment = form.cleaned_data["amendment"]
            services.amend_note(note=obj, reason=obj._amendment, by=request.user)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if getattr(obj, "_amendment", ""):
            reversion.set_comment(services.amendment_comment(obj, obj._amendment))
        return entry


@admin.register(CorrectionsPolicy)
class CorrectionsPolicyAdmin(NewsroomAdmin):
    """The one corrections policy: editors write it, translators translate it (their language only, as elsewhere)."""

    fields = ["body", "version"]

    def has_add_permission(self, request):
        return not CorrectionsPolicy.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Rich text like an article's body (and sanitised like one on save: CorrectionsPolicy.save).
        if db_field.name in {f"body_{code}" for code in LANGUAGE_CODES}:
            kwargs["widget"] = body_widget(db_field.name.rsplit("_", 1)[-1])
        return super().formfield_for_dbfield(db_field, request, **kwargs)
