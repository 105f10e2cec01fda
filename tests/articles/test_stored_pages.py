"""
Stored article pages (articles/rendering.py): a reader's uncached page is read from the page stored when the
article last changed, and it is the page they would otherwise get; any change to what it shows reaches readers
at once.
"""

import re
from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from articles import rendering
from articles.models import Article, ArticleRendering
from corrections.models import ArticleNote, Kind
from tests.factories import make_article, make_author, make_section, make_series, make_tag
from tests.pages import ReaderTestCase

NONCE = re.compile(r' nonce="[^"]*"')


def page_text(response) -> str:
    """The page as the reader gets it, less the nonce that differs on every response."""
    return NONCE.sub("", response.content.decode())


class StoredPageTestCase(ReaderTestCase):
    def publish(self, **fields) -> Article:
        """Publish an article as an editor's save does: its pages are stored once the save has committed."""
        with self.captureOnCommitCallbacks(execute=True):
            return make_article(**fields)

    def save(self, instance, **changes):
        with self.captureOnCommitCallbacks(execute=True):
            for name, value in changes.items():
                setattr(instance, name, value)
            instance.save()

    def rendered_afresh(self, url: str) -> str:
        """The page as rendered with nothing stored read (every stored page taken for another version's)."""
        with mock.patch.object(rendering, "current_version", return_value="another-version"):
            return page_text(self.client.get(url))


class StoringTests(StoredPageTestCase):
    def test_publishing_stores_the_page_in_each_language_the_article_is_written_in(self):
        article = self.publish(tags=[make_tag()])
        self.assertEqual(
            sorted(article.renderings.values_list("language", "slug")),
            [("en", article.slug_en), ("fa", article.slug_fa)],
        )
        english_only = self.publish(languages=("en",))
        self.assertEqual(list(english_only.renderings.values_list("language", flat=True)), ["en"])

    def test_a_draft_has_no_stored_page_and_withdrawing_deletes_it(self):
        draft = self.publish(published_ago=None)
        self.assertFalse(draft.renderings.exists())
        article = self.publish()
        self.save(article, status=Article.Status.DRAFT)
        self.assertFalse(article.renderings.exists())
        self.assertEqual(self.client.get(article.url_in("en")).status_code, 404)

    def test_the_stored_page_is_the_page_rendered_afresh_in_both_languages(self):
        series = make_series()
        self.publish(series=series, part=1)
        article = self.publish(series=series, part=2, authors=[make_author(), make_author()], tags=[make_tag()])
        self.publish(section=article.section)  # a related article, whose card is stored too
        for language in ("en", "fa"):
            url = article.url_in(language)
            with CaptureQueriesContext(connection) as queries:
                stored = self.client.get(url)
            # The stored page, the related articles and their cards (and the navigation's sections, once).
            self.assertLessEqual(len(queries), 4, language)
            self.assertEqual(page_text(stored), self.rendered_afresh(url), language)
        fa = self.client.get(article.url_in("fa"))
        self.assertContains(fa, '<html lang="fa" dir="rtl">')
        self.assertContains(fa, "View this article in English")

    def test_absolute_addresses_are_the_requests_own_host(self):
        article = self.publish()
        with override_settings(ALLOWED_HOSTS=["news.example", "testserver"]):
            response = self.client.get(article.url_in("en"), HTTP_HOST="news.example")
        text = response.content.decode()
        self.assertIn(f'<link rel="canonical" href="http://news.example{article.url_in("en")}">', text)
        self.assertIn(f'"url": "http://news.example{article.url_in("en")}"', text)  # the JSON-LD
        self.assertNotIn(rendering.STORED_ORIGIN.removeprefix("https://"), text)
        self.assertIn("news.example", page_text(response))

    def test_a_page_of_another_version_is_not_read(self):
        article = self.publish()
        article.renderings.update(version="made-by-older-code", title="Old headline")
        response = self.client.get(article.url_in("en"))
        self.assertContains(response, article.headline_en)
        self.assertNotContains(response, "Old headline")

    def test_the_command_stores_what_is_missing_and_the_worker_sweeps_after_a_deploy(self):
        article = self.publish()
        ArticleRendering.objects.all().delete()
        out = StringIO()
        call_command("store_pages", stdout=out)
        self.assertIn("Stored 2 pages of 1 articles", out.getvalue())
        self.assertEqual(article.renderings.count(), 2)
        article.renderings.update(version="made-by-older-code")
        self.assertEqual(rendering.missing_or_outdated(), [article.pk])
        self.assertEqual(rendering.store_pages_task.call(), 2)
        self.assertEqual(rendering.missing_or_outdated(), [])

    def test_after_a_bulk_load_the_newest_articles_are_stored_first(self):
        oldest, newest, middle = (self.publish(published_ago=timedelta(days=days)) for days in (30, 1, 7))
        ArticleRendering.objects.all().delete()
        self.assertEqual(rendering.missing_or_outdated(), [newest.pk, middle.pk, oldest.pk])
        out = StringIO()
        call_command("store_pages", "--newest", "2", stdout=out)
        self.assertIn("Stored 4 pages of 2 articles", out.getvalue())
        self.assertEqual(rendering.missing_or_outdated(), [oldest.pk])
        self.assertContains(self.client.get(oldest.url_in("en")), oldest.headline_en)  # rendered meanwhile


