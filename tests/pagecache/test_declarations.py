"""
The page cache knows no model: what each page shows and what each change makes stale is declared by the
content (labels and methods on the models, tags on the views). These stories follow those declarations.
"""

from datetime import timedelta

from django.urls import reverse

from articles.models import Article
from tests.factories import make_article, make_series, make_tag
from tests.pagecache.test_page_cache import PageCacheTestCase


class RelationTests(PageCacheTestCase):
    def test_tagging_an_article_puts_it_on_the_tag_page(self):
        tag = make_tag(name_en="Drought")
        make_article(tags=[tag])
        article = make_article(headline_en="Wells run dry")
        self.assertNotContains(self.get(tag.get_absolute_url()), "Wells run dry")
        with self.captureOnCommitCallbacks(execute=True):
            article.tags.add(tag)
        self.assertContains(self.get(tag.get_absolute_url()), "Wells run dry")
        self.assertContains(self.get(article.url_in("en")), "Drought")

    def test_clearing_an_articles_tags_takes_it_off_the_tag_page(self):
        tag = make_tag()
        make_article(tags=[tag])
        article = make_article(headline_en="Untagged soon", tags=[tag])
        self.assertContains(self.get(tag.get_absolute_url()), "Untagged soon")
        with self.captureOnCommitCallbacks(execute=True):
            article.tags.clear()
        self.assertNotContains(self.get(tag.get_absolute_url()), "Untagged soon")

    def test_adding_an_article_from_the_tags_side_refreshes_the_article_page(self):
        tag = make_tag(name_en="Groundwater")
        article = make_article()
        self.assertNotContains(self.get(article.url_in("en")), "Groundwater")
        with self.captureOnCommitCallbacks(execute=True):
            tag.articles.add(article)
        self.assertContains(self.get(article.url_in("en")), "Groundwater")


class DeletionTests(PageCacheTestCase):
    def test_deleting_an_article_takes_it_off_its_tag_and_series_pages(self):
        tag = make_tag()
        series = make_series()
        make_article(series=series, part=1, tags=[tag])
        doomed = make_article(headline_en="Deleted by the desk", series=series, part=2, tags=[tag])
        author = doomed.ordered_authors()[0]
        pages = ["/en/", tag.get_absolute_url(), series.get_absolute_url(), author.get_absolute_url()]
        for url in pages:
            self.assertContains(self.get(url), "Deleted by the desk", msg_prefix=url)
        with self.captureOnCommitCallbacks(execute=True):
            doomed.delete()
        for url in pages:
            self.assertNotContains(self.get(url), "Deleted by the desk", msg_prefix=url)

    def test_deleting_an_article_refreshes_the_later_pages_of_its_tag(self):
        """Page 2 does not show the deleted article, but what it shows moves up a place."""
        tag = make_tag()
        articles = [
            make_article(headline_en=f"Dispatch {number}", tags=[tag], published_ago=timedelta(hours=number))
            for number in range(1, 15)
        ]  # twelve to a page: 1-12 on the first, 13 and 14 on the second
        second_page = tag.get_absolute_url() + "?page=2"
        self.assertContains(self.get(second_page), "Dispatch 13")
        with self.captureOnCommitCallbacks(execute=True):
            articles[0].delete()
        self.assertNotContains(self.get(second_page), "Dispatch 13")
        self.assertContains(self.get(tag.get_absolute_url()), "Dispatch 13")


class NamedPageTests(PageCacheTestCase):
    def test_the_first_published_part_puts_a_series_on_the_series_index(self):
        series = make_series(title_en="The Thirsty Plateau")
        part = make_article(series=series, part=1, published_ago=None)
        index = reverse("series:index")
        self.assertNotContains(self.get(index), "The Thirsty Plateau")
        self.assertEqual(self.get(index)["X-Page-Cache"], "hit")
        self.edit(part, status=Article.Status.PUBLISHED)
        self.assertContains(self.get(index), "The Thirsty Plateau")
