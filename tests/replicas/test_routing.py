"""The router's and the middleware's rules: which requests may read from a replica, and what never does."""

from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections, router, transaction
from django.test import RequestFactory, SimpleTestCase, TestCase, TransactionTestCase, override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import Article, sections_in
from authors.models import Author
from core import caching
from core.primary import on_primary
from replicas import reading
from replicas.health import pin_seconds
from replicas.middleware import WROTE_COOKIE, ReaderRequestMiddleware, reader_request
from replicas.router import ReplicaRouter
from tests.factories import make_article, make_section
from wording import runtime

ROUTED = override_settings(DATABASE_ROUTERS=["replicas.router.ReplicaRouter"])


class InAReaderRequest:
    """A reader request that has chosen replica_1 (as its first read would, the replica being usable)."""

    def __enter__(self):
        self.token = reading.current.set(reading.ReaderRequest(alias="replica_1"))

    def __exit__(self, *exc_info):
        reading.current.reset(self.token)


@ROUTED
class RouterTests(SimpleTestCase):
    databases = {"default"}

    def test_a_reader_requests_reads_go_to_its_replica(self):
        with InAReaderRequest():
            self.assertEqual(Article.objects.published().db, "replica_1")
            self.assertEqual(Author.objects.all().db, "replica_1")

    def test_reads_outside_a_reader_request_go_to_the_primary(self):
        self.assertEqual(Article.objects.all().db, "default")

    def test_writes_and_select_for_update_go_to_the_primary_even_in_a_reader_request(self):
        with InAReaderRequest():
            self.assertEqual(router.db_for_write(Article), "default")
            self.assertEqual(Article.objects.select_for_update().db, "default")

    def test_reads_inside_a_transaction_go_to_the_primary(self):
        with InAReaderRequest(), transaction.atomic():
            self.assertEqual(Article.objects.all().db, "default")

    def test_reads_for_a_value_kept_beyond_the_request_go_to_the_primary(self):
        with InAReaderRequest(), on_primary():
            self.assertEqual(Article.objects.all().db, "default")

    def test_objects_from_a_replica_and_the_primary_may_be_related(self):
        article, author = Article(), Author()
        article._state.db, author._state.db = "replica_1", "default"
        self.assertIs(ReplicaRouter().allow_relation(article, author), True)

    def test_only_the_primary_is_migrated(self):
        self.assertIs(ReplicaRouter().allow_migrate("default", "articles"), True)
        self.assertIs(ReplicaRouter().allow_migrate("replica_1", "articles"), False)


class ReaderRequestTests(SimpleTestCase):
    factory = RequestFactory()

    def test_an_anonymous_get_or_head_of_a_public_page_is_a_reader_request(self):
        for path in ("/en/", "/fa/articles/x/", "/en/search/?q=water", "/en/feeds/rss/", "/sitemap.xml"):
            with self.subTest(path):
                self.assertTrue(reader_request(self.factory.get(path)))
        self.assertTrue(reader_request(self.factory.head("/en/")))

    def test_the_admin_a_form_sent_staff_and_a_browser_that_just_wrote_read_from_the_primary(self):
        self.assertFalse(reader_request(self.factory.get("/admin/")))
        self.assertFalse(reader_request(self.factory.post("/en/")))
        signed_in = self.factory.get("/en/")
        signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
        self.assertFalse(reader_request(signed_in))
        wrote = self.factory.get("/en/")
        wrote.COOKIES[WROTE_COOKIE] = "1"
        self.assertFalse(reader_request(wrote))

    def test_the_middleware_is_off_without_replicas(self):
        with self.assertRaises(MiddlewareNotUsed):
            ReaderRequestMiddleware(lambda request: None)


@ROUTED
@override_settings(DATABASE_REPLICA_URLS=["postgres://replica.invalid/newsroom"])
class PinnedAfterAWriteTests(TestCase):
    def test_a_form_sent_pins_the_browser_to_the_primary_for_a_few_seconds(self):
        response = self.client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
        cookie = response.cookies[WROTE_COOKIE]
        self.assertEqual(cookie["max-age"], pin_seconds())
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")

    def test_a_reader_page_pins_nobody_and_with_no_usable_replica_is_read_from_the_primary(self):
        make_article(headline_en="Wells of the plateau")
        response = self.client.get("/en/")
        self.assertContains(response, "Wells of the plateau")
        self.assertNotIn(WROTE_COOKIE, response.cookies)


@ROUTED
class KeptValuesTests(TransactionTestCase):
    """
    What one reader request builds for later ones is read on the primary (a replica_1 query would fail here).
    Outside a transaction, as a request runs: inside one, every read is on the primary anyway.
    """

    def test_the_navigations_sections_kept_for_the_generation_are_read_on_the_primary(self):
        make_section(name_en="Water")
        with (
            override_settings(PER_GENERATION_MEMO=True),
            mock.patch.dict(caching.GENERATION_READER, {"read": lambda: 7}),
            InAReaderRequest(),
            CaptureQueriesContext(connections["default"]) as queries,
        ):
            sections = sections_in("en")
        caching._per_generation.clear()
        self.assertEqual([section.name_en for section in sections], ["Water"])
        self.assertEqual(len(queries), 1)

    def test_the_next_scheduled_change_kept_in_the_shared_cache_is_read_on_the_primary(self):
        make_article(published_ago=-timedelta(hours=2))
        with InAReaderRequest(), CaptureQueriesContext(connections["default"]) as queries:
            self.assertIsNotNone(Article.page_cache_next_change())
        self.assertEqual(len(queries), 1)

    @override_settings(WORDING_POLL_SECONDS=0.5)
    def test_the_interface_corrections_kept_by_the_process_are_read_on_the_primary(self):
        self.addCleanup(runtime.reset)
        runtime.reset()
        with InAReaderRequest(), CaptureQueriesContext(connections["default"]) as queries:
            runtime.refresh()
        self.assertGreaterEqual(len(queries), 1)
