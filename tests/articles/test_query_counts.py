"""
Reader pages run a fixed number of queries: more authors, tags, series parts or list items cost nothing extra.

Each test renders the same page for a small and a large case and asserts the same count for both.
"""

import re
from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.views import HomeView, SectionView, TagView
from authors.views import AuthorView
from tests.factories import make_article, make_author, make_section, make_series, make_tag
from tests.pages import ReaderTestCase

ARTICLE_PAGE_BUDGET = 8
# A stored search column fetched as it is (searching compares it in the database: that is not reading it).
STORED_INDEX_READ = re.compile(r'(SELECT |, )"articles_article"\."search_\w+"(,|$)')


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


class ArticlePageQueryTests(ReaderTestCase):
    def article_with(self, size: int):
        """An article with `size` authors and tags, as part `size` of a series, with one related article."""
        series, section = make_series(), make_section()
        make_article(section=section, published_ago=timedelta(days=30))
        for part in range(1, size):
            make_article(series=series, part=part, published_ago=timedelta(days=10 + part))
        return make_article(
            authors=[make_author() for _ in range(size)],
            tags=[make_tag() for _ in range(size)],
            series=series,
            part=size,
            section=section,
        )

    def test_article_page_queries_do_not_grow_with_authors_tags_or_parts(self):
        small = self.article_with(1)
        large = self.article_with(5)
        for language in ("en", "fa"):
            small_count = count_queries(self.client, small.url_in(language))
            large_count = count_queries(self.client, large.url_in(language))
            self.assertEqual(small_count, large_count, language)
            self.assertLessEqual(large_count, ARTICLE_PAGE_BUDGET)

    def test_article_page_query_count(self):
        article = self.article_with(5)
        # One more than before the notes (corrections and updates), fetched with the article in one query, and one
        # more asking for its stored page (none here: pages are stored once a save commits, test_stored_pages.py).
        with self.assertNumQueries(8):
            self.client.get(article.url_in("fa"))


class ListPageQueryTests(ReaderTestCase):
    """10 and 50 items on one page cost the same number of queries."""

    def measure(self, view, url_for, **extra) -> list[int]:
        counts = []
        for size in (10, 50):
            section = make_section()
            tag = make_tag()
            author = make_author()
            for index in range(size):
                article = make_article(
                    published_ago=timedelta(hours=index + 1),
                    authors=[author, make_author()],
                    tags=[tag, make_tag()],
                    section=section,
                )
            self.assertTrue(article)
            with mock.patch.object(view, "paginate_by", 100):
                counts.append(count_queries(self.client, url_for(section=section, tag=tag, author=author)))
        return counts

    def test_home_page(self):
        small, large = self.measure(HomeView, lambda **objects: "/fa/")
        self.assertEqual(small, large)

    def test_section_page(self):
        small, large = self.measure(SectionView, lambda section, **_: f"/fa/sections/{section.slug_fa}/")
        self.assertEqual(small, large)

    def test_tag_page(self):
        small, large = self.measure(TagView, lambda tag, **_: f"/en/tags/{tag.slug_en}/")
        self.assertEqual(small, large)

    def test_author_page(self):
        small, large = self.measure(AuthorView, lambda author, **_: f"/fa/authors/{author.slug}/")
        self.assertEqual(small, large)

    def test_series_pages(self):
        counts = []
        for size in (2, 10):
            series = make_series()
            for part in range(1, size + 1):
                make_article(series=series, part=part, authors=[make_author(), make_author()])
            counts.append(
                (
                    count_queries(self.client, f"/fa/series/{series.slug_fa}/"),
                    count_queries(self.client, "/fa/series/"),
                )
            )
        # Django's autocomplete widget looks up the author it shows, once per byline row; nothing else grows.
        self.assertEqual(counts[0], counts[1])


class SearchIndexStaysInTheDatabaseTests(ReaderTestCase):
    """The stored search index (per language, larger than the body) is never read to show a page."""

    def test_no_reader_page_or_desk_list_reads_it(self):
        from django.contrib.auth import get_user_model

        author, section, series = make_author(), make_section(), make_series()
        article = make_article(authors=[author], section=section, series=series, part=1, tags=[make_tag()])
        pages = [
            "/en/",
            "/fa/",
            article.url_in("en"),
            article.url_in("fa"),
            section.get_absolute_url(),
            author.get_absolute_url(),
            series.get_absolute_url(),
            "/fa/feeds/rss/?full=1",
            "/en/search/?q=water",
            "/admin/articles/article/",
            f"/admin/articles/article/{article.pk}/change/",
        ]
        self.client.force_login(get_user_model().objects.create_superuser("chief", password="unused-in-this-test"))
        for url in pages:
            with self.subTest(url=url), CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get(url).status_code, 200)
                read = [query["sql"] for query in captured if STORED_INDEX_READ.search(query["sql"].split(" FROM ")[0])]
                self.assertFalse(read)


class ArticleFormQueryTests(ReaderTestCase):
    def test_the_desk_s_article_form_costs_at_most_one_query_per_byline(self):
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("chief", password="unused-in-this-test"))
        counts = [
            count_queries(self.client, f"/admin/articles/article/{make_article(authors=authors).pk}/change/")
            for authors in ([make_author()], [make_author() for _ in range(4)])
        ]
        # Django's autocomplete widget looks up the author it shows, at most once per byline row; nothing else grows.
        self.assertLessEqual(counts[1] - counts[0], 3)
