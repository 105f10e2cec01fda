from datetime import timedelta

import feedparser
from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article, make_author, make_section, make_series, make_tag


def feed_url(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(f"discovery:{name}", args=args)


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author(name_en="Parisa Rahimi", name_fa="پریسا رحیمی", slug="parisa-rahimi")
        cls.section = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.series = make_series(title_en="Water", title_fa="آب")
        cls.both = make_article(
            headline_en="Bread prices double",
            headline_fa="قیمت نان دو برابر شد",
            standfirst_en="Bakers & buyers <adapt>.",
            body_en=(
                '<p>Full <strong>story</strong>.</p><script>alert("x")</script><p><img src="/media/a.jpg" alt="A"></p>'
            ),
            authors=[cls.author],
            section=cls.section,
            series=cls.series,
            part=1,
            published_ago=timedelta(hours=2),
        )
        cls.english_only = make_article(
            languages=("en",), headline_en="English only", section=cls.section, published_ago=timedelta(hours=3)
        )
        make_article(headline_en="A draft", published_ago=None, section=cls.section, authors=[cls.author])
        make_article(headline_en="Tomorrow", published_ago=-timedelta(days=1), section=cls.section)

    def read(self, url: str, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertEqual(feed.bozo, 0, f"{url}: {feed.get('bozo_exception')}")
        return feed

    def test_every_feed_parses_in_both_formats_and_languages(self):
        slugs = {"section": lambda lang: self.section.slug_in(lang), "series": lambda lang: self.series.slug_in(lang)}
        for language in ("en", "fa"):
            for kind in ("latest", "section", "author", "series"):
                for format in ("rss", "atom"):
                    args = ()
                    if kind in slugs:
                        args = (slugs[kind](language),)
                    elif kind == "author":
                        args = (self.author.slug,)
                    with self.subTest(language=language, kind=kind, format=format):
                        feed = self.read(feed_url(language, f"{kind}-{format}", *args))
                        self.read(feed_url(language, f"{kind}-{format}", *args), full="1")
                        self.assertEqual(feed.feed.language, language)
                        self.assertTrue(feed.entries)

    def test_the_latest_feed_lists_exactly_the_published_articles_of_its_language(self):
        english = self.read(feed_url("en", "latest-rss"))
        self.assertEqual([entry.title for entry in english.entries], ["Bread prices double", "English only"])
        persian = self.read(feed_url("fa", "latest-atom"))
        self.assertEqual([entry.title for entry in persian.entries], ["قیمت نان دو برابر شد"])
        self.assertEqual(persian.entries[0].link, f"http://testserver{self.both.url_in('fa')}")

    def test_an_entry_carries_its_byline_categories_and_dates(self):
        entry = self.read(feed_url("fa", "latest-atom")).entries[0]
        self.assertEqual(entry.author, "پریسا رحیمی")
        self.assertIn("اقتصاد", [tag.term for tag in entry.tags])
        self.assertEqual(entry.published_parsed[:5], self.both.publish_at.utctimetuple()[:5])

    def test_summary_by_default_and_sanitised_full_content_on_request(self):
        entry = self.read(feed_url("en", "section-rss", self.section.slug_en)).entries[0]
        self.assertEqual(entry.title, "Bread prices double")
        self.assertEqual(entry.summary, "Bakers &amp; buyers &lt;adapt&gt;.")
        self.assertNotIn("content", entry)
        for format in ("rss", "atom"):
            full = self.read(feed_url("en", f"latest-{format}"), full="1").entries[0]
            self.assertIn("<strong>story</strong>", full.content[0].value)
            self.assertNotIn("script", full.content[0].value)
            self.assertIn('src="http://testserver/media/a.jpg"', full.content[0].value)

    def test_subject_feeds_hold_only_their_subject(self):
        author_feed = self.read(feed_url("en", "author-rss", self.author.slug))
        self.assertEqual([entry.title for entry in author_feed.entries], ["Bread prices double"])
        series_feed = self.read(feed_url("fa", "series-atom", self.series.slug_fa))
        self.assertEqual([entry.title for entry in series_feed.entries], ["قیمت نان دو برابر شد"])
        self.assertEqual(series_feed.feed.title, "آب — نیوزروم")

    def test_unknown_subjects_are_not_found(self):
        self.assertEqual(self.client.get(feed_url("en", "section-rss", "no-such-section")).status_code, 404)
        self.assertEqual(self.client.get(feed_url("fa", "author-atom", "nobody")).status_code, 404)
        # A section is looked up by the slug of the feed's language.
        self.assertEqual(self.client.get(feed_url("fa", "section-rss", self.section.slug_en)).status_code, 404)


class FeedLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author(slug="ann-lee")
        cls.section = make_section(name_en="Culture", name_fa="فرهنگ")
        make_article(section=cls.section, authors=[cls.author])

    def alternates(self, url: str) -> dict[str, str]:
        page = BeautifulSoup(self.client.get(url).text, "html.parser")
        return {link["href"]: link["type"] for link in page.select('head link[rel="alternate"][type]')}

    def test_every_page_links_its_languages_feeds(self):
        self.assertEqual(
            self.alternates("/fa/"),
            {"/fa/feeds/rss/": "application/rss+xml", "/fa/feeds/atom/": "application/atom+xml"},
        )

    def test_section_and_author_pages_also_link_their_own_feeds(self):
        with translation.override("fa"):
            section_page = self.section.get_absolute_url()
            author_page = self.author.get_absolute_url()
        self.assertIn(feed_url("fa", "section-rss", self.section.slug_fa), self.alternates(section_page))
        self.assertIn(feed_url("fa", "author-atom", "ann-lee"), self.alternates(author_page))

    def test_every_linked_feed_opens(self):
        with translation.override("en"):
            for href in self.alternates(self.section.get_absolute_url()):
                with self.subTest(href=href):
                    self.assertEqual(feedparser.parse(self.client.get(href).content).bozo, 0)


class FeedQueryTests(TestCase):
    def test_a_feed_costs_the_same_queries_however_many_items_it_has(self):
        def queries_for_feed():
            with CaptureQueriesContext(connection) as captured:
                self.client.get(feed_url("fa", "latest-atom"), {"full": "1"})
            return len(captured)

        make_article(tags=[make_tag()])
        few = queries_for_feed()
        for _ in range(4):
            make_article(tags=[make_tag(), make_tag()], authors=[make_author(), make_author()])
        self.assertEqual(queries_for_feed(), few)
