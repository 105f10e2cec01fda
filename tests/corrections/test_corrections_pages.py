"""The corrections page and the corrections policy, in each language."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from corrections.models import CorrectionsPolicy, Kind
from tests.admin.base import NewsroomAdminTestCase, form_values
from tests.factories import make_article
from tests.pages import Page, ReaderTestCase

from .notes import CORRECTION_EN, CORRECTION_FA, UPDATE_EN, add_note


class CorrectionsPageTests(ReaderTestCase):
    def test_the_corrections_page_lists_notes_newest_first_linking_to_their_articles(self):
        older_article, newer_article = make_article(), make_article()
        older = add_note(older_article, text="Older correction.", noted_at=timezone.now() - timedelta(hours=3))
        newer = add_note(newer_article, kind=Kind.UPDATE, text=UPDATE_EN)
        page = Page(self.client.get("/en/corrections/"))
        items = page.select(".correction-list__item")
        self.assertEqual([item.select_one(".article-note__text").get_text(strip=True) for item in items],
                         [UPDATE_EN, "Older correction."])  # fmt: skip
        links = [item.select_one(".correction-list__article a")["href"] for item in items]
        self.assertEqual(links, [f"{newer_article.url_in('en')}#note-{newer.pk}",
                                 f"{older_article.url_in('en')}#note-{older.pk}"])  # fmt: skip
        self.assertEqual(page.html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(page.hreflangs["fa"], "http://testserver/fa/corrections/")

    def test_the_persian_corrections_page_is_persian_and_marks_untranslated_notes(self):
        article = make_article()
        note = add_note(article)
        page = Page(self.client.get("/fa/corrections/"))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(page.text("h1"), "اصلاحیه‌ها و به‌روزرسانی‌ها")
        text = page.one(".article-note__text")
        self.assertEqual((text.get_text(strip=True), text["lang"], text["dir"]), (CORRECTION_EN, "en", "ltr"))
        self.assertEqual(page.one(".correction-list__article a")["href"], f"{article.url_in('fa')}#note-{note.pk}")

    def test_notes_on_articles_not_readable_in_the_language_or_withdrawn_are_left_out(self):
        english_only = make_article(languages=("en",))
        add_note(english_only, text="English only correction.")
        withdrawn = make_article()
        add_note(withdrawn, text="Withdrawn since.")
        withdrawn.status = withdrawn.Status.WITHDRAWN
        withdrawn.save()
        self.assertNotContains(self.client.get("/fa/corrections/"), "English only correction.")
        self.assertContains(self.client.get("/en/corrections/"), "English only correction.")
        self.assertNotContains(self.client.get("/en/corrections/"), "Withdrawn since.")

    def test_an_empty_list_says_so(self):
        self.assertContains(self.client.get("/en/corrections/"), "No corrections or updates yet.")
        self.assertContains(self.client.get("/fa/corrections/"), "هنوز اصلاحیه یا به‌روزرسانی‌ای نیست.")

    def test_every_page_links_the_corrections_pages_from_its_footer(self):
        for language in ("en", "fa"):
            page = Page(self.client.get(f"/{language}/"))
            footer = {a["href"] for a in page.select(".site-footer a")}
            self.assertLessEqual({f"/{language}/corrections/", f"/{language}/corrections/policy/"}, footer)


class PolicyPageTests(ReaderTestCase):
    def test_the_policy_reads_in_each_language(self):
        english = Page(self.client.get("/en/corrections/policy/"))
        persian = Page(self.client.get("/fa/corrections/policy/"))
        self.assertIn("We correct our mistakes openly.", english.text(".prose"))
        self.assertIn("اشتباه‌هایمان را آشکارا اصلاح می‌کنیم", persian.text(".prose"))
        self.assertFalse(persian.one(".prose").has_attr("lang"))
        self.assertEqual(persian.html_attributes, {"lang": "fa", "dir": "rtl"})

    def test_an_untranslated_policy_shows_as_written_marked_with_its_language(self):
        policy = CorrectionsPolicy.current()
        policy.body_fa = ""
        policy.save()
        prose = Page(self.client.get("/fa/corrections/policy/")).one(".prose")
        self.assertEqual((prose["lang"], prose["dir"]), ("en", "ltr"))


class EditingThePolicyTests(NewsroomAdminTestCase):
    def test_an_editor_edits_the_policy_and_its_markup_is_sanitised(self):
        policy = CorrectionsPolicy.current()
        data = self.open_form(self.editor, policy)
        data["body_en"] = ['<p>We fix errors fast.</p><script>alert("x")</script><p onclick="x()">Always.</p>']
        self.post_form(self.editor, policy, data)
        page = Page(self.client.get("/en/corrections/policy/"))
        self.assertEqual(page.select(".prose script"), [])
        self.assertEqual(page.select(".prose [onclick]"), [])
        self.assertIn("We fix errors fast.", page.text(".prose"))

    def test_an_author_cannot_edit_the_policy(self):
        policy = CorrectionsPolicy.current()
        data = self.open_form(self.editor, policy)
        data["body_en"] = ["<p>Nothing.</p>"]
        self.assertEqual(self.post_form(self.author_user, policy, data).status_code, 403)
        policy.refresh_from_db()
        self.assertIn("openly", policy.body_en)

    def test_a_translator_may_change_only_their_languages_policy(self):
        policy = CorrectionsPolicy.current()
        self.client.force_login(self.translator)
        url = self.change_url(policy)
        data = form_values(self.client.get(url))
        self.assertNotIn("body_en", data)
        data["body_en"] = ["<p>Nothing.</p>"]
        self.client.post(url, data)
        policy.refresh_from_db()
        self.assertIn("openly", policy.body_en)


class ReaderNoteToPageLinkTests(ReaderTestCase):
    def test_a_note_anchor_on_the_article_page_matches_the_link(self):
        article = make_article()
        note = add_note(article, language="fa", text=CORRECTION_FA)
        link = Page(self.client.get("/en/corrections/")).one(".correction-list__article a")["href"]
        path, anchor = link.split("#")
        self.assertTrue(Page(self.client.get(path)).select(f"#{anchor}"))
        self.assertEqual(anchor, f"note-{note.pk}")
        self.assertEqual(reverse("corrections:list"), "/en/corrections/")
