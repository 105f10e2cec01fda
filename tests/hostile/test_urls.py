"""
Hostile addresses and query strings on every public URL pattern, in both languages: each answers with a
4xx or a helpful page, never a 500, and never echoes markup that could run.
"""

from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article, make_author, make_section, make_series, make_tag, make_user

from .markup import csp_nonce, findings, page_text

LANGUAGES = ("en", "fa")

# What goes where a slug belongs (already percent-encoded, as a browser or a script would send it).
HOSTILE_SLUGS = {
    "broken percent-encoding": "%E0%A4%A",
    "invalid UTF-8": "%C0%AE%C0%AE%FF",
    "overlong": "a" * 5000,
    "NUL byte": "abc%00def",
    "only a NUL byte": "%00",
    "traversal": "..%2f..%2fnewsroom%2fsettings.py",
    "encoded dots": "%2e%2e%2f%2e%2e%2f",
    "script": "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "quote breakout": "%22%20onmouseover%3D%22alert(1)",
    "CRLF": "x%0d%0aSet-Cookie:%20hacked=1",
    "right-to-left override": "%E2%80%AEgpj.exe",
    "Persian unknown": "%D9%85%D9%82%D8%A7%D9%84%D9%87-%D9%86%DB%8C%D8%B3%D8%AA",
}
# Every public pattern that takes a slug, with {slug} where it goes.
SLUG_PATTERNS = [
    "/{language}/articles/{slug}/",
    "/{language}/sections/{slug}/",
    "/{language}/tags/{slug}/",
    "/{language}/authors/{slug}/",
    "/{language}/series/{slug}/",
    "/{language}/feeds/sections/{slug}/rss/",
    "/{language}/feeds/authors/{slug}/atom/",
    "/{language}/feeds/series/{slug}/rss/",
    "/sitemap-{slug}.xml",
]
# Query strings for every page that lists or pages.
HOSTILE_QUERIES = {
    "huge page": "page=99999999999999999999",
    "negative page": "page=-1",
    "zero page": "page=0",
    "page in words": "page=abc",
    "page with a NUL": "page=1%00",
    "float page": "page=1e9",
    "repeated page": "page=1&page=2&page=abc",
    "empty names": "=&&&=x&page=",
    "array syntax": "page[]=1&full[]=1",
    "invalid UTF-8": "%ff%fe=%ff&page=%c0",
    "script": "page=%3Cscript%3Ealert(1)%3C/script%3E&full=%22%3E%3Csvg%20onload=alert(1)%3E",
    "sitemap page": "p=99999999999999999999",
}


class HostileUrlTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author(name_en="Maryam Karimi", slug="maryam-karimi")
        cls.section = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.tag = make_tag(name_en="Water", name_fa="آب")
        cls.series = make_series(title_en="The Thirsty Plateau", title_fa="فلات تشنه")
        cls.article = make_article(authors=[cls.author], section=cls.section, tags=[cls.tag], series=cls.series, part=1)

    def setUp(self):
        self.addCleanup(translation.deactivate)

    def list_pages(self) -> list[str]:
        """Every public page that is not found by a slug, plus one of each kind that is."""
        pages = ["/robots.txt", "/sitemap.xml", "/sitemap-articles-en.xml", "/sitemap-news-fa.xml"]
        for language in LANGUAGES:
            with translation.override(language):
                pages += [
                    reverse("articles:home"),
                    reverse("search:results"),
                    reverse("series:index"),
                    self.article.url_in(language),
                    self.section.get_absolute_url(),
                    self.tag.get_absolute_url(),
                    self.author.get_absolute_url(),
                    self.series.get_absolute_url(),
                    *(reverse(f"discovery:latest-{kind}") for kind in ("rss", "atom")),
                    reverse("discovery:section-rss", kwargs={"slug": self.section.slug_in(language)}),
                    reverse("discovery:author-atom", kwargs={"slug": self.author.slug}),
                    reverse("discovery:series-rss", kwargs={"slug": self.series.slug_in(language)}),
                ]
        return pages

    def assertAnswered(self, response, url, allowed=(200, 301, 302, 400, 404, 405)):
        """Not a server error, one of the expected answers, and no markup from the address on the page."""
        self.assertLess(response.status_code, 500, url)
        self.assertIn(response.status_code, allowed, url)
        if response.get("Content-Type", "").startswith("text/html"):
            self.assertEqual(findings(response.content.decode(), csp_nonce(response)), {}, url)
            self.assertNotIn(b"Traceback", response.content)


