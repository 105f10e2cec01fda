"""A note added in one language waits first in the other language's desk queue, and is translated there."""

from django.urls import reverse

from corrections.models import ArticleNote
from desk import state
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.factories import make_article

from .notes import CORRECTION_EN, CORRECTION_FA, UPDATE_FA, add_note


class DeskQueueTests(NewsroomAdminTestCase):
    def test_a_new_english_note_is_first_in_the_persian_queue(self):
        article = make_article()
        note = add_note(article, by=self.editor)
        make_article(languages=("en",), headline_en="Newer untranslated article")  # missing too, and newer
        queue = state.queue("fa")
        self.assertEqual((queue[0].obj, queue[0].state), (note, state.MISSING))
        self.assertNotIn(note, [item.obj for item in state.queue("en")])

    def test_a_persian_note_is_first_in_the_english_queue(self):
        make_article(languages=("fa",))
        note = add_note(make_article(), language="fa", text=UPDATE_FA, kind="update")
        self.assertEqual(state.queue("en")[0].obj, note)

    def test_the_translator_sees_the_note_at_the_top_of_the_desk_naming_its_article(self):
        article = make_article(headline_en="Rivers in retreat")
        make_article(languages=("en",), headline_en="Needs Persian")
        add_note(article, by=self.editor)
        self.client.force_login(self.translator)
        rows = page(self.client.get(reverse("desk:queue"))).select("#desk-queue tbody tr")
        self.assertIn("Rivers in retreat", rows[0].get_text())
        self.assertIn("Correction", rows[0].get_text())

    def test_the_translator_translates_the_note_and_the_persian_page_shows_it(self):
        article = make_article()
        note = add_note(article, by=self.editor)
        url = reverse("desk:translate", args=["corrections", "articlenote", note.pk])
        self.client.force_login(self.translator)
        response = self.client.get(url)
        self.assertContains(response, CORRECTION_EN)
        data = form_values(response)
        self.assertEqual(set(data) - {"version", "csrfmiddlewaretoken", "language"}, {"text_fa"})
        data["text_fa"] = [CORRECTION_FA]
        self.client.post(url, data)
        note.refresh_from_db()
        self.assertEqual((note.text_fa, note.text_en), (CORRECTION_FA, CORRECTION_EN))
        self.assertEqual(state.translation_state(note, "fa"), state.UP_TO_DATE)
        self.assertNotIn(note, [item.obj for item in state.queue("fa")])
        self.client.logout()
        shown = page(self.client.get(article.url_in("fa"))).select_one(".article-note__text")
        self.assertEqual(shown.get_text(strip=True), CORRECTION_FA)
        self.assertFalse(shown.has_attr("lang"))

    def test_an_amended_source_makes_the_translation_outdated_again(self):
        note = add_note(make_article(), by=self.editor)
        state.confirm(note, "fa", by=self.translator)
        note.text_fa = CORRECTION_FA
        note.save()
        state.confirm(note, "fa", by=self.translator)
        note.text_en = "The dam was built in 1972."
        from corrections import services

        services.amend_note(note=note, reason="Wrong year again.", by=self.editor)
        self.assertEqual(state.translation_state(note, "fa"), state.OUTDATED)
        self.assertEqual(state.queue("fa")[0].obj, note)

    def test_the_translator_cannot_change_the_english_text_at_the_desk(self):
        note = add_note(make_article(), by=self.editor)
        url = reverse("desk:translate", args=["corrections", "articlenote", note.pk])
        self.client.force_login(self.translator)
        data = form_values(self.client.get(url))
        data["text_en"] = ["Changed by a translator."]
        data["kind"] = ["update"]
        self.client.post(url, data)
        note.refresh_from_db()
        self.assertEqual((note.text_en, note.kind), (CORRECTION_EN, "correction"))

    def test_an_author_cannot_translate_a_note(self):
        note = add_note(make_article(), by=self.editor)
        url = reverse("desk:translate", args=["corrections", "articlenote", note.pk])
        self.client.force_login(self.author_user)
        self.assertEqual(self.client.post(url, {"text_fa": CORRECTION_FA, "version": "0"}).status_code, 403)
        self.assertFalse(ArticleNote.objects.get(pk=note.pk).text_fa)
