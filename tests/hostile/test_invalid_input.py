"""
What the admin refuses: the editor sees an error next to the field and nothing is saved. And what it
used to break on (regressions for bugs this suite found).
"""

from xml.etree import ElementTree

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from authors.models import Author
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.factories import make_article, make_author, make_section, make_series, make_tag
from tests.pages import TemporaryMediaMixin

from .payloads import NUL, PAYLOADS

NUL_PAYLOADS = [payload for payload in PAYLOADS if NUL in payload]
DANGEROUS_ADDRESSES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:alert(1)",
    'https://example.org/" onmouseover="alert(1)',
    "javascript://%0aalert(1)",
    "<script>alert(1)</script>",
]


class RefusalTestCase(TemporaryMediaMixin, NewsroomAdminTestCase):
    def submit(self, obj, **changes):
        """Post the object's change form with some fields changed, as an editor; return the response."""
        data = self.open_form(self.editor, obj)
        data.update({name: [value] for name, value in changes.items()})
        return self.post_form(self.editor, obj, data, follow=False)

    def assertRefused(self, response, *fields: str):
        self.assertEqual(response.status_code, 200, "the form was accepted")
        html = page(response)
        self.assertTrue(html.select(".errornote"), "no error summary shown")
        for name in fields:
            self.assertTrue(html.select(f".field-{name} .errorlist li"), f"no error shown on {name}")


class NullCharacterTests(RefusalTestCase):
    def test_a_nul_byte_in_any_article_text_field_is_refused_and_nothing_is_saved(self):
        article = make_article(headline_en="Unchanged")
        fields = ["headline_en", "headline_fa", "standfirst_en", "standfirst_fa", "body_en", "body_fa",
                  "image_alt_en", "image_caption_fa", "image_credit_en", "image_credit_fa"]  # fmt: skip
        response = self.submit(article, **dict(zip(fields, NUL_PAYLOADS * 3, strict=False)))
        self.assertRefused(response, *(name for name in fields if not name.startswith("body")))
        article.refresh_from_db()
        self.assertEqual(article.headline_en, "Unchanged")
        self.assertEqual(article.version, 0)

    def test_a_nul_byte_in_an_author_section_tag_or_series_is_refused(self):
        cases = [
            (make_author(), ["name_en", "name_fa", "job_title_en", "bio_fa", "x_handle", "telegram"]),
            (make_section(), ["name_en", "name_fa"]),
            (make_tag(), ["name_en", "name_fa"]),
            (make_series(), ["title_en", "description_fa"]),
        ]
        for obj, fields in cases:
            with self.subTest(type(obj).__name__):
                response = self.submit(obj, **dict(zip(fields, NUL_PAYLOADS * 2, strict=False)))
                self.assertRefused(response, *fields)
                obj.refresh_from_db()
                self.assertEqual(obj.version, 0)
                self.assertFalse(any(NUL in (getattr(obj, name) or "") for name in fields))

    def test_the_error_says_what_is_wrong(self):
        response = self.submit(make_section(), name_en=NUL_PAYLOADS[0])
        self.assertIn("Null characters are not allowed", page(response).select_one(".field-name_en .errorlist").text)


class UnsafeValueTests(RefusalTestCase):
    def test_script_and_data_addresses_are_refused_as_website_and_linkedin(self):
        author = make_author(website="https://example.org/me")
        for website, linkedin in zip(DANGEROUS_ADDRESSES[::2], DANGEROUS_ADDRESSES[1::2], strict=True):
            with self.subTest(website=website, linkedin=linkedin):
                response = self.submit(author, website=website, linkedin=linkedin)
                self.assertRefused(response, "website")
                author.refresh_from_db()
                self.assertEqual((author.website, author.linkedin), ("https://example.org/me", ""))

    def test_markup_is_refused_as_an_email_address(self):
        author = make_author()
        response = self.submit(author, email='"><script>alert(1)</script>@example.org')
        self.assertRefused(response, "email")

    def test_markup_is_refused_as_a_slug_in_both_languages(self):
        article = make_article()
        slugs = (article.slug_en, article.slug_fa)
        response = self.submit(article, slug_en="<script>alert(1)</script>", slug_fa='" onmouseover="alert(1)')
        self.assertRefused(response, "slug_en", "slug_fa")
        article.refresh_from_db()
        self.assertEqual((article.slug_en, article.slug_fa), slugs)

    def test_a_headline_longer_than_its_field_is_refused_not_cut(self):
        article = make_article(headline_en="Unchanged")
        response = self.submit(article, headline_en="<script>alert(1)</script>" * 9)
        self.assertRefused(response, "headline_en")
        self.assertIn("200", page(response).select_one(".field-headline_en .errorlist").text)

    def test_a_body_of_nothing_but_scripts_is_refused_instead_of_vanishing(self):
        """Saving sanitises the body; one that would be left empty was published and then nowhere to be found."""
        article = make_article(headline_en="Unchanged")
        response = self.submit(article, body_en="<script>alert(1)</script><style>p{}</style><iframe></iframe>")
        self.assertRefused(response, "body_en")
        self.assertIn("Nothing of this text would be kept", page(response).select_one(".field-body_en .errorlist").text)
        article.refresh_from_db()
        self.assertIn("reservoir", article.body_en)
        self.assertEqual(self.client.get(article.url_in("en")).status_code, 200)

    def test_the_persian_error_for_an_emptied_body_is_in_persian(self):
        article = make_article()
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.submit(article, body_fa="<script>alert(1)</script>")
        self.addCleanup(translation.deactivate)
        self.assertEqual(page(response).html["lang"], "fa")
        self.assertIn("هیچ", page(response).select_one(".field-body_fa .errorlist").text)

    def test_a_translator_cannot_store_a_nul_byte_through_the_desk(self):
        article = make_article()
        self.client.force_login(self.translator)
        url = reverse("desk:translate", args=["articles", "article", article.pk])
        data = form_values(self.client.get(url))
        data["headline_fa"] = [NUL_PAYLOADS[0]]
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(page(response).select(".field-headline_fa .errorlist li"))
        article.refresh_from_db()
        self.assertNotIn(NUL, article.headline_fa)


