"""The series index and a series' own page, in both languages."""

from datetime import timedelta

from tests.factories import make_article, make_series
from tests.pages import Page, ReaderTestCase


class SeriesPageTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.series = make_series(
            title_en="The Drying Plateau",
            title_fa="فلات خشک",
            description_en="Five reports on water.",
            description_fa="پنج گزارش دربارهٔ آب.",
        )
        cls.parts = [
            make_article(series=cls.series, part=1, published_ago=timedelta(days=5)),
            make_article(series=cls.series, part=2, published_ago=timedelta(days=3), languages=("en",)),
            make_article(series=cls.series, part=3, published_ago=timedelta(days=1)),
        ]
        make_article(series=cls.series, part=4, published_ago=None)  # a draft: readers do not see it
        cls.unpublished = make_series(title_en="Coming soon", title_fa="به‌زودی")

    def test_series_page_lists_the_parts_in_order_with_their_labels(self):
        page = Page(self.client.get(self.series_url("en")))
        self.assertEqual(page.text("h1"), "The Drying Plateau")
        labels = [label.get_text() for label in page.select(".parts__label")]
        self.assertEqual(labels, ["Part One", "Part Two", "Part Three"])
        links = [a["href"] for a in page.select(".parts__headline a")]
        self.assertEqual(links, [part.url_in("en") for part in self.parts])

    def test_persian_series_page_marks_parts_not_in_persian(self):
        page = Page(self.client.get(self.series_url("fa")))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        labels = [label.get_text() for label in page.select(".parts__label")]
        self.assertEqual(labels, ["بخش اول", "بخش دوم", "بخش سوم"])
        missing = page.one(".parts__item--missing")
        self.assertIn("بخش دوم", missing.get_text())
        self.assertIn("هنوز به این زبان منتشر نشده است", missing.get_text())
        self.assertEqual(page.text(".page-header .meta"), "۲ بخش از ۳ بخش به این زبان منتشر شده است")
        self.assertEqual(page.one(".page-header .button")["href"], self.parts[0].url_in("fa"))

    def test_series_structured_data(self):
        page = Page(self.client.get(self.series_url("fa")))
        series = page.structured("CreativeWorkSeries")
        self.assertEqual(series["name"], "فلات خشک")
        self.assertEqual([part["position"] for part in series["hasPart"]], [1, 3])
        self.assertEqual(page.structured("CollectionPage")["mainEntity"]["@type"], "ItemList")
        self.assertEqual(page.structured("BreadcrumbList")["itemListElement"][1]["name"], "مجموعه‌ها")
        self.assertEqual(set(page.hreflangs), {"en", "fa", "x-default"})

    def test_series_index_lists_series_with_parts_in_the_language(self):
        english = Page(self.client.get("/en/series/"))
        self.assertEqual([a.get_text() for a in english.select(".series-teaser h2 a")], ["The Drying Plateau"])
        self.assertIn("3 parts in this language", english.text(".series-teaser .meta"))
        persian = Page(self.client.get("/fa/series/"))
        self.assertIn("۲ بخش به این زبان", persian.text(".series-teaser .meta"))
        self.assertEqual(persian.structured("CollectionPage")["mainEntity"]["itemListElement"][0]["name"], "فلات خشک")

    def test_a_series_with_nothing_published_is_not_found(self):
        self.assertEqual(self.client.get(f"/en/series/{self.unpublished.slug_en}/").status_code, 404)
        self.assertEqual(self.client.get("/en/series/no-such-series/").status_code, 404)

    def series_url(self, language):
        return f"/{language}/series/{self.series.slug_in(language)}/"
