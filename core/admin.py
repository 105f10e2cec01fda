"""
What every newsroom admin shares: tabbed translation fields written in their own direction, the
translation state at a glance, optimistic locking, and translators confined to their language.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.fields import TranslationField
from modeltranslation.utils import get_language
from reversion.admin import VersionAdmin

from . import media, translated
from .admin_dates import DateTimeWithReading
from .kept_uploads import KeptImageFormField, KeptImageWidget, discard_after_commit
from .languages import LANGUAGE_CODES, direction, other_languages
from .locking import LockedForm
from .roles import is_editor, language_name, translator_language
from .validators import without_metadata

# Keys an admin form posts besides its fields: buttons and the CSRF token.
FORM_CONTROLS = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew", "_confirm_translation"}

# Fields that hold a line of prose: Django's 20em input showed barely half a real headline.
WIDE_TEXT_FIELDS = {"headline", "title", "name"}


def is_storable_key(field, value) -> bool:
    """Return whether a posted value could be this key field's: a whole number within the column, say."""
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, TypeError, ValueError):
        return False
    return True


# What an autocomplete shows while nothing is chosen: the text of its empty option, and select2's placeholder.
AUTOCOMPLETE_PLACEHOLDER = _("Choose…")


class _OnlyStorableChoices:
    """
    Render only the posted choices the target column could hold: Django's autocomplete widgets look the
    posted values up as they are, so a tampered "abc" or a 21-digit id made re-showing the form a 500.
    Give the empty option a text, and a required select one too (valid HTML; select2's placeholder).
    """

    def optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        key = opts.get_field(getattr(self.field.remote_field, "field_name", None) or opts.pk.name)
        groups = super().optgroups(name, [item for item in value if is_storable_key(key, item)], attr)
        if not self.allow_multiple_selected:
            # Django renders an empty <option> only when the field is optional, and without text: HTML wants a
            # required select's first option to be an empty placeholder, and every option to have a label.
            options = groups[0][1]
            if not options or options[0]["value"] != "":
                options.insert(0, self.create_option(name, "", "", False, 0))
            options[0]["label"] = str(AUTOCOMPLETE_PLACEHOLDER)
        return groups

    def build_attrs(self, base_attrs, extra_attrs=None):
        # select2 shows the placeholder option's text when nothing is chosen (and in a multiple one's search box).
        return {**super().build_attrs(base_attrs, extra_attrs), "data-placeholder": str(AUTOCOMPLETE_PLACEHOLDER)}


