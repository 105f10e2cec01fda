"""
The reference edge for real: gunicorn (two workers, the page cache on a Redis of the test's own) behind
varnishd running deploy/varnish/newsroom.vcl, and a run_worker process running the purge tasks.

Fails (never skips) when varnishd, the xkey vmod or redis-server is missing.
"""

import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.test import SimpleTestCase

from tests.appserver import AppServer, Staff
from tests.installation import ROOT
from tests.services import RedisServer, VarnishServer

PASSWORD = "a-long-test-password"
# How long an edit may take to show through the edge: the worker polls every 0.1 s.
VISIBLE_WITHIN = 10.0

WORLD = """
import json
from tests.factories import make_article, make_author, make_section, make_user
make_user("editor", groups=["Editor"], is_staff=True)
world = {}
for name in ("edited", "unrelated"):
    section, author = make_section(), make_author()
    article = make_article(section=section, authors=[author], headline_en=f"The {name} story")
    world[name] = {"pk": article.pk, "article": article.url_in("en"), "persian": article.url_in("fa"),
                   "section": section.get_absolute_url(), "author": author.get_absolute_url()}
print(json.dumps(world))
"""

QUEUED_PURGES = """
import json
from django_tasks_db.models import DBTaskResult
print(json.dumps(DBTaskResult.objects.filter(task_path="edge.tasks.purge", status__in=["READY", "RUNNING"]).count()))
"""

FAILED_PURGES = """
import json
from django_tasks_db.models import DBTaskResult
failed = DBTaskResult.objects.filter(task_path="edge.tasks.purge", status="FAILED")
print(json.dumps([[result.exception_class_path, result.args_kwargs["args"][0]] for result in failed]))
"""

# Purges whose last attempt failed and that wait for their retry (background_task's backoff).
RETRYING_PURGES = """
import json
from django_tasks_db.models import DBTaskResult
waiting = DBTaskResult.objects.filter(task_path="edge.tasks.purge", status="READY").exclude(exception_class_path="")
print(json.dumps([[str(result.id), result.exception_class_path, result.args_kwargs["args"][0]] for result in waiting]))
"""

PURGE_STATUS = """
import json
from django_tasks_db.models import DBTaskResult
print(json.dumps(DBTaskResult.objects.get(id="{id}").status))
"""


