"""
The editors' settings screen for the pre-publish checks: which block publication and which only warn.

Every check has its row (migration 0002); nobody adds or deletes one. Only editors see the screen and change it,
checked here on the server as well as by their group's permissions.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.roles import is_editor

from .checks import check_named
from .models import CheckSetting


class SeverityForm(forms.ModelForm):
    """A row of the list: its choice named after its check, for screen readers (the column heading is for sight)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["severity"].widget.attrs["aria-label"] = gettext("%(check)s: when it fails") % {
            "check": self.instance
        }


@admin.register(CheckSetting)
class CheckSettingAdmin(admin.ModelAdmin):
    list_display = ["check_label", "severity"]
    list_editable = ["severity"]
    list_display_links = None
    actions = None
    fields = ["check_label", "severity"]
    readonly_fields = ["check_label"]

    @admin.display(description=_("check"))
    def check_label(self, setting):
        check = check_named(setting.check_name)
        return check.label if check else setting.check_name

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=SeverityForm, **kwargs)

    def has_module_permission(self, request):
        return is_editor(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
