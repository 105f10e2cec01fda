from datetime import timedelta
from html.parser import HTMLParser

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article


class HtmlRoot(HTMLParser):
    """Collect the <html> element's attributes."""

    def __init__(self, text):
        super().__init__()
        self.attributes = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.attributes = dict(attrs)


def home_url(language):
    with translation.override(language):
        return reverse("articles:home")


class LanguagePrefixTests(TestCase):
    def test_root_redirects_to_the_readers_preferred_language(self):
        response = self.client.get("/", headers={"accept-language": "fa-IR,fa;q=0.9,en;q=0.5"})
        self.assertRedirects(response, "/fa/", fetch_redirect_response=False)

    def test_root_redirects_to_english_by_default(self):
        self.assertRedirects(self.client.get("/"), "/en/", fetch_redirect_response=False)

    def test_a_chosen_language_cookie_wins_over_accept_language(self):
        response = self.client.get("/language/fa/?next=/fa/")
        self.assertRedirects(response, "/fa/", fetch_redirect_response=False)
        response = self.client.get("/", headers={"accept-language": "en"})
        self.assertRedirects(response, "/fa/", fetch_redirect_response=False)

    def test_choosing_a_language_never_redirects_off_site(self):
        response = self.client.get("/language/en/?next=https://evil.example/")
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_unknown_language_prefixes_are_not_found(self):
        self.assertEqual(self.client.get("/de/").status_code, 404)
        self.assertEqual(self.client.get("/xx/articles/anything/").status_code, 404)
        self.assertEqual(self.client.get("/language/de/").status_code, 404)

    def test_persian_pages_are_right_to_left(self):
        self.assertEqual(HtmlRoot(self.client.get("/fa/").text).attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(HtmlRoot(self.client.get("/en/").text).attributes, {"lang": "en", "dir": "ltr"})


class HomeTests(TestCase):
    def test_home_lists_only_articles_available_in_its_language(self):
        both = make_article(headline_en="Both languages", headline_fa="هر دو زبان")
        make_article(languages=("en",), headline_en="English only")
        english = self.client.get("/en/").text
        persian = self.client.get("/fa/").text
        self.assertIn("Both languages", english)
        self.assertIn("English only", english)
        self.assertIn("هر دو زبان", persian)
        self.assertNotIn("English only", persian)
        self.assertIn(both.url_in("fa"), persian)

    def test_home_hides_drafts_and_scheduled_articles(self):
        make_article(headline_en="Tomorrow's piece", published_ago=-timedelta(days=1))
        make_article(headline_en="Unfinished draft", published_ago=None)
        page = self.client.get("/en/").text
        self.assertNotIn("Tomorrow", page)
        self.assertNotIn("Unfinished draft", page)


class ArticlePageTests(TestCase):
    def test_each_listed_article_opens(self):
        article = make_article(headline_en="Rivers in retreat", headline_fa="رودها عقب می‌نشینند")
        for language, headline in (("en", "Rivers in retreat"), ("fa", "رودها عقب می‌نشینند")):
            response = self.client.get(article.url_in(language))
            self.assertContains(response, f"<h1>{headline}</h1>", html=True)

    def test_persian_article_page_shows_persian_reading_time_and_jalali_date(self):
        article = make_article()
        page = self.client.get(article.url_in("fa")).text
        self.assertIn("۱ دقیقه مطالعه", page)
        self.assertRegex(page, "[۰-۹]+ (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴[۰-۹]{2}")

    def test_article_in_a_language_it_lacks_redirects_to_its_language(self):
        article = make_article(languages=("en",))
        response = self.client.get(f"/fa/articles/{article.slug_en}/")
        self.assertRedirects(response, article.url_in("en"), status_code=302)

    def test_other_languages_slug_redirects_to_this_languages_address(self):
        article = make_article()
        response = self.client.get(f"/fa/articles/{article.slug_en}/")
        self.assertRedirects(response, article.url_in("fa"), status_code=301)

    def test_scheduled_and_draft_articles_are_not_found(self):
        scheduled = make_article(published_ago=-timedelta(hours=1))
        draft = make_article(published_ago=None)
        self.assertEqual(self.client.get(scheduled.url_in("en")).status_code, 404)
        self.assertEqual(self.client.get(draft.url_in("en")).status_code, 404)

    def test_persian_slug_address_works(self):
        article = make_article(headline_fa="آب‌ها کجا رفتند")
        self.assertEqual(self.client.get(f"/fa/articles/{article.slug_fa}/").status_code, 200)
        self.assertEqual(
            self.client.get(
                "/fa/articles/%D8%A2%D8%A8-%D9%87%D8%A7-%DA%A9%D8%AC%D8%A7-%D8%B1%D9%81%D8%AA%D9%86%D8%AF/"
            ).status_code,
            200,
        )