def get(url: str, cookie: str = "") -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class EdgeTestCase(SimpleTestCase):
    EDGE_TTL = "1h"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.redis = RedisServer().start()
        cls.addClassCleanup(cls.redis.close)
        cls.server = AppServer(workers=2)
        cls.varnish = VarnishServer(backend_port=cls.server.port, ttl=cls.EDGE_TTL)
        cls.addClassCleanup(cls.varnish.close)
        cls.server.extra_env.update(
            PAGE_CACHE_SECONDS="300",
            REDIS_URL=cls.redis.url,
            EDGE_PURGER="varnish",
            EDGE_VARNISH_URLS=cls.varnish.url,
            EDGE_PURGE_TIMEOUT="1",
        )
        cls.server.__enter__()
        cls.addClassCleanup(cls.server.stop)
        cls.varnish.start()
        cls.world = cls.server.python(WORLD)
        cls.worker_log = open(cls.server.folder / "worker.log", "w+")  # noqa: SIM115 -- closed at class cleanup
        cls.worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker"],
            cwd=ROOT,
            env=cls.server.env,
            stdout=cls.worker_log,
            stderr=subprocess.STDOUT,
        )
        cls.addClassCleanup(cls.stop_worker)
        cls.editor = Staff(cls.server, "editor", PASSWORD)
        cls.wait_until_served()
        cls.wait_until_purged()  # the purges of the world's creation, before any test warms a page

    @classmethod
    def wait_until_purged(cls):
        """Wait for the worker to run every queued purge."""
        deadline = time.monotonic() + 30
        while cls.server.python(QUEUED_PURGES):
            if time.monotonic() > deadline:
                raise AssertionError("the worker did not run the queued purges within 30 s")
            time.sleep(0.2)

    @classmethod
    def stop_worker(cls):
        cls.worker.terminate()
        try:
            cls.worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            cls.worker.kill()
            cls.worker.wait()
        cls.worker_log.close()

    @classmethod
    def wait_until_served(cls):
        """Wait for Varnish's probe to find the app healthy and a page to come through."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if get(cls.edge(cls.world["unrelated"]["author"]))[0] == 200:
                return
            time.sleep(0.2)
        raise AssertionError(f"no page came through Varnish:\n{cls.varnish.read_log()}\n{cls.server.server_log()}")

    @classmethod
    def edge(cls, path: str) -> str:
        return cls.varnish.url + path

    def read_worker_log(self) -> str:
        self.worker_log.flush()
        self.worker_log.seek(0)
        return self.worker_log.read()[-5000:]

    def warm(self, *paths: str) -> None:
        """Request each page through the edge until it is served from the edge's cache."""
        for path in paths:
            for _attempt in range(3):
                status, headers, _body = get(self.edge(path))
                self.assertEqual(status, 200, path)
                if headers.get("X-Cache") == "HIT":
                    break
            else:
                self.fail(f"{path} is never served from the edge: {headers}")

    def rename(self, pk: int, headline: str) -> None:
        """Change an article's English headline through the admin; the save must succeed."""
        change = f"/admin/articles/article/{pk}/change/"
        form = self.editor.form(change)
        form["headline_en"] = [headline]
        started = time.monotonic()
        status, page = self.editor.post(change, form)
        self.assertEqual(status, 302, page[:3000])
        self.assertLess(time.monotonic() - started, 5, "the save waited for the edge")

    def wait_until_shown(self, path: str, text: str) -> None:
        deadline = time.monotonic() + VISIBLE_WITHIN
        while time.monotonic() < deadline:
            if text in get(self.edge(path))[2]:
                return
            time.sleep(0.05)
        self.fail(f"{path} does not show {text!r} through the edge:\n{self.read_worker_log()}")

    def failed_purges(self) -> list:
        return self.server.python(FAILED_PURGES)

    def wait_until_failed(self, key: str) -> list:
        """Wait until a purge of this key has failed and waits to be tried again; return such purges."""
        deadline = time.monotonic() + VISIBLE_WITHIN
        while time.monotonic() < deadline:
            waiting = self.server.python(RETRYING_PURGES)
            if any(key in keys for _id, _exception, keys in waiting):
                return waiting
            time.sleep(0.2)
        self.fail(f"no purge of {key} failed:\n{self.read_worker_log()}")


class ServingTests(EdgeTestCase):
    def test_an_anonymous_page_is_served_from_the_edge_the_second_time(self):
        path = self.world["unrelated"]["persian"]
        first = get(self.edge(path))
        second = get(self.edge(path))
        self.assertEqual((first[0], first[1]["X-Cache"]), (200, "MISS"))
        self.assertEqual((second[0], second[1]["X-Cache"]), (200, "HIT"))
        self.assertIn("Age", second[1])
        self.assertEqual(first[2], second[2])

    def test_purge_keys_are_hidden_from_readers(self):
        path = self.world["unrelated"]["article"]
        direct = get(self.server.base + path)[1]
        self.assertIn("Surrogate-Key", direct)  # what the app tells the edge
        for _request in range(2):
            headers = get(self.edge(path))[1]
            self.assertNotIn("Surrogate-Key", headers)
            self.assertNotIn("xkey", {name.lower() for name in headers})

    def test_a_readers_other_cookies_do_not_keep_them_from_the_cache(self):
        path = self.world["unrelated"]["section"]
        self.warm(path)
        headers = get(self.edge(path), cookie="csrftoken=abc; django_language=fa")[1]
        self.assertEqual(headers["X-Cache"], "HIT")

    def test_signed_in_staff_neither_get_nor_fill_cached_pages(self):
        path = self.world["edited"]["persian"] + "?page=1"  # an address no other test requests
        session = "sessionid=" + next(c.value for c in self.editor.cookies if c.name == "sessionid")
        for _request in range(2):
            status, headers, _body = get(self.edge(path), cookie=session)
            self.assertEqual((status, headers["X-Cache"]), (200, "MISS"))
        self.assertEqual(get(self.edge(path))[1]["X-Cache"], "MISS")  # staff's visits stored nothing
        self.warm(path)
        self.assertEqual(get(self.edge(path), cookie=session)[1]["X-Cache"], "MISS")  # and readers' are not theirs

    def test_a_purge_names_how_many_pages_it_removed(self):
        path = self.world["unrelated"]["author"]
        self.warm(path)
        request = urllib.request.Request(self.edge("/"), method="PURGE", headers={"xkey-purge": "no-such-key"})
        with urllib.request.urlopen(request, timeout=5) as response:
            self.assertEqual(response.read().decode().strip(), "Purged 0")
        self.assertEqual(get(self.edge(path))[1]["X-Cache"], "HIT")
        request = urllib.request.Request(self.edge("/"), method="PURGE")
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        self.assertEqual(refused.exception.code, 400)


