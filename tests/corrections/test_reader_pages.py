"""What readers see of corrections and updates on an article page, in both languages."""

import re
from datetime import timedelta

from django.utils import timezone

from corrections.models import Kind
from tests.factories import make_article
from tests.pages import JALALI_DATE, Page, ReaderTestCase

from .notes import CORRECTION_EN, CORRECTION_FA, UPDATE_EN, add_note

PERSIAN_DATETIME = re.compile(r"^[۰-۹]{1,2} \S+ ۱۴[۰-۹]{2}، ساعت [۰-۹]{2}:[۰-۹]{2}$")


class ArticlePageNotesTests(ReaderTestCase):
    def setUp(self):
        super().setUp()
        self.article = make_article()

    def page(self, language: str) -> Page:
        response = self.client.get(self.article.url_in(language))
        self.assertEqual(response.status_code, 200)
        return Page(response)

    def test_a_correction_is_in_a_marked_box_after_the_body(self):
        add_note(self.article)
        page = self.page("en")
        box = page.one("section.article-notes--end")
        self.assertEqual(box.h2.get_text(strip=True), "Corrections and clarifications")
        self.assertIn(CORRECTION_EN, box.get_text(" "))
        self.assertIn("Correction", box.select_one(".article-note__label").get_text())
        # After the body, not under the headline.
        html = page.response.content.decode()
        self.assertLess(html.index('class="article__body'), html.index("article-notes--end"))
        self.assertEqual(page.select("section.article-notes--top"), [])

    def test_an_update_is_shown_under_the_headline(self):
        add_note(self.article, kind=Kind.UPDATE, text=UPDATE_EN)
        page = self.page("en")
        top = page.one("section.article-notes--top")
        self.assertIn(UPDATE_EN, top.get_text(" "))
        html = page.response.content.decode()
        self.assertLess(html.index("article-notes--top"), html.index('class="article__body'))
        self.assertEqual(page.select("section.article-notes--end"), [])

    def test_a_note_shows_an_updated_dateline_even_minutes_after_publication(self):
        article = make_article(published_ago=timedelta(minutes=2))
        before = Page(self.client.get(article.url_in("en")))
        self.assertEqual(before.select(".meta__updated"), [])
        add_note(article, kind=Kind.UPDATE, text=UPDATE_EN)
        after = Page(self.client.get(article.url_in("en")))
        self.assertTrue(after.text(".meta__updated").startswith("Updated"))
        self.assertEqual(after.meta("article:modified_time"), [after.one(".meta__updated time")["datetime"]])

    def test_the_persian_dateline_is_jalali_in_persian_digits(self):
        add_note(self.article, language="fa", text=CORRECTION_FA)
        page = self.page("fa")
        self.assertRegex(page.text(".meta__updated time"), PERSIAN_DATETIME)
        self.assertRegex(page.text(".article-note__label time"), PERSIAN_DATETIME)
        self.assertRegex(page.select(".meta time")[0].get_text(), JALALI_DATE)  # the published date, unchanged

    def test_an_untranslated_english_note_shows_on_the_persian_page_marked_english(self):
        add_note(self.article)
        page = self.page("fa")
        text = page.one("section.article-notes--end .article-note__text")
        self.assertEqual(text.get_text(strip=True), CORRECTION_EN)
        self.assertEqual((text["lang"], text["dir"]), ("en", "ltr"))
        self.assertIn("انگلیسی", page.text(".article-note__untranslated"))
        self.assertEqual(page.one("section.article-notes--end h2").get_text(strip=True), "اصلاحیه‌ها و توضیح‌ها")

    def test_an_untranslated_persian_note_shows_on_the_english_page_marked_persian(self):
        add_note(self.article, language="fa", text=CORRECTION_FA)
        text = self.page("en").one(".article-note__text")
        self.assertEqual(text.get_text(strip=True), CORRECTION_FA)
        self.assertEqual((text["lang"], text["dir"]), ("fa", "rtl"))

    def test_a_translated_note_shows_in_the_pages_own_language_unmarked(self):
        note = add_note(self.article)
        note.text_fa = CORRECTION_FA
        note.save()
        page = self.page("fa")
        text = page.one(".article-note__text")
        self.assertEqual(text.get_text(strip=True), CORRECTION_FA)
        self.assertFalse(text.has_attr("lang"))
        self.assertEqual(page.select(".article-note__untranslated"), [])

    def test_a_readers_text_is_never_markup(self):
        add_note(self.article, text='<script>alert("x")</script> The figure was wrong.')
        page = self.page("en")
        self.assertEqual(page.select(".article-note__text script"), [])
        self.assertIn('<script>alert("x")</script>', page.text(".article-note__text"))

    def test_every_article_page_links_to_the_corrections_policy(self):
        for language, words in (("en", "corrections policy"), ("fa", "سیاست اصلاحیه")):
            page = self.page(language)
            links = [a for a in page.select(".article-notes__policy a") if words in a.get_text()]
            self.assertEqual(len(links), 1, language)
            self.assertEqual(links[0]["href"], f"/{language}/corrections/policy/")

    def test_notes_cost_one_query_however_many_there_are(self):
        from tests.articles.test_query_counts import ARTICLE_PAGE_BUDGET, count_queries

        add_note(self.article)
        one = count_queries(self.client, self.article.url_in("fa"))
        for _ in range(4):
            add_note(self.article, kind=Kind.UPDATE, text=UPDATE_EN)
        self.assertEqual(count_queries(self.client, self.article.url_in("fa")), one)
        self.assertLessEqual(one, ARTICLE_PAGE_BUDGET)

    def test_notes_are_newest_first(self):
        first = add_note(self.article, text="First correction.", noted_at=timezone.now() - timedelta(hours=2))
        second = add_note(self.article, text="Second correction.")
        ids = [div["id"] for div in self.page("en").select(".article-note")]
        self.assertEqual(ids, [f"note-{second.pk}", f"note-{first.pk}"])