class StoredCardsTests(StoredPageTestCase):
    def setUp(self):
        super().setUp()
        self.section, self.tag, self.author = make_section(), make_tag(), make_author()
        self.articles = [
            self.publish(section=self.section, tags=[self.tag], authors=[self.author, make_author()]) for _ in range(3)
        ]

    def list_pages(self, language: str) -> list[str]:
        with translation.override(language):
            kind = self.articles[0].article_type
            return [
                f"/{language}/",
                self.section.get_absolute_url(),
                self.tag.get_absolute_url(),
                self.author.get_absolute_url(),
                *([kind.get_absolute_url()] if kind and kind.slug else []),
            ]

    def test_every_list_shows_the_stored_cards_and_is_the_page_rendered_afresh(self):
        for language in ("en", "fa"):
            for url in self.list_pages(language):
                stored = self.client.get(url)
                self.assertContains(stored, getattr(self.articles[0], f"headline_{language}"))
                self.assertEqual(page_text(stored), self.rendered_afresh(url), url)

    def test_a_list_reads_its_cards_with_its_articles(self):
        url = self.section.get_absolute_url()
        with CaptureQueriesContext(connection) as stored:
            self.client.get(url)
        with mock.patch.object(rendering, "current_version", return_value="another-version"):
            with CaptureQueriesContext(connection) as afresh:
                self.client.get(url)
        # No bylines (nor sections and types) to fetch for the cards: the stored cards name them.
        self.assertLessEqual(len(stored), len(afresh) - 2)
        self.assertFalse(any("articles_byline" in query["sql"] for query in stored.captured_queries))
        self.assertTrue(any("articles_byline" in query["sql"] for query in afresh.captured_queries))

    def test_an_article_without_a_stored_page_gets_its_card_rendered_among_stored_ones(self):
        self.articles[1].renderings.all().delete()
        url = self.tag.get_absolute_url()
        page = self.client.get(url)
        for article in self.articles:
            self.assertContains(page, article.headline_en)
        self.assertEqual(page_text(page), self.rendered_afresh(url))


class StoredFeedEntriesTests(StoredPageTestCase):
    def test_feeds_read_the_entries_stored_with_the_pages_and_are_the_feeds_made_afresh(self):
        author = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی")
        article = self.publish(authors=[author], tags=[make_tag(name_en="Aquifers")])
        stored = article.renderings.get(language="en").extras["feed"]
        self.assertIn("<author>Maryam Karimi</author>", stored["atom"].replace("<name>", "").replace("</name>", ""))
        self.assertIn("<category>Aquifers</category>", stored["rss"])
        self.assertIn(f"<link>{rendering.STORED_ORIGIN}{article.url_in('en')}</link>", stored["rss"])
        for url in ("/en/feeds/rss/", "/en/feeds/atom/", "/fa/feeds/rss/", "/fa/feeds/atom/"):
            with CaptureQueriesContext(connection) as queries:
                feed = self.client.get(url)
            self.assertEqual(feed.content.decode(), self.rendered_afresh(url), url)
            self.assertNotContains(feed, "stored-page.invalid")
            self.assertFalse(any("articles_byline" in query["sql"] for query in queries.captured_queries), url)
        self.save(author, name_en="Maryam Karimi-Hart")
        self.assertContains(self.client.get("/en/feeds/rss/"), "Maryam Karimi-Hart")

    def test_an_entry_without_a_stored_page_is_made_in_its_place_among_stored_ones(self):
        articles = [
            self.publish(headline_en=f"Dispatch {number}", published_ago=timedelta(hours=number)) for number in range(3)
        ]
        articles[1].renderings.all().delete()
        for url in ("/en/feeds/rss/", "/en/feeds/atom/"):
            feed = self.client.get(url).content.decode()
            self.assertLess(feed.index("Dispatch 0"), feed.index("Dispatch 1"))
            self.assertLess(feed.index("Dispatch 1"), feed.index("Dispatch 2"))
            self.assertEqual(feed, self.rendered_afresh(url), url)

    def test_a_feed_on_another_host_links_there(self):
        self.publish(headline_en="Dispatch from the delta")
        with override_settings(ALLOWED_HOSTS=["mirror.example.org", "testserver"]):
            feed = self.client.get("/en/feeds/atom/", HTTP_HOST="mirror.example.org", secure=True)
        self.assertContains(feed, "https://mirror.example.org/en/articles/")
        self.assertNotContains(feed, "stored-page.invalid")


