"""Editors add and amend notes in the admin; nobody else may, and nothing changes silently."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from corrections.models import ArticleNote
from tests.admin.base import NewsroomAdminTestCase, form_values, messages_on, page
from tests.factories import make_article

from .notes import CORRECTION_EN, CORRECTION_FA, add_note

ADD_URL = reverse("admin:corrections_articlenote_add")


class AddingNotesTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article(published_ago=timedelta(days=2))

    def add_form(self, user, **changes) -> dict:
        """The add form as an editor fills it: opened from the article's link, in English, then changed."""
        self.client.force_login(user)
        data = form_values(self.client.get(f"{ADD_URL}?article={self.article.pk}"))
        data.update({"kind": ["correction"], "language": ["en"], "text_en": [CORRECTION_EN]})
        data.update({name: [value] for name, value in changes.items()})
        return data

    def test_an_editor_adds_a_correction_from_the_article_form(self):
        self.client.force_login(self.editor)
        form = page(self.client.get(self.change_url(self.article)))
        link = form.find("a", string="Add a correction or update")
        self.assertEqual(link["href"], f"{ADD_URL}?article={self.article.pk}")
        response = self.client.post(ADD_URL, self.add_form(self.editor), follow=True)
        self.assertEqual(response.status_code, 200)
        note = ArticleNote.objects.get()
        self.assertEqual((note.article, note.kind, note.language, note.text_en), (self.article, "correction",
                                                                                   "en", CORRECTION_EN))  # fmt: skip
        self.assertEqual(note.created_by, self.editor)
        self.assertIn(CORRECTION_EN, self.client.get(self.article.url_in("en")).content.decode())

    def test_adding_a_note_moves_the_articles_updated_time_on(self):
        before = Article.objects.get(pk=self.article.pk).updated_at
        self.client.post(ADD_URL, self.add_form(self.editor))
        self.assertGreater(Article.objects.get(pk=self.article.pk).updated_at, before)

    def test_a_note_on_an_unpublished_article_is_refused_with_a_clear_message(self):
        draft = make_article(published_ago=None)
        data = self.add_form(self.editor, article=str(draft.pk))
        response = self.client.post(ADD_URL, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Notes go only on a published article", page(response).find(class_="errornote").parent.get_text())
        self.assertFalse(ArticleNote.objects.exists())

    def test_a_note_on_a_scheduled_article_is_refused(self):
        scheduled = make_article(published_ago=-timedelta(days=1))
        response = self.client.post(ADD_URL, self.add_form(self.editor, article=str(scheduled.pk)))
        self.assertContains(response, "Notes go only on a published article")
        self.assertFalse(ArticleNote.objects.exists())

    def test_a_note_with_no_text_in_its_language_is_refused(self):
        response = self.client.post(ADD_URL, self.add_form(self.editor, text_en="   ", text_fa=CORRECTION_FA))
        self.assertContains(response, "Write the note in the language you chose.")
        self.assertFalse(ArticleNote.objects.exists())

    def test_a_note_in_the_future_or_before_publication_is_refused(self):
        for moment in (timezone.now() + timedelta(days=1), timezone.now() - timedelta(days=5)):
            local = timezone.localtime(moment)
            data = self.add_form(
                self.editor, noted_at_0=local.strftime("%Y-%m-%d"), noted_at_1=local.strftime("%H:%M:%S")
            )
            response = self.client.post(ADD_URL, data)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(page(response).select(".errorlist"), moment)
        self.assertFalse(ArticleNote.objects.exists())

    def test_a_bad_kind_or_language_is_refused_not_a_500(self):
        for changes in ({"kind": "retraction"}, {"language": "de"}, {"article": "abc"}, {"article": "99999999999999"}):
            response = self.client.post(ADD_URL, self.add_form(self.editor, **changes))
            self.assertEqual(response.status_code, 200, changes)
            self.assertTrue(page(response).select(".errorlist"), changes)
        self.assertFalse(ArticleNote.objects.exists())

    def test_an_author_cannot_add_a_note_even_with_a_crafted_post(self):
        data = self.add_form(self.editor)
        self.client.force_login(self.author_user)
        self.assertEqual(self.client.post(ADD_URL, data).status_code, 403)
        self.assertFalse(ArticleNote.objects.exists())

    def test_a_translator_cannot_add_a_note_even_with_a_crafted_post(self):
        data = self.add_form(self.editor)
        for user in (self.translator, self.en_translator):
            self.client.force_login(user)
            response = self.client.post(ADD_URL, data)
            self.assertIn(response.status_code, (302, 403), user)
        self.assertFalse(ArticleNote.objects.exists())

    def test_the_article_form_offers_no_note_link_to_authors_nor_on_a_draft(self):
        self.client.force_login(self.editor)
        draft = make_article(published_ago=None)
        self.assertIsNone(page(self.client.get(self.change_url(draft))).find("a", string="Add a correction or update"))


class AmendingNotesTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article()
        self.note = add_note(self.article, by=self.editor)

    def amend(self, user, **changes):
        data = self.open_form(self.editor, self.note)
        data.update({name: [value] for name, value in changes.items()})
        return self.post_form(user, self.note, data)

    def test_an_amendment_needs_its_reason_and_saves_nothing_without_it(self):
        response = self.amend(self.editor, text_en="The dam was built in 1972.")
        self.assertContains(response, "Say why the note is amended")
        self.note.refresh_from_db()
        self.assertEqual(self.note.text_en, CORRECTION_EN)

    def test_an_amendment_keeps_the_earlier_text_and_its_reason_in_the_history(self):
        self.amend(self.editor, text_en="The dam was built in 1972.", amendment="The archive gave the wrong year.")
        self.note.refresh_from_db()
        self.assertEqual(self.note.text_en, "The dam was built in 1972.")
        self.assertIsNotNone(self.note.amended_at)
        versions = list(Version.objects.get_for_object(self.note))
        self.assertEqual([v.field_dict["text_en"] for v in versions], ["The dam was built in 1972.", CORRECTION_EN])
        self.assertIn("The archive gave the wrong year.", versions[0].revision.get_comment())
        self.assertEqual(versions[0].revision.user, self.editor)
        # Readers see that the note was amended.
        self.assertIn("amended", self.client.get(self.article.url_in("en")).content.decode())

    def test_a_translator_cannot_change_a_note_in_the_admin(self):
        for changes in ({"text_fa": CORRECTION_FA}, {"text_en": "Changed.", "amendment": "Because."}):
            response = self.amend(self.translator, **changes)
            self.assertIn(response.status_code, (200, 403))
        self.note.refresh_from_db()
        self.assertEqual((self.note.text_en, self.note.text_fa or ""), (CORRECTION_EN, ""))

    def test_an_author_cannot_change_a_note(self):
        response = self.amend(self.author_user, text_en="Changed.", amendment="Because.")
        self.assertEqual(response.status_code, 403)
        self.note.refresh_from_db()
        self.assertEqual(self.note.text_en, CORRECTION_EN)

    def test_no_one_but_a_superuser_deletes_a_note(self):
        self.client.force_login(self.editor)
        url = reverse("admin:corrections_articlenote_delete", args=[self.note.pk])
        self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 403)
        self.assertTrue(ArticleNote.objects.filter(pk=self.note.pk).exists())

    def test_a_note_on_an_article_withdrawn_since_cannot_be_amended(self):
        Article.objects.filter(pk=self.article.pk).update(status=Article.Status.WITHDRAWN)
        response = self.amend(self.editor, text_en="Changed.", amendment="Because.")
        self.assertContains(response, "Notes go only on a published article")
        self.note.refresh_from_db()
        self.assertEqual(self.note.text_en, CORRECTION_EN)

    def test_the_editor_finds_the_articles_notes_from_its_form(self):
        other = add_note(make_article(), text="A note on another article.")
        self.client.force_login(self.editor)
        link = page(self.client.get(self.change_url(self.article))).find("a", string="Its corrections and updates")
        response = self.client.get(link["href"])
        self.assertContains(response, CORRECTION_EN[:40])
        self.assertNotContains(response, other.text_en)
        self.assertEqual(messages_on(response), [])