class RegressionTests(TemporaryMediaMixin, NewsroomAdminTestCase):
    def add_article(self, **fields):
        self.client.force_login(self.editor)
        url = reverse("admin:articles_article_add")
        data = form_values(self.client.get(url))
        data.update({name: [value] for name, value in fields.items()})
        data.update({"section": [str(make_section().pk)], "bylines-0-author": [str(self.author.pk)],
                     "status": [Article.Status.PUBLISHED]})  # fmt: skip
        return self.client.post(url, data)

    def test_two_articles_with_one_headline_and_no_slug_get_two_addresses(self):
        """The second used to be an IntegrityError: a 500 in the admin."""
        for _ in range(3):
            response = self.add_article(
                headline_en="<script>alert(1)</script>", standfirst_en="A summary.", body_en="<p>Text.</p>"
            )
            self.assertEqual(response.status_code, 302)
        slugs = list(Article.objects.order_by("pk").values_list("slug_en", flat=True))
        self.assertEqual(slugs, ["scriptalert1script", "scriptalert1script-2", "scriptalert1script-3"])
        for article in Article.objects.all():
            self.assertEqual(self.client.get(article.url_in("en")).status_code, 200)

    def test_two_sections_with_one_persian_name_get_two_addresses(self):
        make_section(name_en="Culture", name_fa="فرهنگ")
        second = make_section(name_en="Culture (arts)", name_fa="فرهنگ")
        self.assertEqual(second.slug_fa, "فرهنگ-2")

    def test_an_author_whose_english_name_has_no_latin_letters_still_has_a_page(self):
        """An empty slug made every page linking the author fail to find its address."""
        first = Author.objects.create(name_en="مریم", name_fa="مریم")
        second = Author.objects.create(name_en="«»", name_fa="رضا")
        self.assertRegex(first.slug, r"^author-[0-9a-f]{8}$")
        self.assertNotEqual(first.slug, second.slug)
        article = make_article(authors=[first, second])
        self.assertEqual(Client().get(article.url_in("en")).status_code, 200)

    def test_an_english_slug_equal_to_another_articles_persian_slug_reaches_its_own_article(self):
        english = make_article(headline_en="First", slug_en="tehran", languages=("en",))
        persian = make_article(headline_fa="دوم", slug_fa="tehran", languages=("fa",), published_ago=None)
        persian.status, persian.publish_at = Article.Status.PUBLISHED, english.publish_at
        persian.save()  # newer than the English one, so it came first
        reader = Client()
        self.assertContains(reader.get("/en/articles/tehran/"), "<h1>First</h1>")
        self.assertContains(reader.get("/fa/articles/tehran/"), "<h1>دوم</h1>")

    def test_control_characters_are_dropped_from_every_text_field_on_save(self):
        """A form feed or U+0001 pasted into any field is not kept; tabs, newlines and the ZWNJ are."""
        article = make_article(headline_en="Water\x0cpolicy\x01 review", headline_fa="سیاست\x7fِ آب\u200cها")
        author = make_author(name_en="Sara\x08 Ahmadi", bio_en="Line one\nline\x1b two\tend")
        section = make_section(name_en="Eco\x85nomy")
        series = make_series(title_en="The\x02 Plateau")
        tag = make_tag(name_en="Wa\x0bter")
        for obj in (article, author, section, series, tag):
            obj.refresh_from_db()
        self.assertEqual(article.headline_en, "Waterpolicy review")
        self.assertEqual(article.headline_fa, "سیاستِ آب\u200cها")
        self.assertEqual(author.name_en, "Sara Ahmadi")
        self.assertEqual(author.bio_en, "Line one\nline two\tend")
        self.assertEqual((section.name_en, series.title_en, tag.name_en), ("Economy", "The Plateau", "Water"))

    def test_feeds_and_the_news_sitemap_leave_out_control_characters_instead_of_failing(self):
        make_article(headline_en="Water\x0cpolicy\x01 review", standfirst_en="Dry\x0b years.", body_en="<p>A\x08b</p>")
        reader = Client()
        for url in ("/en/feeds/rss/", "/en/feeds/atom/?full=1", "/sitemap-news-en.xml"):
            with self.subTest(url):
                response = reader.get(url)
                self.assertEqual(response.status_code, 200)
                ElementTree.fromstring(response.content)
                self.assertIn(b"Waterpolicy review", response.content)
