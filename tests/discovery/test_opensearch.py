from urllib.parse import quote
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from django.test import TestCase

from tests.factories import make_article

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


class BrowserSearchTests(TestCase):
    """A reader's browser can add Newsroom's search, in each language, to its address bar."""

    def description(self, language):
        response = self.client.get(f"/{language}/opensearch.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/opensearchdescription+xml; charset=utf-8")
        return ElementTree.fromstring(response.content)

    def test_each_language_describes_its_own_search(self):
        for language, name in (("en", "Newsroom"), ("fa", "نیوزروم")):
            with self.subTest(language=language):
                description = self.description(language)
                self.assertEqual(description.findtext(f"{OPENSEARCH}ShortName"), name)
                self.assertEqual(description.findtext(f"{OPENSEARCH}Language"), language)
                self.assertEqual(description.findtext(f"{OPENSEARCH}InputEncoding"), "UTF-8")
                url = description.find(f"{OPENSEARCH}Url")
                self.assertEqual(
                    (url.get("type"), url.get("template")),
                    ("text/html", f"http://testserver/{language}/search/?q={{searchTerms}}"),
                )
        self.assertEqual(self.description("fa").findtext(f"{OPENSEARCH}Description"), "جست‌وجو در مقاله‌های نیوزروم")

    def test_the_browser_s_search_finds_articles(self):
        make_article(headline_fa="کم‌آبی در اصفهان")
        template = self.description("fa").find(f"{OPENSEARCH}Url").get("template")
        url = template.replace("{searchTerms}", quote("اصفهان")).removeprefix("http://testserver")
        page = BeautifulSoup(self.client.get(url).text, "html.parser")
        self.assertEqual(page.select_one(".search-result h2").get_text(), "کم‌آبی در اصفهان")

    def test_every_page_points_the_browser_to_the_description_of_its_language(self):
        for language in ("en", "fa"):
            with self.subTest(language=language):
                page = BeautifulSoup(self.client.get(f"/{language}/").text, "html.parser")
                link = page.select_one('link[rel="search"]')
                self.assertEqual(link["type"], "application/opensearchdescription+xml")
                self.assertEqual(link["href"], f"/{language}/opensearch.xml")

    def test_only_reading_is_allowed(self):
        self.assertEqual(self.client.post("/fa/opensearch.xml").status_code, 405)
