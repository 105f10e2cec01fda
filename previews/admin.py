"""
The preview links' admin: make a link (from an article's change page, or here), read its address, revoke it.

A link is never edited: its address is signed with its expiry, and the list is the newsroom's record of who
was shown what, so a link is revoked (and a new one made) rather than changed or deleted. Who may make or
revoke which link is `previews.services`' rule; this admin asks it for the page and for every POST.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.admin import SafeAutocompleteMixin
from core.admin_dates import DateTimeWithReading, date_html
from core.roles import is_editor
from core.text import localise_digits

from . import services
from .models import PreviewLink


class PreviewLinkForm(forms.ModelForm):
    """A new link; `user` is set on a class of the request's own (PreviewLinkAdmin.get_form)."""

    user = None

    class Meta:
        model = PreviewLink
        fields = ["article", "language", "expires_at", "note"]

    def clean(self):
        cleaned = super().clean()
        article, language = cleaned.get("article"), cleaned.get("language")
        if article is not None and not services.may_share(self.user, article):
            self.add_error("article", gettext("You may share previews of your own articles only."))
        elif article is not None and language:
            problems = services.link_problems(article=article, language=language, expires_at=cleaned.get("expires_at"))
            for field, problem in problems.items():
                self.add_error(field, problem)
        return cleaned


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("working", _("Working")), ("expired", _("Expired")), ("revoked", _("Revoked"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "working":
            return queryset.working()
        if self.value() == "expired":
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=now)
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(PreviewLink)
class PreviewLinkAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    form = PreviewLinkForm
    list_display = ["article", "language", "note", "state", "expires_column", "created_by", "created_column"]
    list_filter = [StateFilter, "language"]
    list_select_related = ["article", "created_by"]
    search_fields = ["article__headline_en", "article__headline_fa", "note"]
    autocomplete_fields = ["article"]
    actions = ["revoke"]
    change_form_template = "admin/previews/previewlink/change_form.html"

    # Who sees what ----------------------------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("article", "created_by", "revoked_by")
        if is_editor(request.user):
            return queryset
        profile = getattr(request.user, "author_profile", None)
        # An author's own articles' links: theirs to read, the ones they made theirs to revoke.
        return queryset.filter(article__bylines__author=profile).distinct() if profile else queryset.none()

    def has_module_permission(self, request):
        return services.may_share(request.user)

    def has_view_permission(self, request, obj=None):
        return services.may_share(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return services.may_share(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # a link is revoked (PreviewLinkAdmin.revoke_view), never edited

    def has_delete_permission(self, request, obj=None):
        return False  # kept as the record of who was shown what

    def has_revoke_permission(self, request, obj=None):
        return services.may_revoke(request.user, obj)

    # The form ----------------------------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "expires_at":
            kwargs["widget"] = DateTimeWithReading
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("expires_at", timezone.now() + services.DEFAULT_LIFETIME)
        return initial

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["article", "language", "expires_at", "note"]
        return ["article", "language", "note", "state", "expires_column", "created_by", "created_column", "revoked_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return self.get_fields(request, obj)

    def save_model(self, request, obj, form, change):
        # The form has checked what it can; the service checks again, the one rule for every way in.
        link = services.create_preview_link(
            article=obj.article, language=obj.language, expires_at=obj.expires_at, note=obj.note, by=request.user
        )
        obj.pk, obj.created_by, obj.created_at = link.pk, link.created_by, link.created_at

    def response_add(self, request, obj, post_url_continue=None):
        messages.success(request, gettext("The preview link is ready: copy its address below and send it."))
        return HttpResponseRedirect(reverse("admin:previews_previewlink_change", args=[obj.pk]))

    # Columns -------------------------------------------------------------------------------------------------------

    @admin.display(description=_("state"))
    def state(self, link):
        if link.is_revoked():
            return gettext("Revoked")
        if link.is_expired():
            return gettext("Expired")
        return gettext("Working")

    @admin.display(description=PreviewLink._meta.get_field("expires_at").verbose_name, ordering="expires_at")
    def expires_column(self, link):
        return date_html(link.expires_at)

    @admin.display(description=PreviewLink._meta.get_field("created_at").verbose_name, ordering="created_at")
    def created_column(self, link):
        return date_html(link.created_at)

    # Revoking ------------------------------------------------------------------------------------------------------

    def get_urls(self):
        revoke = self.admin_site.admin_view(self.revoke_view)
        return [path("<int:pk>/revoke/", revoke, name="previews_previewlink_revoke"), *super().get_urls()]

    def revoke_view(self, request, pk):
        """Revoke one link (the change page's button): POST only, by someone who may revoke it."""
        return require_POST(self._revoke_one)(request, pk)

    def _revoke_one(self, request, pk):
        link = get_object_or_404(self.get_queryset(request), pk=pk)
        if not services.may_revoke(request.user, link):
            raise PermissionDenied
        if services.revoke_preview_link(link=link, by=request.user):
            messages.success(request, gettext("The preview link was revoked: it no longer opens the article."))
        else:
            messages.info(request, gettext("The preview link had already been revoked."))
        return HttpResponseRedirect(reverse("admin:previews_previewlink_change", args=[link.pk]))

    @admin.action(description=_("Revoke the selected links"), permissions=["revoke"])
    def revoke(self, request, queryset):
        done = sum(
            services.revoke_preview_link(link=link, by=request.user)
            for link in queryset
            if services.may_revoke(request.user, link)
        )
        message = ngettext("%(count)d link revoked.", "%(count)d links revoked.", done) % {"count": done}
        messages.success(request, localise_digits(message, request.LANGUAGE_CODE))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["may_revoke"] = not obj.is_revoked() and services.may_revoke(request.user, obj)
            if obj.is_working():  # the address to send, on the admin's own host (ALLOWED_HOSTS), the site's
                context["preview_address"] = request.build_absolute_uri(obj.get_absolute_url())
        return super().render_change_form(request, context, add, change, form_url, obj)
