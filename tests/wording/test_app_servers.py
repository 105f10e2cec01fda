"""
A wording saved through one gunicorn worker shows on the pages every other worker serves within seconds, with no
restart: through the shared Redis, with the page cache on (its copies made stale), and through the database alone
when there is no shared cache.
"""

import time
import urllib.request

from django.test import SimpleTestCase

from tests.appserver import AppServer, Staff
from tests.services import RedisServer
from wording.models import key_hash

PASSWORD = "a-long-test-password"
WORLD = """
from tests.factories import make_user
make_user("translator-a", groups=["Translator (fa)"], is_staff=True)
"""
EDIT = f"/admin/wording/fa/{key_hash('', 'Skip to content')}/"


CACHE_STATES: list[str] = []


def anonymous_page(server: AppServer, path: str = "/fa/") -> str:
    with urllib.request.urlopen(server.base + path, timeout=15) as response:
        CACHE_STATES.append(response.headers.get("X-Page-Cache", ""))
        return response.read().decode()


class TwoProcessesMixin:
    page_cache = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = AppServer(workers=3, env=cls.server_env()).__enter__()
        cls.addClassCleanup(cls.server.stop)
        cls.server.shell(WORLD)
        cls.translator = Staff(cls.server, "translator-a", PASSWORD)

    @classmethod
    def server_env(cls) -> dict:
        return {}

    def test_a_correction_shows_on_every_worker_within_seconds(self):
        CACHE_STATES.clear()
        for _request in range(12):  # every worker has read (and cached) the catalogue's wording
            self.assertIn("رفتن به محتوا", anonymous_page(self.server))
        self.assertEqual("hit" in CACHE_STATES, self.page_cache)
        form = self.translator.form(EDIT)
        form["form_0"] = ["پرش به متن"]
        status, _page = self.translator.post(EDIT, form)
        self.assertEqual(status, 302, self.server.server_log())
        saved = time.monotonic()
        in_a_row = 0
        while in_a_row < 15:
            self.assertLess(time.monotonic() - saved, 5, "a worker still served the old wording after 5 s")
            in_a_row = in_a_row + 1 if "پرش به متن" in anonymous_page(self.server) else 0
            time.sleep(0.05)


class WithRedisAndThePageCacheTests(TwoProcessesMixin, SimpleTestCase):
    page_cache = True

    @classmethod
    def server_env(cls) -> dict:
        cls.redis = RedisServer().start()
        cls.addClassCleanup(cls.redis.close)
        return {"REDIS_URL": cls.redis.url, "PAGE_CACHE_SECONDS": "300"}


class WithoutASharedCacheTests(TwoProcessesMixin, SimpleTestCase):
    pass