class SlugTests(HostileUrlTestCase):
    def test_hostile_slugs_are_not_found_on_every_pattern_in_both_languages(self):
        for pattern in SLUG_PATTERNS:
            for language in LANGUAGES:
                for kind, slug in HOSTILE_SLUGS.items():
                    url = pattern.format(language=language, slug=slug)
                    with self.subTest(pattern=pattern, language=language, kind=kind):
                        self.assertAnswered(self.client.get(url), url, allowed=(404, 400, 301))

    def test_the_not_found_page_is_helpful_in_the_readers_language(self):
        response = self.client.get("/fa/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E/")
        self.assertEqual(response.status_code, 404)
        self.assertIn("این صفحه را پیدا نکردیم", page_text(response.content.decode()))
        self.assertNotIn(b"<script>alert", response.content)


class LanguagePrefixTests(HostileUrlTestCase):
    def test_unknown_language_prefixes_are_not_found(self):
        for url in ("/de/", "/xx/articles/some-article/", "/de/feeds/rss/", "/fa-ir/", "/zz/search/?q=x",
                    "/en-us/", "/EN/", "/%00/", "/../en/", "/en/../fa/"):  # fmt: skip
            with self.subTest(url=url):
                self.assertAnswered(self.client.get(url), url, allowed=(404, 301, 302))

    def test_the_root_sends_each_reader_to_a_language_we_have(self):
        for accept in ("de-DE,de;q=0.9", "fa-IR,fa;q=0.9", "*", "<script>", "x" * 2000, "en;q=abc"):
            with self.subTest(accept=accept[:20]):
                response = self.client.get("/", headers={"accept-language": accept})
                self.assertEqual(response.status_code, 302)
                self.assertIn(response["Location"], ("/en/", "/fa/"))


class QueryStringTests(HostileUrlTestCase):
    def test_hostile_query_strings_on_every_list_and_page(self):
        for url in self.list_pages():
            for kind, query in HOSTILE_QUERIES.items():
                with self.subTest(url=url, kind=kind):
                    self.assertAnswered(self.client.get(f"{url}?{query}"), f"{url}?{query}")

    def test_an_absurd_page_number_of_a_list_is_not_found(self):
        for query in ("page=99999999999999999999", "page=-1", "page=abc", "page=0"):
            with self.subTest(query=query):
                self.assertEqual(self.client.get(f"/en/sections/{self.section.slug_en}/?{query}").status_code, 404)

    def test_an_absurd_page_number_of_search_results_shows_the_last_page(self):
        response = self.client.get("/en/search/", {"q": "reservoir", "page": "99999999999999999999"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page_obj"].number, 1)


class SearchTests(HostileUrlTestCase):
    def test_a_ten_thousand_character_search_asks_the_reader_to_shorten_it(self):
        for language, message in (("en", "Please shorten your search"), ("fa", "کوتاه کنید")):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/search/", {"q": "آب water " * 1250})
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.context["form"].errors["q"][0])

    def test_hostile_searches_answer_with_a_page_that_shows_the_query_as_text(self):
        queries = ["<script>alert(1)</script>", '" onfocus="alert(1)" autofocus="', "{{ 7|add:7 }}", "%00",
                   "\x00", "'; DROP TABLE articles_article; --", "a\u202eb", "ـ" * 150, "\"'\\", "-" * 10,
                   '"""']  # fmt: skip
        for language in LANGUAGES:
            for query in queries:
                with self.subTest(language=language, query=query):
                    response = self.client.get(f"/{language}/search/", {"q": query})
                    self.assertAnswered(response, query, allowed=(200,))

    def test_a_search_shows_the_typed_query_back_as_text(self):
        response = self.client.get("/en/search/", {"q": "<script>alert(1)</script>"})
        self.assertIn("No articles match “<script>alert(1)</script>”", page_text(response.content.decode()))

    def test_searching_by_post_is_not_allowed(self):
        self.assertEqual(self.client.post("/en/search/", {"q": "x"}).status_code, 405)


class MediaAndStaticTests(HostileUrlTestCase):
    def test_traversal_out_of_media_and_static_is_not_found(self):
        for url in ("/media/../newsroom/settings.py", "/media/%2e%2e/newsroom/settings.py",
                    "/media/..%2f..%2fnewsroom%2fsettings.py", "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "/media/....//....//newsroom/settings.py", "/media/%00", "/media/a%00.jpg",
                    "/media/%c0%ae%c0%ae/newsroom/settings.py", "/static/../newsroom/settings.py",
                    "/static/%2e%2e/newsroom/settings.py", "/media/", "/media//etc/passwd"):  # fmt: skip
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (400, 403, 404), url)
                content = b"".join(response.streaming_content) if response.streaming else response.content
                self.assertNotIn(b"SECRET_KEY", content)
                self.assertNotIn(b"root:", content)


