"""
Reads spread over a real streaming replica: readers' pages come from the replica, the admin, writes and anyone
who just saved from the primary, and readers still get the right page when the replica stops or falls behind.

A throw-away PostgreSQL primary and its streaming replica (tests.services.PostgresReplicaCluster), whatever
database the suite itself runs on; gunicorn serves Newsroom with DATABASE_URL at the primary and
DATABASE_REPLICA_URLS at the replica, keeping its connections as production does. Each server logs every
statement to its own file: which one answered a page is read there.
"""

import http.cookiejar
import math
import time
import urllib.error
import urllib.parse
import urllib.request

from django.test import SimpleTestCase

from tests.appserver import AppServer, Staff
from tests.services import CuttingProxy, PostgresReplicaCluster, RedisServer

PASSWORD = "a-long-test-password"
# Generous enough that a replica streaming on a loaded CI machine (seen 2.2 s behind at load 2 on 2 cores)
# still counts as current; the lag test pauses replay for longer than this.
MAX_LAG = 4.0
WORLD = """
from django.utils import translation
from tests.factories import make_article, make_user
make_user("editor", groups=["Editor"], is_staff=True)
translation.activate("en")
for headline in ("Aquifers under the plain", "Saffron harvest", "Qanat revival", "Dust over the lake"):
    article = make_article(headline_en=headline, body_en="<p>The word pistachiofield is rare.</p>")
    print(article.pk, article.get_absolute_url())
"""


class Reader:
    """An anonymous browser: its own cookies, no session."""

    def __init__(self, server: AppServer):
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.server.base + path, data=body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class Statements:
    """The statements each server logs from now on."""

    def __init__(self, cluster: PostgresReplicaCluster):
        self.servers = {"primary": cluster.primary, "replica": cluster.replica}
        self.offsets = {name: server.log.stat().st_size for name, server in self.servers.items()}

    def since(self, name: str) -> str:
        with open(self.servers[name].log, errors="replace") as log:
            log.seek(self.offsets[name])
            return log.read()


class ClusterMixin:
    """A throw-away primary and replica, and gunicorn reading from both (server_env() adds to its environment)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cluster = PostgresReplicaCluster().__enter__()
        cls.addClassCleanup(cls.cluster.close)
        cls.server = AppServer(
            workers=2,
            database_url=cls.cluster.primary.url,
            env={
                "DATABASE_REPLICA_URLS": cls.replica_url(),
                "DB_CONN_MAX_AGE": "60",  # connections kept between requests, as in production
                **cls.server_env(),
            },
        ).__enter__()
        cls.addClassCleanup(cls.server.stop)
        lines = [line.split() for line in cls.server.shell(WORLD).splitlines()]
        cls.articles = [(int(words[0]), words[1]) for words in lines if len(words) == 2 and words[0].isdigit()]
        cls.cluster.wait_until_replayed()

    @classmethod
    def server_env(cls) -> dict:
        return {"DATABASE_REPLICA_MAX_LAG": str(MAX_LAG)}

    @classmethod
    def replica_url(cls) -> str:
        return cls.cluster.replica.url

    def setUp(self):
        super().setUp()
        self.reader = Reader(self.server)

    def article(self, number: int) -> tuple[int, str]:
        return self.articles[number]

    def assert_page(self, path: str, text: str, browser=None) -> None:
        status, page = (browser or self.reader).open(path)
        self.assertEqual(status, 200, self.server.server_log())
        self.assertIn(text, page)

    def read_on_replica_again(self, path: str) -> None:
        """Wait (each process checks a replica once a second) until readers' pages come from the replica again."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            statements = Statements(self.cluster)
            self.assert_page(f"{path}?uncached=1", "<html")  # a parameter the page cache does not serve
            if "articles_article" in statements.since("replica"):
                # This process reads from the replica again; another may still hold a check from before (each
                # keeps its own for a second): past that second, every process checks afresh.
                time.sleep(1.2)
                return
            time.sleep(0.1)
        self.fail(f"readers' pages did not come from the replica again within 10 s:\n{self.server.server_log()}")


