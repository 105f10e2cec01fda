"""The staff preview: an article, published or not, as readers will see it, for the staff who may see it."""

from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection
from django.templatetags.static import static
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article, make_author, make_tag
from tests.pages import JALALI_DATE

ENGLISH_LONG_BODY = (
    "<p>The reservoir behind the old dam has fallen for the third year running.</p>"
    "<h2>What changed</h2><p>Farmers downstream are changing what they plant.</p>"
    "<h2>Who pays</h2><p>Smallholders pay first; the cities pay later.</p><p>Wells go deeper every year.</p>"
    "<h2>What comes next</h2><p>The province is drawing up a plan for the next dry summer.</p>"
)
PERSIAN_LONG_BODY = (
    "<p>آب مخزن پشت سد قدیمی برای سومین سال پیاپی پایین رفته است.</p>"
    "<h2>چه تغییر کرد</h2><p>کشاورزان پایین‌دست آنچه می‌کارند را تغییر می‌دهند.</p>"
    "<h2>چه کسی هزینه می‌دهد</h2><p>خرده‌مالکان زودتر می‌پردازند و شهرها دیرتر.</p><p>چاه‌ها هر سال عمیق‌تر می‌شوند.</p>"
    "<h2>پس از این</h2><p>استان برای تابستان خشک آینده برنامه می‌ریزد.</p>"
)


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def body_blocks(html: str) -> list[tuple[str, str]]:
    """Return the subheadings and paragraphs of a body, in order, as (tag, text)."""
    soup = BeautifulSoup(html, "html.parser")
    return [(element.name, words(element)) for element in soup.find_all(["h2", "p"])]


def preview_url(article, language: str | None = None) -> str:
    url = reverse("admin:articles_article_preview", args=[article.pk])
    return f"{url}?language={language}" if language else url


