"""
The RQ backend, a setting away: the edit's transaction writes an outbox row, pushed to Redis on commit; a row
Redis refused (down at the time) is pushed by the drain once it is back, and RQ's worker runs the task.
"""

import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import django_rq
from django.db import transaction
from django.test import SimpleTestCase, TestCase, override_settings
from django_tasks_rq.backend import Job
from rq import SimpleWorker

from core.background import drain_outbox, enqueue_on_commit
from core.models import TaskOutbox
from tests.installation import ROOT, Installation
from tests.operations.background_tasks import flaky
from tests.services import RedisServer


class OutboxTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.redis = RedisServer().start()
        cls.addClassCleanup(cls.redis.close)

    def setUp(self):
        url = f"{self.redis.url}?socket_timeout=1&socket_connect_timeout=1"
        rq = override_settings(TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend"}},
                               RQ_QUEUES={"default": {"URL": url}})  # fmt: skip
        rq.enable()
        self.addCleanup(rq.disable)
        self.runs = Path(tempfile.mkdtemp(prefix="newsroom-outbox-")) / "runs"

    def run_rq_worker(self) -> None:
        queue = django_rq.get_queue("default", job_class=Job)
        # RQ's worker takes over SIGINT and SIGTERM and leaves them so: the test runner's own worker process
        # would then ignore the SIGTERM that ends it after the last test, and the suite would never finish.
        handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
        try:
            SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
        finally:
            for number, handler in handlers.items():
                signal.signal(number, handler)

    def test_a_committed_edit_reaches_redis_and_its_task_runs(self):
        with self.captureOnCommitCallbacks(execute=True):
            enqueue_on_commit(flaky, str(self.runs), 0)
        self.assertFalse(TaskOutbox.objects.exists())
        self.assertEqual(django_rq.get_queue("default").count, 1)
        self.run_rq_worker()
        self.assertEqual(self.runs.read_text(), "1")

    def test_a_rolled_back_edit_sends_nothing(self):
        with self.captureOnCommitCallbacks(execute=True), self.assertRaises(RuntimeError), transaction.atomic():
            enqueue_on_commit(flaky, str(self.runs), 0)
            raise RuntimeError("the edit failed")
        self.assertFalse(TaskOutbox.objects.exists())
        self.assertEqual(django_rq.get_queue("default").count, 0)

    def test_a_task_committed_while_redis_is_down_is_delivered_when_it_is_back(self):
        self.redis.stop()
        with self.captureOnCommitCallbacks(execute=True):
            enqueue_on_commit(flaky, str(self.runs), 0)  # the save itself succeeds
        row = TaskOutbox.objects.get()
        self.assertEqual((row.attempts, row.task_path), (1, "tests.operations.background_tasks.flaky"))
        self.assertIn("Connection", row.last_error)
        self.assertEqual(drain_outbox(older_than=timedelta(0)), 0)  # still down: kept for later

        self.redis.start()
        self.assertEqual(drain_outbox(older_than=timedelta(0)), 1)
        self.assertFalse(TaskOutbox.objects.exists())
        self.run_rq_worker()
        self.assertEqual(self.runs.read_text(), "1")


class RQWorkerProcessTests(SimpleTestCase):
    """`run_worker` on the RQ backend, as a real process: it pushes what the outbox kept, and RQ runs it."""

    def test_a_task_committed_while_redis_was_down_runs_once_the_worker_finds_redis_back(self):
        redis = RedisServer().start()
        self.addCleanup(redis.close)
        installation = Installation("rq", env={"TASKS_BACKEND": "django_tasks_rq.RQBackend",
                                               "TASKS_REDIS_URL": redis.url})  # fmt: skip
        self.addCleanup(installation.close)
        installation.manage("migrate", "--noinput")
        runs = installation.folder / "runs"
        redis.stop()
        kept = installation.python(
            "import json; from django.db import transaction; from core.background import enqueue_on_commit; "
            "from core.models import TaskOutbox; from tests.operations.background_tasks import flaky\n"
            f"with transaction.atomic(): enqueue_on_commit(flaky, {str(runs)!r}, 0)\n"
            "print(json.dumps(TaskOutbox.objects.count()))"
        )
        self.assertEqual(kept, 1)
        redis.start()
        with open(installation.folder / "worker.log", "w+") as log:
            worker = subprocess.Popen([sys.executable, "manage.py", "run_worker"], cwd=ROOT, env=installation.env,
                                      stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
            try:
                deadline = time.monotonic() + 30
                while not runs.exists() and time.monotonic() < deadline:
                    time.sleep(0.1)
            finally:
                worker.terminate()
                worker.wait(timeout=15)
            log.seek(0)
            self.assertTrue(runs.exists(), f"the task never ran:\n{log.read()[-3000:]}")
        self.assertEqual(runs.read_text(), "1")
        outbox = installation.python(
            "import json; from core.models import TaskOutbox; print(json.dumps(TaskOutbox.objects.count()))"
        )
        self.assertEqual(outbox, 0)
