"""
The navigation's sections (and the front page's blocks) are read once per content generation in each process,
and an edit to a section shows on the next page all the same: every edit starts a new generation
(core.caching.per_generation).
"""

from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core import caching
from pagecache.tokens import forget_local_pages
from tests.factories import make_article, make_section


def section_queries(captured) -> int:
    return sum('FROM "articles_section"' in query["sql"] for query in captured.captured_queries)


@override_settings(PER_GENERATION_MEMO=True)
class NavigationOncePerGenerationTests(TestCase):
    def setUp(self):
        cache.clear()
        forget_local_pages()
        caching._per_generation.clear()
        self.addCleanup(caching._per_generation.clear)
        self.enterContext(translation.override("en"))
        self.section = make_section(name_en="Economy", name_fa="اقتصاد")
        self.article = make_article(section=self.section)

    def read_article(self):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(self.article.url_in("en"))
        self.assertEqual(response.status_code, 200)
        return response, section_queries(captured)

    def test_a_second_page_in_the_same_generation_does_not_read_the_sections_again(self):
        _first, first_reads = self.read_article()
        second, second_reads = self.read_article()
        self.assertEqual(first_reads, 1)
        self.assertEqual(second_reads, 0)
        self.assertContains(second, ">Economy</a>")

    def test_a_renamed_section_shows_on_the_next_page(self):
        self.read_article()
        with self.captureOnCommitCallbacks(execute=True):  # the admin's save: invalidation at commit
            self.section.name_en = "Money"
            self.section.save()
        response, reads = self.read_article()
        self.assertEqual(reads, 1)
        self.assertContains(response, ">Money</a>")
        self.assertNotContains(response, ">Economy</a>")

    def test_the_persian_navigation_is_kept_apart_from_the_english(self):
        self.read_article()
        response = self.client.get(self.article.url_in("fa"))
        self.assertContains(response, ">اقتصاد</a>")

    def test_while_the_cache_cannot_tell_the_generation_the_sections_are_read_for_every_page(self):
        with mock.patch.object(cache, "get", return_value=None), mock.patch.object(cache, "add", return_value=False):
            forget_local_pages()
            _first, first_reads = self.read_article()
            _second, second_reads = self.read_article()
        self.assertEqual((first_reads, second_reads), (1, 1))

    @override_settings(PER_GENERATION_MEMO=False)
    def test_turned_off_it_reads_them_for_every_page(self):
        self.read_article()
        _response, reads = self.read_article()
        self.assertEqual(reads, 1)


@override_settings(PER_GENERATION_MEMO=True)
class FrontPageBlocksOncePerGenerationTests(TestCase):
    """The front page's section blocks and series in progress, site-wide like the navigation."""

    def setUp(self):
        cache.clear()
        forget_local_pages()
        caching._per_generation.clear()
        self.addCleanup(caching._per_generation.clear)
        self.section = make_section(name_en="Economy")
        make_article(section=self.section, headline_en="Inflation, explained")

    def front_page(self):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get("/en/")
        return response, len(captured)

    def test_the_blocks_are_read_once_and_an_edit_shows_on_the_next_page(self):
        _first, first_queries = self.front_page()
        second, second_queries = self.front_page()
        self.assertLess(second_queries, first_queries)
        self.assertContains(second, "Inflation, explained", count=2)  # the lead, and the section's block
        with self.captureOnCommitCallbacks(execute=True):
            make_article(section=self.section, headline_en="Rents, explained", published_ago=timedelta(minutes=1))
        third, third_queries = self.front_page()
        self.assertEqual(third_queries, first_queries)
        self.assertContains(third, "Rents, explained", count=2)

    def test_a_scheduled_article_appears_in_its_section_block_at_its_time_with_no_edit(self):
        appears = timezone.now() + timedelta(hours=1)
        with self.captureOnCommitCallbacks(execute=True):
            make_article(section=self.section, headline_en="Wages, explained", published_ago=timedelta(hours=-1))
        self.front_page()
        before, _queries = self.front_page()
        self.assertNotContains(before, "Wages, explained")
        with mock.patch("django.utils.timezone.now", return_value=appears + timedelta(seconds=1)):
            after, _queries = self.front_page()
        self.assertContains(after, "Wages, explained", count=2)