class PreviewTestCase(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(translation.deactivate)

    def preview(self, user, article, language: str | None = None):
        self.client.force_login(user)
        response = self.client.get(preview_url(article, language))
        self.assertEqual(response.status_code, 200)
        return response

    def shown_body(self, response) -> list[tuple[str, str]]:
        return body_blocks(str(page(response).select_one(".article__body")))


class WhatThePreviewShowsTests(PreviewTestCase):
    def test_an_unpublished_draft_shows_its_whole_english_body(self):
        draft = make_article(published_ago=None, body_en=ENGLISH_LONG_BODY, body_fa=PERSIAN_LONG_BODY)
        response = self.preview(self.editor, draft, "en")
        self.assertEqual(self.shown_body(response), body_blocks(ENGLISH_LONG_BODY))
        self.assertEqual(page(response).h1.text, draft.headline_en)
        self.assertEqual(self.client.get(draft.url_in("en")).status_code, 404)  # readers still cannot see it

    def test_the_persian_preview_shows_the_whole_persian_body_right_to_left_with_jalali_dates(self):
        draft = make_article(published_ago=None, body_en=ENGLISH_LONG_BODY, body_fa=PERSIAN_LONG_BODY)
        html = page(self.preview(self.editor, draft, "fa"))
        self.assertEqual((html.html["lang"], html.html["dir"]), ("fa", "rtl"))
        self.assertEqual(body_blocks(str(html.select_one(".article__body"))), body_blocks(PERSIAN_LONG_BODY))
        self.assertEqual(html.h1.text, draft.headline_fa)
        self.assertRegex(html.select_one(".article__meta time").text, JALALI_DATE)

    def test_three_subheadings_give_a_table_of_contents_that_links_to_them(self):
        draft = make_article(published_ago=None, body_en=ENGLISH_LONG_BODY)
        html = page(self.preview(self.editor, draft, "en"))
        contents = html.select("nav.contents li a")
        self.assertEqual([link.text for link in contents], ["What changed", "Who pays", "What comes next"])
        for link in contents:
            self.assertIsNotNone(html.select_one(".article__body").find("h2", id=link["href"].lstrip("#")))

    def test_a_body_with_one_subheading_is_shown_without_a_table_of_contents(self):
        draft = make_article(published_ago=None)
        response = self.preview(self.editor, draft, "fa")
        self.assertEqual(self.shown_body(response), body_blocks(draft.body_fa))
        self.assertIsNone(page(response).select_one("nav.contents"))

    def test_the_byline_names_the_authors_in_order(self):
        draft = make_article(published_ago=None, authors=[self.author, self.other_author])
        byline = page(self.preview(self.editor, draft, "en")).select_one(".byline")
        self.assertEqual(words(byline), "By Maryam Karimi and Reza Ahmadi")
        persian = page(self.preview(self.editor, draft, "fa")).select_one(".byline")
        self.assertIn("مریم کریمی", words(persian))
        self.assertIn("رضا احمدی", words(persian))

    def test_the_banner_says_it_is_a_preview_in_the_page_language_and_loads_its_style(self):
        draft = make_article(published_ago=None)
        english, persian = page(self.preview(self.editor, draft, "en")), page(self.preview(self.editor, draft, "fa"))
        self.assertEqual(english.select_one(".preview-banner").text, "Preview — not published")
        self.assertEqual(persian.select_one(".preview-banner").text, "پیش‌نمایش — منتشر نشده")
        stylesheets = [link["href"] for link in english.find_all("link", rel="stylesheet")]
        self.assertIn(static("articles/preview.css"), stylesheets)
        with open(finders.find("articles/preview.css"), encoding="utf-8") as stylesheet:
            self.assertIn(".preview-banner {", stylesheet.read())

    def test_a_published_article_previews_exactly_as_its_public_page_shows_it(self):
        article = make_article(body_en=ENGLISH_LONG_BODY, authors=[self.author])
        public = page(self.client.get(article.url_in("en")))
        preview = page(self.preview(self.editor, article, "en"))
        for selector in (".article__header h1", ".byline", ".meta", "nav.contents", ".article__body", ".author-box"):
            with self.subTest(selector=selector):
                self.assertIsNotNone(public.select_one(selector))
                self.assertEqual(str(preview.select_one(selector)), str(public.select_one(selector)))

    def test_the_language_links_open_the_preview_in_the_other_language(self):
        draft = make_article(published_ago=None)
        html = page(self.preview(self.editor, draft, "en"))
        self.assertEqual([a["href"] for a in html.select(".language-nav a")], [preview_url(draft, "fa")])
        self.assertEqual(html.select_one(".other-language a")["href"], preview_url(draft, "fa"))

    def test_without_a_language_it_shows_the_first_language_the_article_is_written_in(self):
        persian_only = make_article(published_ago=None, languages=("fa",))
        html = page(self.preview(self.editor, persian_only))
        self.assertEqual(html.html["lang"], "fa")
        self.assertEqual(html.h1.text, persian_only.headline_fa)

    def test_a_language_the_article_is_not_written_in_is_shown_not_a_500(self):
        english_only = make_article(languages=("en",), published_ago=None)
        response = self.preview(self.editor, english_only, "fa")
        self.assertIsNotNone(page(response).select_one(".preview-banner"))

    def test_an_unknown_language_falls_back_to_a_written_one(self):
        draft = make_article(published_ago=None)
        html = page(self.preview(self.editor, draft, "<script>"))
        self.assertEqual(html.html["lang"], "en")


class WhoMayPreviewTests(PreviewTestCase):
    def test_an_anonymous_visitor_is_sent_to_the_login_page_and_the_article_stays_hidden(self):
        draft = make_article(published_ago=None)
        response = self.client.get(preview_url(draft, "en"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("admin:login")))
        self.assertNotIn(draft.headline_en, response.content.decode())
        self.assertEqual(self.client.get(draft.url_in("en")).status_code, 404)

    def test_a_translator_may_preview_the_article_they_translate(self):
        draft = make_article(published_ago=None)
        html = page(self.preview(self.translator, draft, "fa"))
        self.assertEqual(html.h1.text, draft.headline_fa)

    def test_an_author_may_preview_their_own_draft(self):
        draft = make_article(published_ago=None, authors=[self.author])
        self.assertEqual(page(self.preview(self.author_user, draft, "en")).h1.text, draft.headline_en)

    def test_an_author_cannot_preview_someone_elses_article(self):
        for article in (make_article(published_ago=None), make_article()):
            with self.subTest(published=article.is_published()):
                self.client.force_login(self.author_user)
                response = self.client.get(preview_url(article, "en"))
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(article.headline_en, response.content.decode())

    def test_an_unknown_article_is_404(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(reverse("admin:articles_article_preview", args=[999999])).status_code, 404)


class NeverCachedTests(PreviewTestCase):
    def test_the_preview_is_never_stored_by_a_browser_proxy_or_search_engine(self):
        response = self.preview(self.editor, make_article(published_ago=None), "fa")
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertLessEqual({"private", "no-store", "no-cache", "max-age=0"}, cache_control)
        self.assertNotIn("public", cache_control)
        self.assertIn("noindex", response["X-Robots-Tag"])
        self.assertIn("Cookie", response["Vary"])
        self.assertIn("noindex", page(response).find("meta", attrs={"name": "robots"})["content"])


class PreviewCostTests(PreviewTestCase):
    def test_more_authors_and_tags_cost_no_more_queries(self):
        self.client.force_login(self.editor)
        counts = []
        for size in (1, 5):
            draft = make_article(published_ago=None, authors=[make_author() for _ in range(size)],
                                 tags=[make_tag() for _ in range(size)])  # fmt: skip
            self.client.get(preview_url(draft, "fa"))  # the session and the user's groups are read once
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get(preview_url(draft, "fa")).status_code, 200)
            counts.append(len(captured))
        self.assertEqual(counts[0], counts[1])


class FindingThePreviewTests(PreviewTestCase):
    def test_the_article_form_links_to_the_preview_in_each_language(self):
        draft = make_article(published_ago=None)
        self.client.force_login(self.editor)
        html = page(self.client.get(self.change_url(draft)))
        # The staff preview's links, not those of the shared preview links (previews/).
        links = {a.text: a["href"] for a in html.select(".object-tools a") if "/preview/" in a["href"]}
        self.assertEqual(
            links,
            {
                "Saved version in English": preview_url(draft, "en"),
                "Saved version in Persian": preview_url(draft, "fa"),
            },
        )
        for href in links.values():
            self.assertIsNotNone(page(self.client.get(href)).select_one(".preview-banner"))

    def test_saving_with_the_preview_button_opens_the_preview(self):
        draft = make_article(published_ago=None)
        data = self.open_form(self.editor, draft)
        data["headline_en"] = ["Rivers in retreat, revised"]
        data["_preview"] = ["1"]
        response = self.post_form(self.editor, draft, data, follow=False)
        self.assertRedirects(response, preview_url(draft), fetch_redirect_response=False)
        html = page(self.client.get(response["Location"]))
        self.assertEqual(html.h1.text, "Rivers in retreat, revised")

    def test_the_old_desk_address_redirects_for_good_to_the_preview(self):
        draft = make_article(published_ago=None)
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/desk/preview/{draft.pk}/?language=fa")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], preview_url(draft, "fa"))
