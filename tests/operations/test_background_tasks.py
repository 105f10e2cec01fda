"""Tasks on the database backend, through the worker's own loop: queued with the edit, retried, reclaimed."""

import logging
import tempfile
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.tasks import TaskResultStatus
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.background import enqueue_on_commit
from operations.models import WorkerHeartbeat
from operations.worker import WORKER_LOST, reclaim_abandoned
from search.tasks import reindex_named
from tests.factories import make_section
from tests.operations.background_tasks import flaky
from tests.tasks import failing_tasks, run_queued_tasks


def marker() -> str:
    folder = Path(tempfile.mkdtemp(prefix="newsroom-task-"))
    return str(folder / "runs")


class QueuedWithTheEditTests(TestCase):
    def test_a_rolled_back_edit_queues_nothing(self):
        with self.assertRaises(RuntimeError), transaction.atomic():
            enqueue_on_commit(flaky, marker(), 0)
            raise RuntimeError("the edit failed")
        self.assertFalse(DBTaskResult.objects.exists())

    def test_a_committed_edit_has_its_task_ready(self):
        with transaction.atomic():
            enqueue_on_commit(flaky, marker(), 0)
        self.assertEqual(list(DBTaskResult.objects.values_list("task_path", "status")),
                         [("tests.operations.background_tasks.flaky", "READY")])  # fmt: skip
        self.assertEqual(run_queued_tasks(), 1)
        self.assertEqual(DBTaskResult.objects.get().return_value, "succeeded on run 1")


class RetryTests(TestCase):
    def test_a_failed_task_is_tried_again_after_its_backoff(self):
        before = timezone.now()
        flaky.enqueue(marker(), 1)
        with failing_tasks(self) as (_failures, warnings):
            self.assertEqual(run_queued_tasks(), 1)
        self.assertIn("failed on attempt 1 of 3", warnings.output[0])
        task = DBTaskResult.objects.get()
        self.assertEqual(task.status, TaskResultStatus.READY)
        self.assertIn("failure number 1", task.traceback)  # the last error stays visible while it waits
        self.assertGreaterEqual(task.run_after, before + timedelta(seconds=30))
        self.assertEqual(run_queued_tasks(), 0)  # not before its time
        DBTaskResult.objects.update(run_after=timezone.now())  # the 30 s have passed
        self.assertEqual(run_queued_tasks(), 1)
        task.refresh_from_db()
        self.assertEqual((task.status, task.return_value, len(task.worker_ids)),
                         (TaskResultStatus.SUCCESSFUL, "succeeded on run 2", 2))  # fmt: skip

    def test_the_backoff_doubles_and_the_last_failure_stays_failed_with_its_error(self):
        flaky.enqueue(marker(), 10)
        waits = []
        for _attempt in range(3):
            started = timezone.now()
            with failing_tasks(self):
                run_queued_tasks()
            task = DBTaskResult.objects.get()
            waits.append(round((task.run_after - started).total_seconds()))
            DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
        self.assertEqual(task.status, TaskResultStatus.FAILED)
        self.assertEqual(task.exception_class_path, "builtins.RuntimeError")
        self.assertIn("failure number 3", task.traceback)
        self.assertEqual(waits[:2], [30, 60])
        self.assertEqual(run_queued_tasks(), 0)


class ReclaimTests(TestCase):
    def running_task(self, *, worker_id: str, attempts: int = 1) -> DBTaskResult:
        flaky.enqueue(marker(), 0)
        long_ago = timezone.now() - timedelta(minutes=5)
        DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=long_ago,
                                    worker_ids=[worker_id] * attempts)  # fmt: skip
        return DBTaskResult.objects.get()

    def heartbeat(self, worker_id: str, *, seconds_ago: float) -> None:
        seen = timezone.now() - timedelta(seconds=seconds_ago)
        WorkerHeartbeat.objects.create(worker_id=worker_id, hostname="web1", pid=1, started_at=seen, last_seen=seen)

    def test_a_task_whose_worker_went_silent_is_run_again(self):
        task = self.running_task(worker_id="dead")
        self.heartbeat("dead", seconds_ago=120)
        with self.assertLogs("operations.worker", "WARNING") as logs:
            self.assertEqual(reclaim_abandoned(), 1)
        self.assertIn("Reclaimed 1 task(s) whose worker stopped.", logs.output[-1])
        task.refresh_from_db()
        self.assertEqual((task.status, task.exception_class_path), (TaskResultStatus.READY, WORKER_LOST))
        DBTaskResult.objects.update(run_after=timezone.now())
        self.assertEqual(run_queued_tasks(), 1)
        task.refresh_from_db()
        self.assertEqual(task.status, TaskResultStatus.SUCCESSFUL)

    def test_a_task_whose_worker_is_alive_is_left_running(self):
        task = self.running_task(worker_id="busy")
        self.heartbeat("busy", seconds_ago=1)
        self.assertEqual(reclaim_abandoned(), 0)
        task.refresh_from_db()
        self.assertEqual(task.status, TaskResultStatus.RUNNING)

    def test_a_task_lost_on_its_last_attempt_fails_saying_so(self):
        task = self.running_task(worker_id="dead", attempts=3)
        with self.assertLogs("operations.worker", "ERROR"):
            reclaim_abandoned()
        task.refresh_from_db()
        self.assertEqual(task.status, TaskResultStatus.FAILED)
        self.assertIn("stopped while running this task", task.traceback)


class DeletedObjectTests(TestCase):
    def test_a_task_for_an_object_deleted_since_succeeds_and_says_so_in_the_log(self):
        section = make_section(name_en="Gone")
        reindex_named.enqueue("articles.section", section.pk)
        section.delete()
        with self.assertLogs("search.tasks", logging.INFO) as logs:
            self.assertEqual(run_queued_tasks(), 1)
        self.assertEqual(DBTaskResult.objects.get().status, TaskResultStatus.SUCCESSFUL)
        self.assertIn("no longer exists", logs.output[0])