class ReadReplicaTests(ClusterMixin, SimpleTestCase):
    def test_reader_pages_feeds_sitemaps_and_search_are_read_from_the_replica(self):
        _pk, path = self.article(0)
        self.read_on_replica_again(path)
        # The front page's site-wide blocks (its sections' newest, the series in progress) are read from the primary
        # once per content generation in each worker, like the navigation (core.caching.per_generation); once each
        # worker has them, the front page reads nothing of the articles there.
        for _attempt in range(10):
            statements = Statements(self.cluster)
            self.assert_page("/en/", "Saffron harvest")
            if "articles_article" not in statements.since("primary"):
                break
        else:
            self.fail(f"The front page kept reading the articles from the primary:\n{statements.since('primary')}")
        self.assertIn("articles_", statements.since("replica"), "/en/")
        for page, text in (
            (path, "Aquifers under the plain"),
            ("/en/feeds/rss/", "Qanat revival"),
            ("/sitemap.xml", "<sitemapindex"),
            ("/en/search/?q=pistachiofield", "Aquifers under the plain"),
        ):
            # No subTest: a failure's report would carry this test, whose open connections the parallel runner
            # cannot pickle, and end the whole run instead of reporting it.
            statements = Statements(self.cluster)
            self.assert_page(page, text)
            self.assertNotIn("articles_article", statements.since("primary"), f"{page}\n{self.server.server_log()}")
            self.assertIn("articles_", statements.since("replica"), page)
        self.assertIn("pistachiofield", statements.since("replica"))

    def test_the_admin_and_a_save_use_the_primary_and_the_editor_sees_their_write_at_once(self):
        pk, path = self.article(1)
        editor = Staff(self.server, "editor", PASSWORD)
        change = f"/admin/articles/article/{pk}/change/"
        statements = Statements(self.cluster)
        form = editor.form(change)
        form["headline_en"] = ["Saffron harvest, revised"]
        status, _page = editor.post(change, form)
        self.assertEqual(status, 302, self.server.server_log())
        self.assert_page(path, "Saffron harvest, revised", browser=editor)
        self.assertIn("Saffron harvest, revised", statements.since("primary"))  # the UPDATE
        self.assertEqual(statements.since("primary").count(f"/{pk}/"), 0)  # (urls are not in SQL: sanity)
        self.assertNotIn("articles_article", statements.since("replica"))
        # Readers get the change too, from the replica, once it has replayed it.
        self.cluster.wait_until_replayed()
        self.read_on_replica_again(path)
        self.assert_page(path, "Saffron harvest, revised")

    def test_a_browser_that_just_sent_a_form_reads_from_the_primary_for_a_few_seconds(self):
        _pk, path = self.article(0)
        self.read_on_replica_again(path)
        self.reader.open("/admin/login/")
        self.reader.open("/admin/login/", {"username": "nobody", "password": "wrong"})
        pin = next(cookie for cookie in self.reader.cookies if cookie.name == "newsroom_wrote")
        self.assertLessEqual(pin.expires - time.time(), math.ceil(MAX_LAG + 1) + 1)  # MAX_LAG + a check's second, + 1
        statements = Statements(self.cluster)
        self.assert_page(path, "Aquifers under the plain")
        self.assertIn("articles_article", statements.since("primary"))
        self.assertNotIn("articles_article", statements.since("replica"))

    def test_readers_get_the_right_page_while_the_replica_is_stopped(self):
        _pk, path = self.article(2)
        self.read_on_replica_again(path)
        self.cluster.replica.stop()
        try:
            for _request in range(6):  # both workers, with and without a recent check
                statements = Statements(self.cluster)
                self.assert_page(path, "Qanat revival")
                self.assertIn("articles_article", statements.since("primary"))
                time.sleep(0.25)
        finally:
            self.cluster.replica.start()
            self.cluster.wait_until_streaming()
        self.assertNotIn("Traceback", self.server.server_log())  # no page failed on the way
        self.read_on_replica_again(path)

    def test_a_replica_further_behind_than_the_bound_is_skipped(self):
        pk, path = self.article(3)
        self.read_on_replica_again(path)
        self.cluster.pause_replay()
        try:
            with self.cluster.primary.connect() as primary:
                primary.execute("UPDATE articles_article SET headline_en = 'Dust settles' WHERE id = %s", [pk])
                # A write behind the ORM's back forgets the article's stored pages itself, as a save does.
                pages = "SELECT id FROM articles_articlerendering WHERE article_id = %s"
                primary.execute(f"DELETE FROM articles_renderingkey WHERE rendering_id IN ({pages})", [pk])
                primary.execute("DELETE FROM articles_articlerendering WHERE article_id = %s", [pk])
            time.sleep(MAX_LAG + 1.2)  # behind by more than the bound, and every process's check is newer
            for _request in range(4):
                statements = Statements(self.cluster)
                self.assert_page(path, "Dust settles")
                self.assertNotIn("articles_article", statements.since("replica"))
            with self.cluster.replica.connect() as replica:
                stale = replica.execute("SELECT headline_en FROM articles_article WHERE id = %s", [pk]).fetchone()
            self.assertEqual(stale, ("Dust over the lake",))  # the replica really was behind
        finally:
            self.cluster.resume_replay()
        self.cluster.wait_until_replayed()
        self.read_on_replica_again(path)
        self.assert_page(path, "Dust settles")


