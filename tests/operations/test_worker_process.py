"""
`manage.py run_worker` as a real process on an installation of its own: it runs what a commit queued, and a
task whose worker is killed half-way (SIGKILL) is run again by another worker, leaving nothing half-done.
"""

import signal
import subprocess
import sys
import time
from pathlib import Path

from django.test import SimpleTestCase

from tests.installation import ROOT, Installation

# Short heartbeats, so a killed worker is found out within a second.
WORKER_ENV = {"TASKS_WORKER_HEARTBEAT_SECONDS": "0.2", "TASKS_WORKER_STALE_SECONDS": "1"}


class WorkerProcessTests(SimpleTestCase):
    def setUp(self):
        self.installation = Installation("worker", env=WORKER_ENV)
        self.addCleanup(self.installation.close)
        self.installation.manage("migrate", "--noinput")
        self.workers: list[subprocess.Popen] = []
        self.addCleanup(self.stop_workers)

    def start_worker(self, name: str) -> subprocess.Popen:
        log = open(self.installation.folder / f"{name}.log", "w")  # noqa: SIM115 -- closed with the worker
        worker = subprocess.Popen([sys.executable, "manage.py", "run_worker", "--worker-id", name], cwd=ROOT,
                                  env=self.installation.env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        worker.log = log
        self.workers.append(worker)
        return worker

    def stop_workers(self):
        for worker in self.workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
            worker.log.close()

    def task(self, task_id: str) -> dict:
        return self.installation.python(
            "import json; from django_tasks_db.models import DBTaskResult; "
            f"t = DBTaskResult.objects.get(id='{task_id}'); "
            "print(json.dumps({'status': t.status, 'workers': t.worker_ids, 'value': t.return_value}))"
        )

    def wait_for(self, task_id: str, status: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            task = self.task(task_id)
            if task["status"] == status:
                return task
            time.sleep(0.2)
        logs = "\n".join(Path(worker.log.name).read_text() for worker in self.workers)
        raise AssertionError(f"task {task_id} is {task['status']}, not {status}, after {timeout} s:\n{logs}")

    def enqueue(self, call: str) -> str:
        return self.installation.python(
            f"import json; from tests.operations import background_tasks as t; print(json.dumps(str(t.{call}.id)))"
        )

    def test_a_killed_workers_task_is_run_again_by_another_and_leaves_nothing_half_done(self):
        started = self.installation.folder / "started"
        task_id = self.enqueue(f"half_done_unless_whole.enqueue({str(started)!r}, 'Killed story')")
        first = self.start_worker("first")
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(started.exists(), "the first worker never started the task")
        first.send_signal(signal.SIGKILL)
        first.wait()
        self.assertEqual(self.task(task_id)["status"], "RUNNING")  # what django-tasks-db alone leaves behind

        self.start_worker("second")
        task = self.wait_for(task_id, "SUCCESSFUL")
        self.assertEqual(task["workers"], ["first", "second"])
        groups = self.installation.python(
            "import json; from django.contrib.auth.models import Group; "
            "names = Group.objects.filter(name__startswith='Killed story').values_list('name', flat=True); "
            "print(json.dumps(sorted(names)))"
        )
        self.assertEqual(groups, ["Killed story (first half)", "Killed story (second half)"])

    def test_a_stopped_worker_finishes_and_removes_its_heartbeat(self):
        worker = self.start_worker("polite")
        task_id = self.enqueue(f"flaky.enqueue({str(self.installation.folder / 'runs')!r}, 0)")
        self.assertEqual(self.wait_for(task_id, "SUCCESSFUL")["value"], "succeeded on run 1")
        worker.send_signal(signal.SIGTERM)
        self.assertEqual(worker.wait(timeout=15), 0)
        beats = self.installation.python(
            "import json; from operations.models import WorkerHeartbeat; "
            "print(json.dumps(WorkerHeartbeat.objects.count()))"
        )
        self.assertEqual(beats, 0)
