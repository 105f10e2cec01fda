"""The background workers' heartbeats, and the task list the admin shows (a proxy of django-tasks-db's)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class WorkerHeartbeat(models.Model):
    """One running worker: it writes `last_seen` every few seconds; a stale one has died or hangs."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process"))
    started_at = models.DateTimeField(_("started"))
    last_seen = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["-last_seen"]

    def __str__(self):
        return f"{self.hostname}:{self.pid}"


class BackgroundTask(DBTaskResult):
    """A queued, running, finished or failed background task, as the editors' admin screen lists it."""

    class Meta:
        proxy = True
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")
        default_permissions = ("view",)
