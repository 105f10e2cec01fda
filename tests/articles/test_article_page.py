"""The article page, as an English and a Persian reader (and a link preview crawler) see it."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import translation
from PIL import Image

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

LONG_BODY_EN = (
    "<h2>Where the water went</h2><p>One.</p><h2>Who pays</h2><p>Two.</p>"
    "<h2>What comes next</h2><p>Three.</p><h2>Who pays</h2><p>Four.</p>"
)
LONG_BODY_FA = "<h2>آب کجا رفت</h2><p>یک.</p><h2>هزینه را چه کسی می‌پردازد</h2><p>دو.</p><h2>پس از این</h2><p>سه.</p>"


class ArticlePageTests(TemporaryMediaMixin, ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_author = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی", slug="maryam-karimi")
        cls.second_author = make_author(name_en="John Smith", name_fa="", slug="john-smith")
        cls.section = make_section(name_en="Environment", name_fa="محیط زیست")
        cls.tags = [make_tag(name_en="Water", name_fa="آب"), make_tag(name_en="Farming", name_fa="کشاورزی")]
        cls.series = make_series(title_en="The Drying Plateau", title_fa="فلات خشک")
        cls.part_one = make_article(series=cls.series, part=1, section=cls.section, published_ago=timedelta(days=9))
        cls.article = make_pictured_article(
            headline_en="Rivers in retreat: who pays?",
            headline_fa="رودها عقب می‌نشینند؛ چه کسی هزینه را می‌پردازد؟",
            standfirst_en="The reservoir has fallen for three years.",
            standfirst_fa="مخزن سه سال است که پایین می‌رود.",
            body_en=LONG_BODY_EN,
            body_fa=LONG_BODY_FA,
            image=image_upload(size=(1600, 1000)),
            image_alt_en="A dry riverbed",
            image_alt_fa="بستر خشک رود",
            image_caption_en="The riverbed in August.",
            image_caption_fa="بستر رود در مرداد.",
            image_credit_en="Sara Ahmadi / AP",
            image_credit_fa="سارا احمدی / AP",
            authors=[cls.first_author, cls.second_author],
            tags=cls.tags,
            section=cls.section,
            series=cls.series,
            part=2,
            published_ago=timedelta(days=3),
        )
        cls.part_three = make_article(
            series=cls.series, part=3, languages=("en",), section=cls.section, published_ago=timedelta(days=1)
        )
        cls.english_only = make_article(languages=("en",), section=cls.section, headline_en="Only in English")

    def page(self, language, article=None):
        response = self.client.get((article or self.article).url_in(language))
        self.assertEqual(response.status_code, 200)
        return Page(response)

    def test_pages_carry_the_language_and_direction(self):
        self.assertEqual(self.page("en").html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(self.page("fa").html_attributes, {"lang": "fa", "dir": "rtl"})

    def test_header_shows_section_headline_standfirst_and_one_h1(self):
        page = self.page("fa")
        self.assertEqual(page.text(".article__header .kicker > a"), "محیط زیست")
        self.assertEqual(page.text("h1"), "رودها عقب می‌نشینند؛ چه کسی هزینه را می‌پردازد؟")
        self.assertEqual(page.text(".article__standfirst"), "مخزن سه سال است که پایین می‌رود.")

    def test_byline_lists_every_author_in_order_linking_to_their_pages(self):
        links = self.page("en").select(".byline a")
        self.assertEqual([link.get_text() for link in links], ["Maryam Karimi", "John Smith"])
        self.assertEqual([link["href"] for link in links], ["/en/authors/maryam-karimi/", "/en/authors/john-smith/"])

    def test_latin_names_inside_persian_text_are_isolated(self):
        names = self.page("fa").select(".byline a bdi")
        self.assertEqual([name.get_text() for name in names], ["مریم کریمی", "John Smith"])
        self.assertEqual(self.page("fa").text(".credit bdi"), "سارا احمدی / AP")

    def test_reading_time_is_in_each_languages_words_and_digits(self):
        self.assertEqual(self.page("en").text(".article__meta .meta__read"), "1 min read")
        self.assertEqual(self.page("fa").text(".article__meta .meta__read"), "۱ دقیقه مطالعه")

    def test_persian_page_writes_its_own_numbers_in_persian_digits(self):
        page = self.page("fa")
        for selector in (".article__meta .meta", ".kicker__series"):
            self.assertNotRegex(page.text(selector), r"[0-9]", selector)
        for label in page.select(".series-box__number"):
            self.assertNotRegex(label.get_text(), r"[0-9]")

    def test_persian_page_dates_the_article_in_the_jalali_calendar(self):
        time = self.page("fa").select(".article__meta time")[0]
        self.assertRegex(time.get_text(), JALALI_DATE)
        self.assertEqual(time["datetime"][:10], self.article.publish_at.date().isoformat())

    def test_english_page_dates_in_english(self):
        time = self.page("en").select(".article__meta time")[0]
        self.assertRegex(time.get_text(), r"^\d{1,2} [A-Z][a-z]+ \d{4}$")

    def test_featured_image_is_responsive_with_webp_and_jpeg(self):
        figure = self.page("en").one(".article__figure")
        source = figure.select_one("picture source")
        image = figure.select_one("picture img")
        self.assertEqual(source["type"], "image/webp")
        self.assertEqual(len(source["srcset"].split(",")), 4)
        self.assertIn(".jpg 480w", image["srcset"])
        self.assertTrue(image["sizes"])
        self.assertEqual((image["width"], image["height"]), ("1200", "750"))
        self.assertEqual(image["alt"], "A dry riverbed")
        self.assertNotIn("loading", image.attrs, "the featured image is above the fold")
        self.assertIn("The riverbed in August.", figure.figcaption.get_text())

    def test_subheadings_get_stable_anchors_and_a_table_of_contents(self):
        page = self.page("en")
        ids = [heading["id"] for heading in page.select(".article__body h2")]
        self.assertEqual(ids, ["where-the-water-went", "who-pays", "what-comes-next", "who-pays-2"])
        contents = [link["href"] for link in page.select(".contents a")]
        self.assertEqual(contents, [f"#{anchor}" for anchor in ids])
        self.assertEqual(self.page("en").select(".article__body h2")[0]["id"], ids[0], "ids are stable")

    def test_persian_subheadings_get_persian_anchors(self):
        ids = [heading["id"] for heading in self.page("fa").select(".article__body h2")]
        self.assertEqual(ids[1], "هزینه-را-چه-کسی-می-پردازد")

    def test_short_pieces_have_no_table_of_contents(self):
        self.assertEqual(self.page("en", self.part_one).select(".contents"), [])

    def test_series_box_names_the_part_and_links_both_ways(self):
        page = self.page("en")
        self.assertEqual(page.text("#series-heading"), "Part Two of “The Drying Plateau”")
        self.assertEqual(page.one(".series-box__prev")["href"], self.part_one.url_in("en"))
        self.assertEqual(page.one(".series-box__next")["href"], self.part_three.url_in("en"))
        labels = [item.get_text(" ", strip=True) for item in page.select(".series-box__parts li .series-box__number")]
        self.assertEqual(labels, ["Part One", "Part Two", "Part Three"])

    def test_persian_series_box_skips_parts_not_yet_translated(self):
        page = self.page("fa")
        self.assertEqual(page.text("#series-heading"), "بخش دوم از «فلات خشک»")
        self.assertEqual(page.one(".series-box__prev")["href"], self.part_one.url_in("fa"))
        self.assertEqual(page.select(".series-box__next"), [])
        self.assertIn("هنوز به این زبان منتشر نشده است", page.text(".series-box__parts"))

    def test_series_arrows_follow_the_reading_direction(self):
        """ "Previous" points back: left in English, right in Persian (the stylesheet flips it on dir=rtl)."""
        for language in ("en", "fa"):
            page = self.page(language)
            self.assertEqual(page.one(".series-box__prev .arrow")["class"], ["arrow", "arrow--back"])
        css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text(encoding="utf-8")
        self.assertRegex(css, r'\[dir="rtl"\] \.arrow--back::before \{\s*content: "→";')
        self.assertRegex(css, r'\.arrow--back::before \{\s*content: "←";')

    def test_share_links_carry_the_canonical_url_and_the_persian_headline(self):
        page = self.page("fa")
        links = {link["data-network"]: link["href"] for link in page.select(".share__link[data-network]")}
        self.assertEqual(list(links)[:2], ["telegram", "whatsapp"])
        canonical = page.canonical
        headline = "رودها عقب می‌نشینند؛ چه کسی هزینه را می‌پردازد؟"
        telegram = parse_qs(urlsplit(links["telegram"]).query)
        self.assertEqual(telegram, {"url": [canonical], "text": [headline]})
        self.assertTrue(links["telegram"].startswith("https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Ffa%2F"))
        self.assertIn("%D8%B1%D9%88%D8%AF", links["telegram"], "Persian letters are percent-encoded as UTF-8")
        self.assertEqual(parse_qs(urlsplit(links["whatsapp"]).query), {"text": [f"{headline} {canonical}"]})
        self.assertEqual(parse_qs(urlsplit(links["x"]).query), {"text": [headline], "url": [canonical]})
        self.assertEqual(parse_qs(urlsplit(links["facebook"]).query), {"u": [canonical]})
        self.assertEqual(parse_qs(urlsplit(links["linkedin"]).query), {"url": [canonical]})
        self.assertEqual(links["email"].split("?")[0], "mailto:")
        self.assertEqual(parse_qs(urlsplit(links["email"]).query), {"subject": [headline], "body": [canonical]})
        self.assertNotIn("+", links["email"], "mailto needs %20, not +, for spaces")

    def test_english_share_links_put_x_first_and_offer_a_copy_button(self):
        page = self.page("en")
        networks = [link["data-network"] for link in page.select(".share__link[data-network]")]
        self.assertEqual(networks, ["x", "facebook", "linkedin", "telegram", "whatsapp", "email"])
        button = page.one("button[data-copy-url]")
        self.assertEqual(button["data-copy-url"], page.canonical)
        self.assertIn("hidden", button.attrs, "without JavaScript the button stays hidden; the links still work")

    def test_language_switch_links_to_the_other_version(self):
        english = self.page("en").one(".other-language a")
        self.assertEqual(english.get_text(), "این مقاله را به فارسی بخوانید")
        self.assertEqual((english["href"], english["lang"]), (self.article.url_in("fa"), "fa"))
        persian = self.page("fa").one(".other-language a")
        self.assertEqual(persian.get_text(), "View this article in English")
        self.assertEqual(persian["href"], self.article.url_in("en"))

    def test_header_language_link_keeps_the_reader_on_this_article(self):
        link = self.page("fa").one(".language-nav a")
        self.assertEqual(link["href"], f"/language/en/?next={self.article.url_in('en')}")
        response = self.client.get(link["href"])
        self.assertRedirects(response, self.article.url_in("en"), fetch_redirect_response=False)

    def test_no_language_switch_when_the_other_version_does_not_exist(self):
        page = self.page("en", self.english_only)
        self.assertEqual(page.select(".other-language"), [])
        self.assertEqual(page.hreflangs, {})
        self.assertEqual(page.meta("og:locale:alternate"), [])

    def test_head_has_canonical_and_hreflang_alternates_with_x_default(self):
        page = self.page("fa")
        self.assertEqual(page.canonical, "http://testserver" + self.article.url_in("fa"))
        self.assertEqual(
            page.hreflangs,
            {
                "en": "http://testserver" + self.article.url_in("en"),
                "fa": "http://testserver" + self.article.url_in("fa"),
                "x-default": "http://testserver" + self.article.url_in("en"),
            },
        )

    def test_head_has_title_and_description(self):
        page = self.page("en")
        self.assertEqual(page.soup.title.get_text(), "Rivers in retreat: who pays? — Newsroom")
        self.assertEqual(page.meta("description"), ["The reservoir has fallen for three years."])

    def test_open_graph_and_twitter_card(self):
        page = self.page("fa")
        self.assertEqual(page.meta("og:type"), ["article"])
        self.assertEqual(page.meta("og:locale"), ["fa_IR"])
        self.assertEqual(page.meta("og:locale:alternate"), ["en_US"])
        self.assertEqual(page.meta("og:url"), [page.canonical])
        self.assertEqual(page.meta("og:title"), ["رودها عقب می‌نشینند؛ چه کسی هزینه را می‌پردازد؟"])
        self.assertEqual(page.meta("article:published_time"), [self.article.publish_at.isoformat(timespec="seconds")])
        self.assertEqual(
            page.meta("article:author"),
            ["http://testserver/fa/authors/maryam-karimi/", "http://testserver/fa/authors/john-smith/"],
        )
        self.assertEqual(page.meta("twitter:card"), ["summary_large_image"])
        self.assertEqual((page.meta("og:image:width"), page.meta("og:image:height")), (["1200"], ["630"]))
        image_url = page.meta("og:image")[0]
        self.assertTrue(image_url.startswith("http://testserver/media/renditions/"))
        with default_storage.open(image_url.removeprefix("http://testserver/media/")) as stored:
            self.assertEqual(Image.open(stored).size, (1200, 630))

    def test_structured_data_is_a_news_article_with_breadcrumbs(self):
        page = self.page("fa")
        self.assertEqual([item["@type"] for item in page.structured_data], ["NewsArticle", "BreadcrumbList"])
        article = page.structured("NewsArticle")
        self.assertEqual(article["headline"], "رودها عقب می‌نشینند؛ چه کسی هزینه را می‌پردازد؟")
        self.assertEqual(article["inLanguage"], "fa")
        self.assertEqual(article["mainEntityOfPage"]["@id"], page.canonical)
        self.assertEqual(
            [(author["@type"], author["url"]) for author in article["author"]],
            [
                ("Person", "http://testserver/fa/authors/maryam-karimi/"),
                ("Person", "http://testserver/fa/authors/john-smith/"),
            ],
        )
        self.assertEqual(article["publisher"]["@type"], "NewsMediaOrganization")
        self.assertEqual(article["isPartOf"]["@type"], "CreativeWorkSeries")
        self.assertEqual((article["isPartOf"]["name"], article["isPartOf"]["position"]), ("فلات خشک", 2))
        self.assertTrue(article["image"][0].endswith("-og.jpg"))
        self.assertTrue(article["datePublished"] <= article["dateModified"])
        crumbs = page.structured("BreadcrumbList")["itemListElement"]
        self.assertEqual([crumb["position"] for crumb in crumbs], [1, 2, 3])
        self.assertEqual(crumbs[-1]["item"], page.canonical)

    def test_structured_data_cannot_be_broken_out_of(self):
        hostile = make_article(headline_en='Quotes </script><script>alert("x")</script> & more', languages=("en",))
        page = self.page("en", hostile)
        self.assertEqual(page.structured("NewsArticle")["headline"], hostile.headline_en)
        self.assertNotIn('<script>alert("x")', page.response.text)

    def test_author_box_shows_each_author_with_bio_and_link(self):
        page = self.page("en")
        self.assertEqual(page.text("#about-authors"), "About the authors")
        names = [link["href"] for link in page.select(".author-card__name a")]
        self.assertEqual(names, ["/en/authors/maryam-karimi/", "/en/authors/john-smith/"])

    def test_related_articles_share_the_series_section_or_a_tag_newest_first(self):
        elsewhere = make_article(headline_en="Unrelated", published_ago=timedelta(minutes=1))
        tagged = make_article(tags=[self.tags[1]], published_ago=timedelta(days=2))
        related = [link["href"] for link in self.page("en").select(".related .item__headline a")]
        newest_three = [self.english_only, self.part_three, tagged]  # same section, same series, same tag
        self.assertEqual(related, [article.url_in("en") for article in newest_three])
        self.assertNotIn(elsewhere.url_in("en"), related)
        self.assertNotIn(self.article.url_in("en"), related)

    def test_an_article_sharing_two_tags_is_related_once(self):
        twice = make_article(tags=self.tags, published_ago=timedelta(seconds=30))  # another section, both tags
        related = [link["href"] for link in self.page("en").select(".related .item__headline a")]
        self.assertEqual(related[0], twice.url_in("en"))
        self.assertEqual(len(related), 3)
        self.assertEqual(len(set(related)), 3, related)

    def test_related_articles_are_only_those_written_in_the_page_language(self):
        related = [link["href"] for link in self.page("fa").select(".related .item__headline a")]
        self.assertIn(self.part_one.url_in("fa"), related)
        self.assertTrue(all(href.startswith("/fa/") for href in related))

    def test_tags_link_to_their_pages(self):
        tags = [link.get_text() for link in self.page("fa").select(".tags a")]
        self.assertEqual(sorted(tags), sorted(["آب", "کشاورزی"]))

    def test_body_html_is_sanitised_before_anchors_are_added(self):
        article = make_article(
            languages=("en",),
            body_en='<h2 id="x" onclick="steal()">Safe</h2><p>Text<script>bad()</script></p><img src=x onerror=y>',
        )
        body = self.page("en", article).one(".article__body")
        self.assertEqual(str(body.h2), '<h2 id="safe">Safe</h2>')
        self.assertNotIn("script", str(body))
        self.assertNotIn("onerror", str(body))

    def test_an_update_well_after_publication_is_shown(self):
        updated = make_article(languages=("en",), published_ago=timedelta(days=5))
        type(updated).objects.filter(pk=updated.pk).update(first_published_at=updated.publish_at)
        times = self.page("en", updated).select(".article__meta time")
        self.assertEqual(len(times), 2)
        self.assertGreater(times[1]["datetime"], times[0]["datetime"])

    def test_a_fresh_article_shows_only_its_publication_date(self):
        fresh = make_article(languages=("en",), published_ago=timedelta(minutes=1))
        self.assertEqual(len(self.page("en", fresh).select(".article__meta time")), 1)

    def test_draft_and_scheduled_articles_are_not_found_in_either_language(self):
        draft = make_article(published_ago=None)
        scheduled = make_article(published_ago=-timedelta(hours=2))
        for article in (draft, scheduled):
            for language in ("en", "fa"):
                self.assertEqual(self.client.get(article.url_in(language)).status_code, 404)

    def test_the_page_loads_only_our_own_scripts_and_styles(self):
        page = self.page("fa")
        for script in page.select("script[src]"):
            self.assertTrue(script["src"].startswith("/static/"))
        for stylesheet in page.select("link[rel=stylesheet]"):
            self.assertTrue(stylesheet["href"].startswith("/static/"))
        self.assertFalse(re.search(r"<script>(?!\s*$)", page.response.text), "no inline script without a nonce")
        policy = page.response.headers["Content-Security-Policy"]
        for script in page.soup.find_all("script", type="application/ld+json"):
            self.assertIn(f"'nonce-{script['nonce']}'", policy)


class ArticleWithoutImageTests(ReaderTestCase):
    def test_an_article_without_an_image_renders_without_figure_or_og_image(self):
        article = make_article()
        with translation.override("en"):
            page = Page(self.client.get(article.url_in("en")))
        self.assertEqual(page.select(".article__figure"), [])
        self.assertEqual(page.meta("og:image"), [])
