"""
The editors' view of the background work: queued, running, finished and failed tasks (a failed one with its
error and a "Retry" action), and the workers with their last heartbeat, a silent one marked stale.
Editors and superusers only (core.roles.is_editor), checked on every request, the retry action included.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import F
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult

from core.admin import EditorsReadOnly
from core.admin_dates import count_text, date_column, date_html
from core.roles import is_editor

from .models import BackgroundTask, WorkerHeartbeat

# What each task path is to an editor; a task not named here shows its function's name.
TASK_NAMES = {
    "search.tasks.reindex_named": _("Re-index the articles of a renamed author, section or tag"),
    "search.tasks.reindex_articles": _("Re-index articles"),
}
STATUS_NAMES = {
    TaskResultStatus.READY: _("Queued"),
    TaskResultStatus.RUNNING: _("Running"),
    TaskResultStatus.SUCCESSFUL: _("Done"),
    TaskResultStatus.FAILED: _("Failed"),
}

# django-tasks-db's own screen (English only, for superusers) gives way to this one.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(BackgroundTask)
class BackgroundTaskAdmin(EditorsReadOnly, admin.ModelAdmin):
    list_display = ["task", "state", "attempts", "queued", "next_try", "finished", "error"]
    list_filter = ["status"]
    ordering = ["-enqueued_at"]
    actions = ["retry"]
    fields = ["task", "state", "attempts", "queued", "next_try", "finished", "workers", "error", "traceback_text"]
    readonly_fields = fields
    list_per_page = 50

    @admin.display(description=_("task"))
    def task(self, obj):
        return TASK_NAMES.get(obj.task_path) or obj.task_path.rsplit(".", 1)[-1]

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        return STATUS_NAMES.get(obj.status, obj.status)

    @admin.display(description=_("attempts"))
    def attempts(self, obj):
        return count_text(len(obj.worker_ids))

    @admin.display(description=_("queued"), ordering="enqueued_at")
    def queued(self, obj):
        return date_html(obj.enqueued_at)

    @admin.display(description=_("finished"), ordering="finished_at")
    def finished(self, obj):
        return date_html(obj.finished_at)

    @admin.display(description=_("next try"))
    def next_try(self, obj):
        if obj.status != TaskResultStatus.READY or obj.run_after.year == 9999:
            return None
        return date_html(obj.run_after)

    @admin.display(description=_("workers"))
    def workers(self, obj):
        return ", ".join(obj.worker_ids)

    @admin.display(description=_("error"))
    def error(self, obj):
        if not obj.exception_class_path:
            return None
        lines = obj.traceback.strip().splitlines()
        return lines[-1] if lines else obj.exception_class_path

    @admin.display(description=_("traceback"))
    def traceback_text(self, obj):
        return format_html('<pre dir="ltr">{}</pre>', obj.traceback) if obj.traceback else None

    def has_retry_permission(self, request):
        return is_editor(request.user)

    @admin.action(description=_("Retry the selected failed tasks"), permissions=["retry"])
    def retry(self, request, queryset):
        retried = queryset.filter(status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY, run_after=timezone.now(), finished_at=None
        )
        self.message_user(
            request,
            ngettext("%(count)s failed task queued again.", "%(count)s failed tasks queued again.", retried)
            % {"count": count_text(retried)},
            messages.SUCCESS if retried else messages.WARNING,
        )


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(EditorsReadOnly, admin.ModelAdmin):
    list_display = ["worker_id", "hostname", "process", date_column(WorkerHeartbeat, "started_at"),
                    date_column(WorkerHeartbeat, "last_seen"), "health"]  # fmt: skip
    ordering = [F("last_seen").desc()]

    @admin.display(description=_("process"))
    def process(self, obj):
        return count_text(obj.pid)

    @admin.display(description=_("health"))
    def health(self, obj):
        stale = obj.last_seen < timezone.now() - timedelta(seconds=settings.TASKS_WORKER_STALE_SECONDS)
        if stale:
            return format_html(
                '<strong class="errornote">{}</strong>', _("Stale: no heartbeat, the worker has stopped")
            )
        return _("Alive")
