import xml.etree.ElementTree as ET
from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from articles.models import Article
from discovery.sitemaps import ArticleSitemap, SeriesSitemap
from tests.factories import make_article, make_author, make_section, make_series

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SITE = "http://testserver"


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author(slug="parisa-rahimi")
        cls.quiet_author = make_author(slug="no-articles-yet")
        cls.section = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.english_section = make_section(name_en="Letters", name_fa="")
        cls.series = make_series(title_en="Water", title_fa="آب")
        cls.both = make_article(
            authors=[cls.author], section=cls.section, series=cls.series, part=1, published_ago=timedelta(hours=5)
        )
        cls.english = make_article(languages=("en",), section=cls.english_section, published_ago=timedelta(days=5))
        cls.persian = make_article(languages=("fa",), section=cls.section, published_ago=timedelta(hours=1))
        cls.draft = make_article(section=cls.section, published_ago=None)
        cls.scheduled = make_article(section=cls.section, published_ago=-timedelta(hours=3))
        cls.withdrawn = make_article(section=cls.section, status=Article.Status.WITHDRAWN)

    def xml(self, url: str) -> ET.Element:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return ET.fromstring(response.content)

    def section_xml(self, name: str) -> ET.Element:
        return self.xml(reverse("crawlers:sitemap-section", kwargs={"section": name}))

    def entries(self, name: str) -> dict[str, dict[str, str]]:
        """Return each <loc> with its hreflang alternates."""
        return {
            url.findtext("sm:loc", namespaces=NS): {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            }
            for url in self.section_xml(name).findall("sm:url", NS)
        }

    def test_the_index_names_every_sitemap_and_each_opens(self):
        index = self.xml(reverse("crawlers:sitemap-index"))
        locations = [element.text for element in index.findall("sm:sitemap/sm:loc", NS)]
        names = ["pages", "articles-en", "articles-fa", "sections", "types", "authors", "series", "news-en", "news-fa"]
        self.assertEqual(locations, [f"{SITE}/sitemap-{name}.xml" for name in names])
        for location in locations:
            self.xml(location.removeprefix(SITE))

    def test_each_language_lists_exactly_its_published_articles_with_their_alternates(self):
        both = {language: f"{SITE}{self.both.url_in(language)}" for language in ("en", "fa")}
        english = f"{SITE}{self.english.url_in('en')}"
        persian = f"{SITE}{self.persian.url_in('fa')}"
        self.assertEqual(
            self.entries("articles-en"),
            {both["en"]: {**both, "x-default": both["en"]}, english: {"en": english, "x-default": english}},
        )
        self.assertEqual(
            self.entries("articles-fa"),
            {persian: {"fa": persian, "x-default": persian}, both["fa"]: {**both, "x-default": both["en"]}},
        )
        self.assertEqual(list(self.entries("articles-fa")), [persian, both["fa"]])  # newest first

    def test_every_listed_article_opens(self):
        for name in ("articles-en", "articles-fa"):
            for location in self.entries(name):
                with self.subTest(location=location):
                    self.assertEqual(self.client.get(location.removeprefix(SITE)).status_code, 200)

    def test_articles_carry_their_last_change(self):
        url = self.section_xml("articles-fa").find("sm:url", NS)
        self.assertEqual(url.findtext("sm:lastmod", namespaces=NS), self.persian.updated_at.date().isoformat())
        index = self.xml(reverse("crawlers:sitemap-index"))
        lastmods = {
            sitemap.findtext("sm:loc", namespaces=NS): sitemap.findtext("sm:lastmod", namespaces=NS)
            for sitemap in index.findall("sm:sitemap", NS)
        }
        self.assertEqual(lastmods[f"{SITE}/sitemap-articles-en.xml"][:10], self.both.updated_at.date().isoformat())

    def test_sections_authors_and_series_are_listed_in_the_languages_they_have_articles_in(self):
        sections = self.entries("sections")
        self.assertEqual(
            set(sections),
            {
                f"{SITE}/en/sections/{self.section.slug_en}/",
                iri_to_uri(f"{SITE}/fa/sections/{self.section.slug_fa}/"),
                f"{SITE}/en/sections/{self.english_section.slug_en}/",
            },
        )
        self.assertEqual(
            sections[iri_to_uri(f"{SITE}/fa/sections/{self.section.slug_fa}/")]["x-default"],
            f"{SITE}/en/sections/{self.section.slug_en}/",
        )
        authors = set(self.entries("authors"))
        self.assertLessEqual({f"{SITE}/en/authors/parisa-rahimi/", f"{SITE}/fa/authors/parisa-rahimi/"}, authors)
        self.assertFalse([url for url in authors if "no-articles-yet" in url])
        english_writer = self.english.ordered_authors()[0].slug
        self.assertIn(f"{SITE}/en/authors/{english_writer}/", authors)
        self.assertNotIn(f"{SITE}/fa/authors/{english_writer}/", authors)
        self.assertEqual(
            set(self.entries("series")),
            {f"{SITE}/en/series/{self.series.slug_en}/", iri_to_uri(f"{SITE}/fa/series/{self.series.slug_fa}/")},
        )
        for name in ("sections", "authors", "series"):
            for location in self.entries(name):
                with self.subTest(location=location):
                    self.assertEqual(self.client.get(location.removeprefix(SITE)).status_code, 200)

    def test_the_news_sitemaps_hold_the_last_two_days_per_language(self):
        english = self.section_xml("news-en")
        self.assertEqual(
            [url.findtext("sm:loc", namespaces=NS) for url in english.findall("sm:url", NS)],
            [f"{SITE}{self.both.url_in('en')}"],
        )
        persian = self.section_xml("news-fa")
        self.assertEqual(
            [url.findtext("news:news/news:title", namespaces=NS) for url in persian.findall("sm:url", NS)],
            [self.persian.headline_fa, self.both.headline_fa],
        )
        self.assertEqual(persian.findtext("sm:url/news:news/news:publication/news:language", namespaces=NS), "fa")
        published = persian.findtext("sm:url/news:news/news:publication_date", namespaces=NS)
        self.assertEqual(published[:16], self.persian.publish_at.isoformat()[:16])

    def test_an_unknown_sitemap_is_not_found(self):
        self.assertEqual(self.client.get("/sitemap-nothing.xml").status_code, 404)


