"""Not found and server error pages: in the site's design, in the reader's language, with the other language too."""

from django.template.loader import render_to_string
from django.test import SimpleTestCase, TestCase
from django.utils import translation

from tests.pages import Page


class NotFoundPageTests(TestCase):
    def tearDown(self):
        translation.deactivate()

    def test_persian_404_is_in_persian_with_an_english_line(self):
        response = self.client.get("/fa/articles/no-such-article/")
        self.assertEqual(response.status_code, 404)
        page = Page(response)
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(page.text("h1"), "این صفحه را پیدا نکردیم")
        other = page.one(".error-page__other")
        self.assertEqual((other["lang"], other["dir"]), ("en", "ltr"))
        self.assertEqual(other.a["href"], "/en/")
        self.assertTrue(page.select(".site-header .site-name"), "the 404 keeps the site's header")

    def test_english_404_offers_the_persian_front_page(self):
        page = Page(self.client.get("/en/sections/nothing/"))
        self.assertEqual(page.text("h1"), "We could not find that page")
        self.assertEqual(page.one(".error-page__other").a["href"], "/fa/")


class ServerErrorPageTests(SimpleTestCase):
    def test_500_renders_without_a_request_or_the_database_in_both_languages(self):
        for language, heading in (("en", "Something went wrong on our side"), ("fa", "مشکلی در سمت ما پیش آمد")):
            with translation.override(language):
                html = render_to_string("500.html")
            page = Page(type("Response", (), {"content": html.encode()})())
            self.assertEqual(page.html_attributes["lang"], language)
            self.assertEqual(page.text("h1"), heading)