class PurgeTests(EdgeTestCase):
    def test_an_edit_purges_its_pages_and_leaves_unrelated_pages_cached(self):
        edited, unrelated = self.world["edited"], self.world["unrelated"]
        affected = [edited["article"], edited["section"], edited["author"], "/en/"]
        untouched = [unrelated["article"], unrelated["section"], unrelated["author"]]
        self.warm(*affected, *untouched)
        ages = {path: int(get(self.edge(path))[1]["Age"]) for path in untouched}
        self.rename(edited["pk"], "Rivers return to the plain")
        for path in affected:
            self.wait_until_shown(path, "Rivers return to the plain")
        for path in untouched:
            headers = get(self.edge(path))[1]
            self.assertEqual(headers["X-Cache"], "HIT", path)
            self.assertGreaterEqual(int(headers["Age"]), ages[path], path)  # the same copy, not a new one
        self.assertEqual(self.failed_purges(), [])


class EdgeDownTests(EdgeTestCase):
    def test_with_the_edge_unreachable_a_save_succeeds_and_the_retried_purge_lands(self):
        path = self.world["edited"]["article"]
        self.warm(path)
        self.varnish.pause()
        try:
            self.rename(self.world["edited"]["pk"], "Written while the edge was away")
            failed = self.wait_until_failed(f"article:{self.world['edited']['pk']}")
        finally:
            self.varnish.resume()
        self.assertEqual({exception for _id, exception, _keys in failed}, {"edge.purgers.base.PurgeFailed"})
        self.assertIn("Purging", self.read_worker_log())  # logged for the operator
        # The framework tries the purge again after its backoff (a second or two), and it lands.
        self.wait_until_shown(path, "Written while the edge was away")
        self.wait_until_purged()
        for task_id, _exception, _keys in failed:
            self.assertEqual(self.server.python(PURGE_STATUS.replace("{id}", task_id)), "SUCCESSFUL")
        self.assertEqual(self.failed_purges(), [])

    def test_with_varnish_stopped_a_save_succeeds(self):
        self.varnish.stop()
        try:
            self.rename(self.world["unrelated"]["pk"], "Saved with no edge at all")
            self.wait_until_failed(f"article:{self.world['unrelated']['pk']}")
        finally:
            self.varnish.restart()
        self.wait_until_served()
        self.wait_until_shown(self.world["unrelated"]["article"], "Saved with no edge at all")


class AppDownTests(EdgeTestCase):
    EDGE_TTL = "2s"  # so that the page below is past its life when the app goes down

    def test_with_the_app_down_readers_get_the_pages_the_edge_holds(self):
        path = self.world["unrelated"]["article"]
        self.warm(path)
        self.server.process.terminate()
        self.server.process.wait(timeout=15)
        time.sleep(3)  # past the page's life
        deadline = time.monotonic() + 20
        while "Sick" not in self.backend_health() and time.monotonic() < deadline:
            time.sleep(0.5)
        status, headers, body = get(self.edge(path))
        self.assertEqual(status, 200)
        self.assertIn("The unrelated story", body)
        self.assertGreater(int(headers["Age"]), 2)  # the copy from before the app went down
        self.assertEqual(get(self.edge("/admin/login/"))[0], 503)  # never cached: nothing to give

    def backend_health(self) -> str:
        return subprocess.run(
            ["varnishadm", "-n", str(self.varnish.folder / "work"), "backend.list"], capture_output=True, text=True
        ).stdout