class WithThePageCacheTests(ClusterMixin, SimpleTestCase):
    """
    With the page cache on, and the replica reached through a proxy that can make it fail in the middle of a page.
    """

    @classmethod
    def replica_url(cls) -> str:
        cls.proxy = CuttingProxy(cls.cluster.replica.port, marker=b"fails-mid-page")
        cls.addClassCleanup(cls.proxy.close)
        return cls.cluster.replica.url.replace(f":{cls.cluster.replica.port}/", f":{cls.proxy.port}/")

    @classmethod
    def server_env(cls) -> dict:
        cls.redis = RedisServer().start()
        cls.addClassCleanup(cls.redis.close)
        return {"REDIS_URL": cls.redis.url, "PAGE_CACHE_SECONDS": "300", "DATABASE_REPLICA_MAX_LAG": "30"}

    def test_a_page_read_from_a_replica_behind_an_edit_is_not_cached(self):
        pk, path = self.article(0)
        editor = Staff(self.server, "editor", PASSWORD)
        change = f"/admin/articles/article/{pk}/change/"
        self.read_on_replica_again(path)
        self.cluster.pause_replay()
        try:
            form = editor.form(change)
            form["headline_en"] = ["Aquifers recovering"]
            status, _page = editor.post(change, form)
            self.assertEqual(status, 302, self.server.server_log())
            time.sleep(1.5)  # beyond the page cache's allowance for clocks (pagecache/tokens.py CLOCK_MARGIN)
            # Within its 30 s bound, the replica serves the reader the page as it was before the edit...
            self.assert_page(path, "Aquifers under the plain")
            self.assert_page(path, "Aquifers under the plain")
        finally:
            self.cluster.resume_replay()
        self.cluster.wait_until_replayed()
        # ...but did not leave it in the cache: once the replica has the edit, so does every reader.
        self.assert_page(path, "Aquifers recovering")

    def test_a_replica_failing_in_the_middle_of_a_page_gives_the_reader_the_page_from_the_primary(self):
        _pk, path = self.article(2)
        self.read_on_replica_again(path)
        statements = Statements(self.cluster)
        # The search's query carries the words: the proxy drops the replica's connection as it is sent.
        self.assert_page("/en/search/?q=pistachiofield+fails-mid-page", "Search")
        self.assertEqual(self.proxy.cuts, 1)
        self.assertIn("fails-mid-page", statements.since("primary"))
        self.read_on_replica_again(path)