class LanguageSwitchTests(HostileUrlTestCase):
    def test_the_switch_never_sends_the_reader_to_another_site(self):
        for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
                       "\\\\evil.example", "https:evil.example", "/%0d%0aSet-Cookie:x=1", "data:text/html,x",
                       "\x00/", " //evil.example"):  # fmt: skip
            with self.subTest(target=target):
                response = self.client.get(reverse("choose-language", args=["fa"]), {"next": target})
                self.assertEqual(response.status_code, 302)
                location = response["Location"]
                self.assertTrue(location.startswith("/") and not location.startswith(("//", "/\\")), location)
                self.assertNotIn("\n", location)

    def test_an_unknown_language_is_not_found(self):
        for language in ("de", "xx", "%3Cscript%3E", "fa-IR", "EN"):
            with self.subTest(language=language):
                self.assertEqual(self.client.get(f"/language/{language}/").status_code, 404)


class HostTests(HostileUrlTestCase):
    def test_a_forged_host_header_is_a_bad_request(self):
        for host in ("evil.example", "127.0.0.1.evil.example", "localhost:80@evil.example", "<script>"):
            with self.subTest(host=host):
                self.assertEqual(self.client.get("/en/", headers={"host": host}).status_code, 400)


class MethodTests(HostileUrlTestCase):
    def test_writing_methods_on_reader_pages_feeds_and_sitemaps_are_not_allowed(self):
        """Feeds and sitemaps answered POST with a fresh render every time, as the page cache keeps only GETs."""
        for url in self.list_pages():
            for method in ("post", "put", "delete", "patch"):
                with self.subTest(url=url, method=method):
                    self.assertAnswered(getattr(self.client, method)(url), url, allowed=(403, 405))


class AdminUrlTests(HostileUrlTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = make_user("editor", groups=["Editor"], is_staff=True)

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def test_hostile_object_ids_in_the_admin_and_the_desk_are_not_found(self):
        for url in ("/admin/articles/article/abc/change/", "/admin/articles/article/99999999999999999999999/change/",
                    "/admin/articles/article/-1/change/", "/admin/articles/article/1%00/change/",
                    "/admin/authors/author/%3Cscript%3E/change/", "/admin/series/series/1e9/history/",
                    "/admin/articles/article/99999999999999999999/preview/",
                    "/admin/articles/article/1/preview/?language=%3Cscript%3E",
                    "/admin/desk/translate/articles/article/99999999999999999999/",
                    "/admin/desk/translate/auth/user/1/", "/admin/desk/translate/%2e%2e/x/1/",
                    "/admin/desk/translate/articles/article.x/1/", "/admin/desk/?language=%3Cscript%3E"):  # fmt: skip
            with self.subTest(url=url):
                self.assertAnswered(self.client.get(url), url, allowed=(200, 302, 404))

    def test_hostile_changelist_queries_are_answered_without_an_error(self):
        for model in ("articles/article", "articles/section", "articles/tag", "authors/author", "series/series"):
            for query in ("q=%00", "q=" + "x" * 10000, "p=abc", "p=99999999999999999999", "o=abc.-9",
                          "status__exact=%3Cscript%3E", "section__id__exact=abc", "publish_at__gte=garbage",
                          "translation=xx:yy", "translation=en:%00", "_to_field=password", "_popup=1&_to_field=id",
                          "e=1", "all=&q=%3Csvg%20onload%3Dalert(1)%3E"):  # fmt: skip
                url = f"/admin/{model}/?{query}"
                with self.subTest(url=url[:120]):
                    self.assertAnswered(self.client.get(url), url, allowed=(200, 302, 400, 404))

    def test_the_admin_login_page_reflects_nothing_from_the_address(self):
        anonymous = Client()
        response = anonymous.get("/admin/login/", {"next": '"><script>alert(1)</script>'})
        self.assertAnswered(response, "/admin/login/", allowed=(200,))


@override_settings(DEBUG=False)
class NoDebugLeakTests(HostileUrlTestCase):
    def test_a_not_found_page_shows_no_url_patterns_or_settings(self):
        response = self.client.get("/en/articles/..%2f..%2fnewsroom%2fsettings.py/")
        self.assertEqual(response.status_code, 404)
        for leak in (b"URLconf", b"SECRET_KEY", b"DATABASES", b"Using the URLconf"):
            self.assertNotIn(leak, response.content)
