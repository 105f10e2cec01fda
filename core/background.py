"""
Background work on Django's tasks framework (django.tasks).

Two names are the whole interface for the apps: `background_task` declares a task, `enqueue_on_commit`
queues it as part of the caller's transaction, so an edit rolled back queues nothing and a committed edit
always has its task. The backend is a setting (TASKS_BACKEND); the database backend (django-tasks-db) is
the default because it needs no server beyond the database Newsroom already has.
"""

from collections.abc import Callable

from django.db import transaction
from django.tasks import Task, task


def background_task(*, queue_name: str = "default", priority: int = 0) -> Callable[[Callable], Task]:
    """Declare a background task (a thin layer over django.tasks.task, where retries will live)."""

    def declare(function: Callable) -> Task:
        return task(queue_name=queue_name, priority=priority)(function)

    return declare


def enqueue_on_commit(background: Task, *args, **kwargs) -> None:
    """Queue a task when the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: background.enqueue(*args, **kwargs))
