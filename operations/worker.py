"""
The background worker: django-tasks-db's Worker, with what it lacks for a newsroom that must not lose work.

- A heartbeat: every TASKS_WORKER_HEARTBEAT_SECONDS the worker writes `last_seen` (operations.WorkerHeartbeat),
  from a thread of its own so a long task does not silence it.
- Reclaiming: django-tasks-db leaves a task RUNNING forever when its worker is killed (OOM, SIGKILL, a lost
  machine). A task whose worker's heartbeat is older than TASKS_WORKER_STALE_SECONDS is made ready again (or
  failed, when it has used its attempts), so another worker runs it. Our tasks are idempotent and write in
  transactions, so a second run after a killed first one leaves nothing half-done.
- Retries: a failed task is queued again after its policy's backoff (core.background.RetryPolicy) until it
  has used its attempts; the last failure stays FAILED with its error. Attempts are the task's claims
  (`worker_ids`), so a reclaimed run counts as one.
- A short idle poll (TASKS_WORKER_POLL_SECONDS, 0.1 s): an edge purge queued by a save goes out within
  ~100 ms. One indexed query per poll on an idle database.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connections
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from core.background import retry_policy

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

WORKER_LOST = "operations.worker.WorkerLost"
# Heartbeats of workers gone this long are removed (the admin shows the stale ones until then).
FORGET_AFTER = timedelta(days=1)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(6)}"


def beat(worker_id: str, *, started_at) -> None:
    """Write this worker's heartbeat."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen": now},
        create_defaults={"last_seen": now, "started_at": started_at, "hostname": socket.gethostname()[:255],
                         "pid": os.getpid()},
    )  # fmt: skip


def stale_cutoff():
    return timezone.now() - timedelta(seconds=settings.TASKS_WORKER_STALE_SECONDS)


def requeue_or_fail(task: DBTaskResult, *, error_path: str, error: str) -> bool:
    """Queue a task that did not succeed again after its backoff, or leave it FAILED; return whether requeued."""
    policy = retry_policy(task.task_path)
    attempts = len(task.worker_ids)
    task.exception_class_path, task.traceback = error_path, error
    if attempts < policy.attempts:
        task.status = TaskResultStatus.READY
        task.run_after = timezone.now() + policy.delay(attempt=attempts)
        task.finished_at = None
        logger.warning("Task %s (%s) failed on attempt %d of %d; next try at %s.", task.id, task.task_path,
                       attempts, policy.attempts, task.run_after)  # fmt: skip
    else:
        task.status = TaskResultStatus.FAILED
        task.finished_at = timezone.now()
        logger.error("Task %s (%s) failed on its last attempt (%d).", task.id, task.task_path, attempts)
    task.save(update_fields=["status", "run_after", "finished_at", "exception_class_path", "traceback"])
    return task.status == TaskResultStatus.READY


def reclaim_abandoned() -> int:
    """Take back the running tasks whose worker's heartbeat is stale; return how many."""
    cutoff = stale_cutoff()
    alive = set(WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True))
    reclaimed = 0
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    with exclusive_transaction(running.db):
        for task in running.select_for_update(skip_locked=True):
            if task.worker_ids and task.worker_ids[-1] in alive:
                continue
            lost = f"The worker {task.worker_ids[-1] if task.worker_ids else '?'} stopped while running this task."
            requeue_or_fail(task, error_path=WORKER_LOST, error=lost)
            reclaimed += 1
    if reclaimed:
        logger.warning("Reclaimed %d task(s) whose worker stopped.", reclaimed)
    WorkerHeartbeat.objects.filter(last_seen__lt=timezone.now() - FORGET_AFTER).delete()
    return reclaimed


class NewsroomWorker(Worker):
    """django-tasks-db's worker loop with heartbeats, reclaiming and retries (one per process)."""

    def __init__(self, *, worker_id: str | None = None, batch: bool = False, max_tasks: int | None = None,
                 queue_names: list[str] | None = None):  # fmt: skip
        super().__init__(
            queue_names=queue_names or ["*"],
            interval=settings.TASKS_WORKER_POLL_SECONDS,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id or new_worker_id(),
            excluded_queue_names=[],
        )
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self) -> None:
        if self.batch:  # the test helper and `--batch`: everything in this thread, then return
            beat(self.worker_id, started_at=self.started_at)
            reclaim_abandoned()
            super().run()
            return
        keeper = threading.Thread(target=self.keep_alive, name="worker-heartbeat", daemon=True)
        beat(self.worker_id, started_at=self.started_at)
        keeper.start()
        try:
            super().run()
        finally:
            self.stopped.set()
            keeper.join(timeout=5)
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    def keep_alive(self) -> None:
        """Write the heartbeat and reclaim abandoned tasks until the worker stops (its own thread)."""
        try:
            while not self.stopped.wait(settings.TASKS_WORKER_HEARTBEAT_SECONDS):
                close_old_connections()
                try:
                    beat(self.worker_id, started_at=self.started_at)
                    reclaim_abandoned()
                except Exception:  # the database away for a moment: beat again next time
                    logger.exception("Worker %s could not write its heartbeat.", self.worker_id)
        finally:
            connections.close_all()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        if db_task_result.status == TaskResultStatus.FAILED:
            requeue_or_fail(db_task_result, error_path=db_task_result.exception_class_path,
                            error=db_task_result.traceback)  # fmt: skip
