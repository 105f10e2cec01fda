"""Home, section and tag pages: what a reader of each language finds listed, and how it is labelled."""

from datetime import timedelta
from unittest import mock

from django.utils import translation

from articles.views import HomeView
from tests.factories import (
    image_upload,
    make_article,
    make_author,
    make_pictured_article,
    make_section,
    make_series,
    make_tag,
)
from tests.pages import JALALI_DATE, Page, ReaderTestCase, TemporaryMediaMixin


def url(language, name, **kwargs):
    from django.urls import reverse

    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


class HomePageTests(TemporaryMediaMixin, ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.economy = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.culture = make_section(name_en="Culture", name_fa="فرهنگ")
        cls.author = make_author(name_en="Reza Tavakoli", name_fa="رضا توکلی")
        cls.older = make_article(section=cls.culture, headline_en="An older piece", published_ago=timedelta(days=4))
        cls.lead = make_pictured_article(
            section=cls.economy,
            authors=[cls.author],
            headline_en="The rial's long slide",
            headline_fa="سقوط طولانی ریال",
            image=image_upload(size=(1200, 800)),
            published_ago=timedelta(hours=2),
        )
        cls.english_only = make_article(section=cls.economy, languages=("en",), headline_en="English only")
        cls.series = make_series(title_en="Water", title_fa="آب")
        cls.part = make_article(series=cls.series, part=1, section=cls.culture, published_ago=timedelta(days=2))

    def test_the_newest_article_leads_the_front_page(self):
        page = Page(self.client.get("/fa/"))
        self.assertEqual(page.text(".front-lead .item__headline"), "سقوط طولانی ریال")
        self.assertEqual(page.text(".front-lead .kicker"), "اقتصاد")
        self.assertEqual(page.text(".front-lead .meta__byline"), "رضا توکلی")

    def test_list_items_show_standfirst_byline_date_read_time_and_thumbnail(self):
        page = Page(self.client.get("/fa/"))
        item = page.one(".front-lead .item")
        self.assertTrue(item.select_one(".item__standfirst").get_text())
        self.assertRegex(item.select_one("time").get_text(), JALALI_DATE)
        self.assertEqual(item.select_one(".meta__read").get_text(), "۱ دقیقه مطالعه")
        image = item.select_one("picture img")
        self.assertTrue(image["src"].endswith(".jpg"))
        self.assertTrue(image["width"] and image["height"])
        self.assertEqual(item.select_one("picture source")["type"], "image/webp")

    def test_only_the_lead_image_loads_eagerly(self):
        make_pictured_article(section=self.culture, image=image_upload(), published_ago=timedelta(days=6))
        images = Page(self.client.get("/en/")).select("main picture img")
        self.assertNotIn("loading", images[0].attrs)
        self.assertTrue(all(image.get("loading") == "lazy" for image in images[1:]))

    def test_latest_lists_only_articles_in_the_page_language(self):
        english = [a.get_text() for a in Page(self.client.get("/en/")).select(".front-latest .item__headline a")]
        persian = [a["href"] for a in Page(self.client.get("/fa/")).select(".front-latest .item__headline a")]
        self.assertIn("English only", english)
        self.assertNotIn(self.english_only.url_in("en").replace("/en/", "/fa/"), persian)
        self.assertTrue(all(href.startswith("/fa/") for href in persian))

    def test_sections_show_their_newest_articles(self):
        page = Page(self.client.get("/en/"))
        blocks = {block.h2.get_text(strip=True): block for block in page.select(".front-section")}
        self.assertEqual(list(blocks), ["Economy", "Culture"])
        headlines = [a.get_text() for a in blocks["Economy"].select(".compact__headline a")]
        self.assertEqual(headlines, ["The rial's long slide", "English only"])

    def test_series_in_progress_are_listed_with_their_part_count(self):
        page = Page(self.client.get("/fa/"))
        self.assertEqual(page.text(".front-series h3"), "آب")
        self.assertEqual(page.text(".front-series .meta"), "۱ بخش")

    def test_the_header_names_every_section(self):
        names = [a.get_text() for a in Page(self.client.get("/fa/")).select(".section-nav a")]
        self.assertEqual(names, ["اقتصاد", "فرهنگ", "مجموعه‌ها"])

    def test_home_head_has_hreflang_canonical_and_website_data(self):
        page = Page(self.client.get("/fa/"))
        self.assertEqual(page.canonical, "http://testserver/fa/")
        self.assertEqual(
            page.hreflangs,
            {"en": "http://testserver/en/", "fa": "http://testserver/fa/", "x-default": "http://testserver/en/"},
        )
        self.assertEqual(page.structured("WebSite")["inLanguage"], "fa")
        self.assertEqual(page.meta("og:locale"), ["fa_IR"])
        self.assertEqual(page.meta("og:locale:alternate"), ["en_US"])

    def test_pagination_counts_in_persian_digits(self):
        for days in range(14):
            make_article(section=self.culture, published_ago=timedelta(days=10 + days))
        page = Page(self.client.get("/fa/"))
        self.assertEqual(page.text(".pagination__where"), "صفحهٔ ۱ از ۲")
        second = Page(self.client.get("/fa/?page=2"))
        self.assertEqual(second.canonical, "http://testserver/fa/?page=2")
        self.assertEqual(second.select(".front-lead"), [])
        self.assertEqual(second.one(".pagination a[rel=prev]")["href"], "/fa/")

    def test_a_page_past_the_end_is_not_found(self):
        self.assertEqual(self.client.get("/en/?page=99").status_code, 404)
        self.assertEqual(self.client.get("/en/?page=abc").status_code, 404)

    def test_the_language_switch_leads_to_the_same_page_in_the_other_language(self):
        link = Page(self.client.get("/en/")).one(".language-nav a")
        self.assertEqual((link.get_text(), link["lang"]), ("فارسی", "fa"))
        self.assertEqual(link["href"], "/language/fa/?next=/fa/")


class SectionAndTagPageTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name_en="Environment", name_fa="محیط زیست")
        cls.tag = make_tag(name_en="Water", name_fa="آب")
        cls.both = make_article(section=cls.section, tags=[cls.tag], headline_fa="خشکسالی")
        cls.english_only = make_article(section=cls.section, tags=[cls.tag], languages=("en",))
        cls.elsewhere = make_article(headline_en="Somewhere else")

    def test_section_lists_its_articles_in_the_page_language(self):
        page = Page(self.client.get(url("fa", "articles:section", slug=self.section.slug_fa)))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(page.text("h1"), "محیط زیست")
        self.assertEqual([a.get_text() for a in page.select(".item__headline a")], ["خشکسالی"])
        self.assertEqual(page.text(".page-header .meta"), "۱ مقاله")

    def test_english_section_counts_in_english(self):
        page = Page(self.client.get(url("en", "articles:section", slug=self.section.slug_en)))
        self.assertEqual(page.text(".page-header .meta"), "2 articles")
        self.assertNotIn("Somewhere else", page.response.text)

    def test_section_is_marked_current_in_the_header(self):
        page = Page(self.client.get(url("en", "articles:section", slug=self.section.slug_en)))
        self.assertEqual(page.one(".section-nav a[aria-current=page]").get_text(), "Environment")

    def test_section_head_and_structured_data(self):
        page = Page(self.client.get(url("fa", "articles:section", slug=self.section.slug_fa)))
        self.assertEqual(set(page.hreflangs), {"en", "fa", "x-default"})
        collection = page.structured("CollectionPage")
        self.assertEqual(collection["mainEntity"]["@type"], "ItemList")
        self.assertEqual(collection["mainEntity"]["itemListElement"][0]["name"], "خشکسالی")
        self.assertEqual(page.structured("BreadcrumbList")["itemListElement"][0]["name"], "صفحهٔ نخست")

    def test_a_section_without_a_persian_slug_has_no_persian_alternate(self):
        english_section = make_section(name_en="Opinion", name_fa="")
        make_article(section=english_section, languages=("en",))
        page = Page(self.client.get(url("en", "articles:section", slug=english_section.slug_en)))
        self.assertEqual(page.hreflangs, {})
        self.assertEqual(page.one(".language-nav a")["href"], "/language/fa/?next=/fa/")

    def test_tag_page_lists_tagged_articles(self):
        page = Page(self.client.get(url("en", "articles:tag", slug=self.tag.slug_en)))
        self.assertEqual(page.text("h1"), "Water")
        self.assertEqual(len(page.select(".item")), 2)
        self.assertEqual(page.structured("CollectionPage")["inLanguage"], "en")

    def test_persian_tag_page(self):
        page = Page(self.client.get(url("fa", "articles:tag", slug=self.tag.slug_fa)))
        self.assertEqual(page.text("h1"), "آب")
        self.assertEqual(len(page.select(".item")), 1)

    def test_drafts_and_scheduled_articles_are_never_listed(self):
        make_article(section=self.section, tags=[self.tag], headline_en="Draft piece", published_ago=None)
        tomorrow = -timedelta(days=1)
        make_article(section=self.section, tags=[self.tag], headline_en="Future piece", published_ago=tomorrow)
        for address in (
            url("en", "articles:section", slug=self.section.slug_en),
            url("en", "articles:tag", slug=self.tag.slug_en),
        ):
            text = self.client.get(address).text
            self.assertNotIn("Draft piece", text)
            self.assertNotIn("Future piece", text)

    def test_unknown_section_or_tag_is_not_found(self):
        self.assertEqual(self.client.get("/en/sections/nope/").status_code, 404)
        self.assertEqual(self.client.get("/fa/tags/nope/").status_code, 404)


class PageSizeTests(ReaderTestCase):
    def test_home_renders_fifty_items_on_one_page(self):
        section = make_section()
        for days in range(50):
            make_article(section=section, published_ago=timedelta(days=days + 1), authors=[])
        with mock.patch.object(HomeView, "paginate_by", 60):
            page = Page(self.client.get("/en/"))
        self.assertEqual(len(page.select("main .item")), 50)