class SafeAutocompleteSelect(_OnlyStorableChoices, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_OnlyStorableChoices, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteMixin:
    """Use the autocomplete widgets above for a ModelAdmin's or an inline's autocomplete_fields."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def storage_refused_form(form_class, field_name: str):
    """Return the form class, made to say that storage refused the file of `field_name` and to save nothing."""

    class StorageRefusedForm(form_class):
        def clean(self):
            cleaned_data = super().clean()
            self.add_error(
                field_name if field_name in self.fields else None,
                ValidationError(
                    _("The image could not be stored, so nothing was saved. Your other changes are kept: "
                      "choose the image again, then save."),
                    code="storage_refused",
                ),
            )  # fmt: skip
            return cleaned_data

    StorageRefusedForm.__name__ = form_class.__name__
    return StorageRefusedForm


def checked_before_confirming(form_class, check, language: str, by):
    """
    Return the form class, made to run the registered check (the glossary's) once the form is otherwise valid,
    so that a translator's "Save and confirm" is refused, with nothing saved, whenever the check refuses it.
    """

    class CheckedBeforeConfirming(form_class):
        def _post_clean(self):
            super()._post_clean()
            if not self.errors:
                check(self, language, by=by)

    CheckedBeforeConfirming.__name__ = form_class.__name__
    return CheckedBeforeConfirming


def on_change_list(request) -> bool:
    """Return whether the request is for an admin change list (where per-row counts are shown)."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.url_name.endswith("_changelist"))


class NewsroomAdmin(SafeAutocompleteMixin, VersionAdmin, TabbedTranslationAdmin):
    """The base of the newsroom's admins for translated models."""

    form = LockedForm
    change_form_template = "admin/newsroom/change_form.html"
    # Date and time inputs say which day they hold in the admin language's calendar (admin_dates.py).
    formfield_overrides = {models.DateTimeField: {"widget": DateTimeWithReading}}

    class Media:
        # Styles: newsroom_admin.css on every page (base_site.html); the editor's come with its widget.
        # admin_a11y.js extends jQuery UI's tabs before modeltranslation builds them: listing what it follows
        # orders the merged media (which interleaves lists that share no file).
        js = (
            "admin_newsroom/urlify_zwnj.js",
            "admin/js/jquery.init.js",
            mt_settings.JQUERY_UI_URL,
            "modeltranslation/js/tabbed_translation_fields.js",
            "admin_newsroom/admin_a11y.js",
            "admin_newsroom/translation_tabs.js",  # after the tabs are built (its jQuery ready follows theirs)
        )

    # Fields ------------------------------------------------------------------------------------

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.ImageField):
            # Checked like every upload, and kept when the form comes back with an error (kept_uploads.py).
            kwargs["form_class"] = KeptImageFormField
            kwargs["widget"] = KeptImageWidget
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        if db_field.name == "version":
            field.widget = forms.HiddenInput()
            return field
        if getattr(db_field, "translated_field", db_field).name in WIDE_TEXT_FIELDS:
            field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} vWideTextField".strip()
        language = db_field.name.rsplit("_", 1)[-1]
        if language in LANGUAGE_CODES and isinstance(db_field, TranslationField):
            # Persian is written right to left whatever the admin's own language, English left to right.
            field.widget.attrs.update({"dir": direction(language), "lang": language})
        return field

    def get_fieldsets(self, request, obj=None):
        language = translator_language(request.user)
        if language:
            return [(None, {"fields": [*translated.translator_fields(self.model, language), "version"]})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if translator_language(request.user):
            return ()
        return super().get_readonly_fields(request, obj)

    def get_inlines(self, request, obj):
        if translator_language(request.user):
            return []
        return super().get_inlines(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        """Fill each language's slug from that language's headline or name (Persian from Persian)."""
        source = getattr(self, "slug_source", None)
        if source is None or not any(f.name == "slug" for f in self.model._meta.fields):
            return {}
        language = translator_language(request.user)
        languages = [language] if language else LANGUAGE_CODES
        return {f"slug_{code}": (f"{source}_{code}",) for code in languages}

    # Permissions -------------------------------------------------------------------------------

    def has_add_permission(self, request):
        return not translator_language(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return not translator_language(request.user) and super().has_delete_permission(request, obj)

    def has_restore_permission(self, request):
        return is_editor(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if translator_language(request.user):
            return {}
        return actions

    # Saving ------------------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            refused = self.refuse_foreign_fields(request)
            if refused:
                return refused
        extra_context = extra_context or {}
        if object_id:
            obj = self.get_object(request, object_id)
            if obj is not None:
                extra_context["translation_states"] = self.translation_states(obj)
        extra_context["translator_language"] = translator_language(request.user)
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        try:
            # The files a save stores are removed again unless its transaction commits (core/media.py).
            with media.atomic(router.db_for_write(self.model)):
                return super().changeform_view(request, object_id, form_url, extra_context)
        except media.MediaWriteError as error:
            return self.storage_refused_view(request, error, object_id, form_url, extra_context)

    def storage_refused_view(self, request, error, object_id, form_url, extra_context):
        """
        Show the form again, as posted, after storage refused a file: the save was rolled back and the files
        written for it removed, so nothing is lost but the file itself, which its field asks for again.
        """
        field = self.model._meta.get_field(error.field_name)
        messages.error(
            request,
            gettext(
                "Nothing was saved: the %(field)s could not be stored, because the media storage refused to "
                "write it. Everything you typed is kept below; choose the file again and save. If this happens "
                "again, tell the site's administrators."
            )
            % {"field": field.verbose_name},
        )
        request.refused_media_field = error.field_name  # read by get_form() as the form is shown again
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if issubclass(form, LockedForm):
            # The inline rows (bylines) are merged like fields; the class is this request's own.
            form.related_sets = {
                formset.get_default_prefix(): tuple(
                    name for name in inline.get_fields(request, obj) if name in formset.form.base_fields
                )
                for inline in self.get_inline_instances(request, obj)
                for formset in [inline.get_formset(request, obj)]
            }
        language = translator_language(request.user)
        check = translated.confirm_check()
        if language and check and request.method == "POST" and "_confirm_translation" in request.POST:
            form = checked_before_confirming(form, check, language, request.user)
        refused = getattr(request, "refused_media_field", None)
        return storage_refused_form(form, refused) if refused else form

    def refuse_foreign_fields(self, request):
        """Refuse, whole, a translator's POST that touches anything but their language's fields."""
        language = translator_language(request.user)
        if not language:
            return None
        allowed = {*translated.translator_fields(self.model, language), "version"} | FORM_CONTROLS
        field_names = {f.name for f in self.model._meta.get_fields()} | {
            getattr(f, "attname", f.name) for f in self.model._meta.get_fields()
        }
        foreign = sorted(key for key in request.POST if key not in allowed and (key in field_names or "-" in key))
        if not foreign:
            return None
        messages.error(
            request,
            gettext(
                "You may change only the %(language)s translation. Nothing was saved, because the form also "
                "changed: %(fields)s."
            )
            % {"language": language_name(language), "fields": ", ".join(foreign)},
        )
        return HttpResponseRedirect(request.get_full_path())

    def construct_change_message(self, request, form, formsets, add=False):
        """
        Name the changed fields in the editor's language. Django stores labels untranslated to translate them when
        shown, but "Headline (Persian)" is no msgid, so the Persian history read «Headline (Persian) تغییر کرد»;
        the history's comments (django-reversion's) are written in the editor's language anyway.
        """
        message = super().construct_change_message(request, form, formsets, add)
        for item in message:
            if "fields" in item.get("changed", {}) and "name" not in item["changed"]:  # the form's own fields
                item["changed"]["fields"] = [
                    str(form.fields[name].label or name) if name in form.fields else name for name in form.changed_data
                ]
        return message

    def get_deleted_objects(self, objs, request):
        """
        List what a deletion takes with it as staff think of it: each name in its own direction, and without
        the rows Django keeps for many-to-many links ("Article-tag relationship: Article_tags object (6)").
        """
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = {
            capfirst(field.remote_field.through._meta.verbose_name): field.remote_field.through
            for field in self.model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        }
        for model in links.values():
            model_count.pop(model._meta.verbose_name_plural, None)
        return tidy_deleted_objects(to_delete, set(links)), model_count, perms_needed, protected

    def response_action(self, request, queryset, **kwargs):
        # A tampered selection ("abc", an id too large for the column) made the action's query a 500:
        # drop what cannot be an id, and Django says nothing was selected if nothing is left.
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        storable = [value for value in selected if is_storable_key(self.model._meta.pk, value)]
        if storable != selected:
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, storable)
        return super().response_action(request, queryset, **kwargs)

    def save_formset(self, request, form, formset, change):
        """Leave inline rows as stored when only someone else changed them since the form was opened."""
        if formset.prefix in getattr(form, "keep_stored_related", ()):
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        super().save_formset(request, form, formset, change)

    def save_model(self, request, obj, form, change):
        for field in obj._meta.fields:
            if isinstance(field, models.ImageField) and field.name in form.changed_data and getattr(obj, field.name):
                # Stored renditions carry no EXIF (no camera location): re-encode the checked upload.
                setattr(obj, field.name, without_metadata(form.cleaned_data[field.name]))
                discard_after_commit(form.cleaned_data[field.name], using=router.db_for_write(type(obj)))
        translated.translation_saving.send(sender=type(obj), instance=obj)
        super().save_model(request, obj, form, change)
        language = translator_language(request.user)
        if language and "_confirm_translation" in request.POST:
            translated.translation_confirmed.send(sender=type(obj), instance=obj, language=language, by=request.user)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    # Display -----------------------------------------------------------------------------------

    def translation_states(self, obj) -> list[dict]:
        provider = translated.state_provider()
        if provider is None:
            return []
        return [
            {"language": language, "name": language_name(language), "state": value,
             "label": str(provider.STATE_LABELS[value])}
            for language, value in provider.states(obj).items()
        ]  # fmt: skip

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # One query for every row's translation states, kept on this request's rows (never on the admin).
        translated.prefetch_states(changelist.result_list)
        return changelist


def thumbnail(image, alt: str = "", language: str | None = None) -> str:
    """Return a small <img> of an uploaded image for the admin (its alt text in `language`, if given), or a dash."""
    if not image:
        return "—"
    if language:
        html = '<img class="admin-thumbnail" src="{}" alt="{}" lang="{}" loading="lazy">'
        return format_html(html, image.url, alt, language)
    return format_html('<img class="admin-thumbnail" src="{}" alt="{}" loading="lazy">', image.url, alt)


def tidy_deleted_objects(items: list, hidden_labels: set[str]) -> list:
    """Return Django's nested list of deleted objects without the hidden kinds, plain names isolated in <bdi>."""
    tidied, hiding = [], False
    for item in items:
        if isinstance(item, list):  # what the item before it takes with it
            if not hiding:
                tidied.append(tidy_deleted_objects(item, hidden_labels))
            continue
        label, _separator, name = str(item).partition(": ")
        hiding = label in hidden_labels
        if hiding:
            continue
        # Django's "Label: name" for objects without an admin page is plain text (its links are styled).
        tidied.append(item if isinstance(item, SafeString) else format_html("{}: <bdi>{}</bdi>", label, name))
    return tidied


def translated_text(obj, field: str) -> tuple[str, str]:
    """Return a translated field's text in the admin's language if written, else in another, with its language."""
    current = get_language()
    for language in [current, *other_languages(current)]:
        text = getattr(obj, f"{field}_{language}", None)
        if text:
            return text, language
    return "", current


def in_its_language(text: str, language: str) -> str:
    """Return text isolated in <bdi> marked with its language, so it keeps its order inside either direction."""
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', language, direction(language), text)


class InAdminLanguage(models.Expression):
    """Sort by a translated field as the lists show it: in the admin's language, else another (resolved per query)."""

    def __init__(self, field: str):
        super().__init__(output_field=models.TextField())
        self.translated_field = field

    def resolve_expression(self, *args, **kwargs):
        current = get_language()
        languages = [current, *other_languages(current)]
        # The empty text written into the SQL, not sent as a parameter: with parameters sent apart
        # (DB_PREPARED_STATEMENTS), PostgreSQL cannot tell that the ORDER BY of a list with DISTINCT (a search
        # across relations) is the same expression as the one selected, and refuses the query.
        texts = [NullIf(F(f"{self.translated_field}_{code}"), RawSQL("''", ())) for code in languages]
        return Coalesce(*texts, output_field=models.TextField()).resolve_expression(*args, **kwargs)


def translated_text_column(field: str, description, *, empty: str = "—"):
    """Return a list column showing a translated field in the admin's language, else another, marked as such."""

    @admin.display(description=description, ordering=InAdminLanguage(field))
    def column(obj):
        text, language = translated_text(obj, field)
        return in_its_language(text, language) if text else empty

    column.__name__ = f"{field}_column"
    return column


def translation_column(language: str):
    """Return a list column showing each row's translation state in a language (from the desk, if installed)."""

    @admin.display(description=dict(settings.LANGUAGES)[language])
    def column(obj):
        return translated.state_badge(obj, language)

    column.__name__ = f"language_{language}"
    return column


TRANSLATION_COLUMNS = [translation_column(code) for code in LANGUAGE_CODES]


class EditorsReadOnly:
    """An admin screen shown to editors and superusers only, where nothing is added, changed or deleted."""

    def has_module_permission(self, request):
        return is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
