"""The editors' screen of background tasks and workers: in both admin languages, a failed task's error and
its retry, and nobody else let in, crafted POSTs included."""

from datetime import timedelta

from django.conf import settings
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.models import WorkerHeartbeat
from tests.admin.base import NewsroomAdminTestCase, messages_on, page
from tests.operations.background_tasks import flaky
from tests.operations.test_background_tasks import marker
from tests.tasks import failing_tasks, run_queued_tasks

TASKS = reverse("admin:operations_backgroundtask_changelist")
WORKERS = reverse("admin:operations_workerheartbeat_changelist")


class TasksAdminTests(NewsroomAdminTestCase):
    def setUp(self):
        flaky.enqueue(marker(), 10)
        for _attempt in range(3):  # three failures: FAILED with its error
            with failing_tasks(self):
                run_queued_tasks()
            DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
        self.failed = DBTaskResult.objects.get()
        flaky.enqueue(marker(), 0)  # and one waiting in the queue

    def open(self, language: str, url: str, user=None):
        self.client.force_login(user or self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return page(response)

    def rows(self, html) -> list[dict[str, str]]:
        cells = ("task", "state", "attempts", "error")
        return [{cell: row.select_one(f".field-{cell}").text.strip() for cell in cells}
                for row in html.select("#result_list tbody tr")]  # fmt: skip

    def test_an_editor_sees_the_queued_task_and_the_failed_one_with_its_error(self):
        rows = self.rows(self.open("en", TASKS))
        self.assertIn({"task": "flaky", "state": "Queued", "attempts": "0", "error": "-"}, rows)
        self.assertIn({"task": "flaky", "state": "Failed", "attempts": "3",
                       "error": "RuntimeError: failure number 3"}, rows)  # fmt: skip

    def test_the_persian_admin_shows_persian_words_and_digits(self):
        html = self.open("fa", TASKS)
        rows = self.rows(html)
        self.assertIn({"task": "flaky", "state": "ناموفق", "attempts": "۳",
                       "error": "RuntimeError: failure number 3"}, rows)  # fmt: skip
        queued = html.select_one("#result_list tbody td.field-queued time").text
        self.assertRegex(queued, "^[۰-۹]+ [آ-ی]+ ۱۴[۰-۹]{2}")

    def test_a_failed_tasks_page_shows_its_traceback(self):
        html = self.open("en", reverse("admin:operations_backgroundtask_change", args=[self.failed.pk]))
        self.assertIn("failure number 3", html.select_one(".field-traceback_text pre").text)

    def test_retry_queues_a_failed_task_again_and_the_worker_runs_it(self):
        self.client.force_login(self.editor)
        response = self.client.post(TASKS, {"action": "retry", "_selected_action": [self.failed.pk]}, follow=True)
        self.assertEqual(messages_on(response), ["1 failed task queued again."])
        self.failed.refresh_from_db()
        self.assertEqual(self.failed.status, TaskResultStatus.READY)
        with failing_tasks(self):
            run_queued_tasks()
        self.failed.refresh_from_db()
        self.assertEqual(self.failed.status, TaskResultStatus.FAILED)  # still failing: back to FAILED, tried once more
        self.assertIn("failure number 4", self.failed.traceback)

    def test_authors_and_translators_are_refused_even_with_a_crafted_post(self):
        for user in (self.author_user, self.translator):
            with self.subTest(user=user.username), self.assertLogs("django.request", "WARNING") as refusals:
                self.client.force_login(user)
                self.assertEqual(self.client.get(TASKS).status_code, 403)
                self.assertEqual(self.client.get(WORKERS).status_code, 403)
                response = self.client.post(TASKS, {"action": "retry", "_selected_action": [self.failed.pk]})
                self.assertEqual(response.status_code, 403)
                self.assertEqual(len(refusals.output), 3)
                self.failed.refresh_from_db()
                self.assertEqual(self.failed.status, TaskResultStatus.FAILED)


class WorkersAdminTests(NewsroomAdminTestCase):
    def test_each_workers_last_heartbeat_shows_and_a_silent_one_is_marked_stale(self):
        now = timezone.now()
        WorkerHeartbeat.objects.create(worker_id="alive-1", hostname="web1", pid=101, started_at=now, last_seen=now)
        gone = now - timedelta(minutes=10)
        WorkerHeartbeat.objects.create(worker_id="gone-2", hostname="web2", pid=202, started_at=gone, last_seen=gone)
        for language, alive, stale in [("en", "Alive", "Stale"), ("fa", "زنده", "از کار افتاده")]:
            with self.subTest(language=language):
                self.client.force_login(self.editor)
                self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
                html = page(self.client.get(WORKERS))
                health = {row.select_one(".field-worker_id").text: row.select_one(".field-health").text
                          for row in html.select("#result_list tbody tr")}  # fmt: skip
                self.assertEqual(health["alive-1"], alive)
                self.assertTrue(health["gone-2"].startswith(stale), health["gone-2"])


class ReadinessReportsWorkersTests(NewsroomAdminTestCase):
    def test_readyz_tells_the_workers_heartbeat_and_stays_ready_without_one(self):
        self.assertEqual(self.client.get("/readyz").json()["workers"],
                         {"status": "stale", "alive": 0, "last_heartbeat_seconds_ago": None})  # fmt: skip
        now = timezone.now()
        WorkerHeartbeat.objects.create(worker_id="w1", hostname="web1", pid=1, started_at=now, last_seen=now)
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        workers = response.json()["workers"]
        self.assertEqual((workers["status"], workers["alive"]), ("ok", 1))
        self.assertLess(workers["last_heartbeat_seconds_ago"], 5)