class ChangesShowAtOnceTests(StoredPageTestCase):
    def test_an_edit_deletes_the_stored_page_in_its_transaction_and_stores_the_new_one_after(self):
        article = self.publish()
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            article.headline_en = "The river returns"
            article.save()
            self.assertFalse(article.renderings.exists())  # no reader gets the old page after the commit
        for callback in callbacks:
            callback()
        self.assertEqual(article.renderings.get(language="en").title, "The river returns")
        self.assertContains(self.client.get(article.url_in("en")), "The river returns")

    def test_renaming_a_section_an_author_or_a_tag_shows_on_the_stored_page_and_cards(self):
        section, author, tag = make_section(), make_author(), make_tag()
        article = self.publish(section=section, authors=[author], tags=[tag])
        neighbour = self.publish(section=section)
        self.save(section, name_en="Rivers and Dams")
        self.save(author, name_en="Parisa Nouri-Hart")
        self.save(tag, name_en="Aquifers")
        page = self.client.get(article.url_in("en"))
        for name in ("Rivers and Dams", "Parisa Nouri-Hart", "Aquifers"):
            self.assertContains(page, name)
        self.assertEqual(page_text(page), self.rendered_afresh(article.url_in("en")))
        # The neighbour's card on the section's list, from its stored page made again.
        self.assertIn("Rivers and Dams", neighbour.renderings.get(language="en").cards["list-3"])

    def test_a_tag_added_to_an_article_shows_at_once(self):
        article = self.publish()
        with self.captureOnCommitCallbacks(execute=True):
            article.tags.add(make_tag(name_en="Groundwater"))
        self.assertContains(self.client.get(article.url_in("en")), "Groundwater")

    def test_a_correction_shows_at_once_and_the_other_parts_of_a_series_list_a_new_part(self):
        series = make_series()
        first = self.publish(series=series, part=1)
        with self.captureOnCommitCallbacks(execute=True):
            ArticleNote.objects.create(
                article=first,
                kind=Kind.CORRECTION,
                text="An earlier version misstated the dam height.",
                language="en",
                noted_at=timezone.now(),
            )
        second = self.publish(series=series, part=2, headline_en="Where the water went next")
        page = self.client.get(first.url_in("en"))
        self.assertContains(page, "An earlier version misstated the dam height")
        self.assertContains(page, "Where the water went next")
        self.assertEqual(page_text(page), self.rendered_afresh(first.url_in("en")))
        self.assertTrue(second.renderings.exists())

    def test_a_series_page_with_a_part_scheduled_is_not_read_once_the_part_appears(self):
        series = make_series()
        first = self.publish(series=series, part=1)
        later = timezone.now() + timedelta(hours=2)
        self.publish(series=series, part=2, headline_en="The second part", published_ago=timedelta(hours=-2))
        stored = first.renderings.get(language="en")
        self.assertAlmostEqual(stored.valid_until, later, delta=timedelta(seconds=5))
        self.assertNotContains(self.client.get(first.url_in("en")), "The second part")
        with mock.patch("django.utils.timezone.now", return_value=later + timedelta(minutes=1)):
            self.assertContains(self.client.get(first.url_in("en")), "The second part")

    def test_many_articles_changed_at_once_are_left_to_the_worker(self):
        section = make_section()
        articles = [self.publish(section=section) for _ in range(rendering.MADE_AT_ONCE + 1)]
        with mock.patch.object(rendering, "enqueue_on_commit") as enqueue:
            self.save(section, name_en="Everything about water")
        enqueue.assert_called_once_with(rendering.store_pages_task, sorted(article.pk for article in articles))
        self.assertFalse(ArticleRendering.objects.filter(article__in=articles).exists())
        self.assertContains(self.client.get(articles[0].url_in("en")), "Everything about water")
