"""
Error pages speak the language of the address asked for, whatever the serving thread spoke last.

When Redis was down the page cache raised before LocaleMiddleware had run, and English readers got the
Persian 500 page left over from the thread's previous request. These tests fail the same way: a
middleware raises just before LocaleMiddleware, in a thread that last spoke the other language.
"""

from unittest import mock

from django.conf import settings
from django.db import OperationalError, ProgrammingError
from django.test import Client, SimpleTestCase, TestCase, override_settings
from django.utils import translation

from tests.factories import make_article
from tests.pages import Page

FAILURES = {
    "cache": lambda: ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused."),
    "database": lambda: OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused'),
    "query": lambda: ProgrammingError('relation "articles_article" does not exist'),
}


class FailBeforeLocaleMiddleware:
    """Raise the failure named by the X-Test-Failure header, before LocaleMiddleware runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if failure := request.headers.get("X-Test-Failure"):
            raise FAILURES[failure]()
        return self.get_response(request)


def middleware_failing_before_locale() -> list[str]:
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("django.middleware.locale.LocaleMiddleware"),
        f"{__name__}.FailBeforeLocaleMiddleware",
    )
    return middleware


@override_settings(MIDDLEWARE=middleware_failing_before_locale())
class ErrorPageLanguageTests(SimpleTestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)
        self.addCleanup(translation.deactivate)

    def request_failing(self, path: str, failure: str = "cache", *, thread_last_spoke: str, **headers):
        translation.activate(thread_last_spoke)
        with self.assertLogs("django.request", "ERROR"):  # operators are told, whatever the reader sees
            return self.client.get(path, headers={"X-Test-Failure": failure, **headers})

    def test_an_english_page_fails_in_english_after_a_persian_request(self):
        response = self.request_failing("/en/", thread_last_spoke="fa")
        self.assertEqual(response.status_code, 500)
        page = Page(response)
        self.assertEqual(page.html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(page.text("h1"), "Something went wrong on our side")
        self.assertEqual(response["Content-Language"], "en")

    def test_a_persian_page_fails_in_persian_after_an_english_request(self):
        page = Page(self.request_failing("/fa/articles/any/", thread_last_spoke="en"))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(page.text("h1"), "مشکلی در سمت ما پیش آمد")
        other = page.one(".error-page__other")
        self.assertEqual((other["lang"], other["dir"], other.a["href"]), ("en", "ltr", "/en/"))

    def test_the_admin_fails_in_the_language_of_the_cookie(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        page = Page(self.request_failing("/admin/", thread_last_spoke="en"))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})

    def test_an_unprefixed_address_fails_in_the_browsers_language(self):
        page = Page(self.request_failing("/robots.txt", thread_last_spoke="en", accept_language="fa-IR,fa;q=0.9"))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        page = Page(self.request_failing("/robots.txt", thread_last_spoke="fa", accept_language="de"))
        self.assertEqual(page.html_attributes, {"lang": "en", "dir": "ltr"}, "the default for other languages")

    def test_an_unreachable_database_gives_the_persian_503_page_with_retry_after(self):
        response = self.request_failing("/fa/", "database", thread_last_spoke="en")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")
        self.assertIn("no-store", response["Cache-Control"])
        page = Page(response)
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(page.text(".kicker"), "خطای ۵۰۳")
        self.assertEqual(page.text("h1"), "این صفحه موقتاً در دسترس نیست")
        self.assertEqual(page.text("title"), "موقتاً در دسترس نیست — نیوزروم")
        other = page.one(".error-page__other")
        self.assertEqual((other["lang"], other["dir"]), ("en", "ltr"))
        self.assertEqual(other.select_one(".error-page__title").get_text(), "This page is temporarily unavailable")

    def test_an_unreachable_database_gives_the_english_503_page(self):
        response = self.request_failing("/en/sections/world/", "database", thread_last_spoke="fa")
        self.assertEqual(response.status_code, 503)
        page = Page(response)
        self.assertEqual(page.html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(page.text("h1"), "This page is temporarily unavailable")
        self.assertEqual(page.one(".error-page__other").a["href"], "/fa/")
        self.assertEqual(page.one("link[rel=stylesheet]")["href"], "/static/css/site.css", "the 500 page's look")

    def test_a_broken_query_is_still_a_500_not_a_503(self):
        response = self.request_failing("/en/", "query", thread_last_spoke="en")
        self.assertEqual(response.status_code, 500)
        self.assertFalse(response.has_header("Retry-After"))


@override_settings(PAGE_CACHE_SECONDS=300)
class DatabaseDownWithThePageCacheTests(TestCase):
    """While the database is down, pages already in the cache are served; the others answer 503."""

    def test_a_cached_page_is_served_and_an_uncached_one_is_a_503(self):
        from pagecache.tokens import forget_local_pages

        forget_local_pages()
        article, other = make_article(), make_article()
        self.assertEqual(self.client.get(article.url_in("en"))["X-Page-Cache"], "miss")
        client = Client(raise_request_exception=False)
        refused = OperationalError("server closed the connection unexpectedly")
        with (
            mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=refused),
            self.assertLogs("django.request", "ERROR"),
        ):
            cached = client.get(article.url_in("en"))
            uncached = client.get(other.url_in("fa"))
        self.assertEqual((cached.status_code, cached["X-Page-Cache"]), (200, "hit"))
        self.assertEqual(uncached.status_code, 503)
        self.assertEqual(Page(uncached).html_attributes, {"lang": "fa", "dir": "rtl"})