class RobotsTests(TestCase):
    def test_robots_names_the_sitemaps_and_keeps_crawlers_out_of_admin_and_search(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.text.splitlines()
        for path in ("/admin/", "/en/search/", "/fa/search/"):
            self.assertIn(f"Disallow: {path}", lines)
        # The staff preview is an admin page, which "Disallow: /admin/" covers: no line names a /<lang>/preview/.
        self.assertEqual([line for line in lines if "preview" in line], [])
        self.assertIn(f"Sitemap: {SITE}/sitemap.xml", lines)
        self.assertIn(f"Sitemap: {SITE}/sitemap-news-fa.xml", lines)
        self.assertEqual(self.client.head("/robots.txt").status_code, 200)
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)
        for line in lines:
            if line.startswith("Sitemap: "):
                self.assertEqual(self.client.get(line.removeprefix(f"Sitemap: {SITE}")).status_code, 200)


class SitemapQueryTests(TestCase):
    def test_sitemaps_cost_the_same_queries_however_many_pages_they_list(self):
        names = ["articles-en", "articles-fa", "sections", "types", "authors", "series", "news-fa"]

        def queries():
            with CaptureQueriesContext(connection) as captured:
                for name in names:
                    self.client.get(reverse("crawlers:sitemap-section", kwargs={"section": name}))
            return len(captured)

        make_article(series=make_series(), part=1)
        few = queries()
        series = make_series()
        for part in range(2, 6):
            make_article(series=series, part=part)
        self.assertEqual(queries(), few)


class SitemapPagingTests(TestCase):
    """A large archive's sitemaps come in pages; the index names each, and each page opens and lists its share."""

    def index_locations(self) -> list[str]:
        index = ET.fromstring(self.client.get(reverse("crawlers:sitemap-index")).content)
        return [element.text.removeprefix(SITE) for element in index.findall("sm:sitemap/sm:loc", NS)]

    def listed(self, location: str) -> list[str]:
        response = self.client.get(location)
        self.assertEqual(response.status_code, 200, location)
        return [url.findtext("sm:loc", namespaces=NS) for url in ET.fromstring(response.content).findall("sm:url", NS)]

    def test_article_pages_together_list_every_published_article_once(self):
        section = make_section()
        articles = [make_article(section=section, published_ago=timedelta(hours=hours)) for hours in range(7)]
        make_article(section=section, published_ago=None)  # a draft: on no page
        # Pages are ranges of ids: ids up to the fourth article's on the first, the next three on the second.
        with mock.patch.object(ArticleSitemap, "limit", articles[3].pk):
            pages = [location for location in self.index_locations() if "sitemap-articles-en" in location]
            self.assertEqual(len(pages), 2)
            listed = [self.listed(location) for location in pages]
            self.assertEqual(self.client.get(f"{pages[0]}?p={len(pages) + 1}").status_code, 404)
            self.assertEqual(self.client.get(f"{pages[0]}?p=two").status_code, 404)
        self.assertEqual([len(page) for page in listed], [4, 3])
        everything = [url for page in listed for url in page]
        self.assertEqual(sorted(everything), sorted(f"{SITE}{article.url_in('en')}" for article in articles))
        for page in listed:  # each page newest first
            dates = [Article.objects.get(slug_en=url.rstrip("/").rsplit("/", 1)[1]).publish_at for url in page]
            self.assertEqual(dates, sorted(dates, reverse=True))

    def test_series_pages_share_the_series_between_them(self):
        for number in range(3):
            make_article(series=make_series(), part=1, published_ago=timedelta(days=number + 1))
        with mock.patch.object(SeriesSitemap, "limit", 4):  # 3 series × 2 languages: two pages
            pages = [location for location in self.index_locations() if "sitemap-series" in location]
            self.assertEqual(len(pages), 2)
            listed = [url for location in pages for url in self.listed(location)]
        self.assertEqual(len(listed), 6)
        self.assertEqual(len(set(listed)), 6)
