"""
Background work on Django's tasks framework (django.tasks).

Two names are the whole interface for the apps: `background_task` declares a task (with its retry policy),
`enqueue_on_commit` queues it as part of the caller's transaction, so an edit rolled back queues nothing
and a committed edit always has its task.

The backend is a setting (TASKS_BACKEND). On the database backend (django-tasks-db, the default: no server
beyond the database Newsroom already has) the task's row is written in the caller's transaction itself. On
any other backend (RQ on Redis) the transaction writes an outbox row instead, pushed to the broker once it
commits; a row the broker refused (Redis briefly down) is pushed again by `drain_outbox()`, which the worker
runs, so a committed edit's task is delivered late rather than lost.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import DatabaseError, transaction
from django.tasks import Task, task, task_backends
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """How often a failing task is tried in all, and how long before the second try (doubling after it)."""

    attempts: int = 3
    backoff_seconds: float = 10.0

    def delay(self, *, attempt: int) -> timedelta:
        """Return how long to wait after the given (1-based) failed attempt."""
        return timedelta(seconds=self.backoff_seconds * 2 ** (attempt - 1))


# Task path -> its policy; a task declared without one gets the default.
RETRY_POLICIES: dict[str, RetryPolicy] = {}


def background_task(
    *, queue_name: str = "default", priority: int = 0, attempts: int = 3, backoff_seconds: float = 10.0
) -> Callable[[Callable], Task]:
    """Declare a background task, tried `attempts` times in all with doubling delays after a failure."""
    if attempts < 1:
        raise ValueError("A task is tried at least once (attempts >= 1).")

    def declare(function: Callable) -> Task:
        # A backend without priorities (RQ) runs tasks in the order they were queued: the priority is dropped.
        ordered = {"priority": priority} if task_backends["default"].supports_priority else {}
        declared = task(queue_name=queue_name, **ordered)(function)
        RETRY_POLICIES[declared.module_path] = RetryPolicy(attempts, backoff_seconds)
        return declared

    return declare


def retry_policy(task_path: str) -> RetryPolicy:
    return RETRY_POLICIES.get(task_path, RetryPolicy())


def uses_database_backend() -> bool:
    """Return whether tasks are rows in our own database (so they share the caller's transaction)."""
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def enqueue_on_commit(background: Task, *args, **kwargs) -> None:
    """Queue a task as part of the current transaction (at once outside one); never lost once committed."""
    if uses_database_backend():
        background.enqueue(*args, **kwargs)
        return
    from .models import TaskOutbox

    row = TaskOutbox.objects.create(task_path=background.module_path, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: push_outbox(pk=row.pk))


def push_outbox(*, pk: int) -> bool:
    """Hand one outbox row to the broker and delete it; leave it for the drain when the broker refuses."""
    from .models import TaskOutbox

    with transaction.atomic():
        row = TaskOutbox.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if row is None:  # pushed already, or being pushed by the drain
            return False
        try:
            import_string(row.task_path).enqueue(*row.args, **row.kwargs)
        except DatabaseError:
            raise
        except Exception as error:  # the broker's own errors (redis.ConnectionError, …): try again later
            logger.warning("Task %s not handed to the broker (%r); the outbox keeps it.", row.task_path, error)
            TaskOutbox.objects.filter(pk=pk).update(attempts=row.attempts + 1, last_error=repr(error)[:500])
            return False
        row.delete()
    return True


def drain_outbox(*, older_than: timedelta = timedelta(seconds=2)) -> int:
    """Push the outbox rows left behind (the broker was down at commit); return how many were delivered."""
    from .models import TaskOutbox

    # Rows younger than `older_than` are normally being pushed by their own on-commit hook.
    cutoff = timezone.now() - older_than
    delivered = 0
    for pk in TaskOutbox.objects.filter(created_at__lte=cutoff).order_by("pk").values_list("pk", flat=True):
        delivered += push_outbox(pk=pk)
    return delivered
