"""Translation states: missing → up to date → outdated → up to date, the diff, the queue and the desk screen."""

from django.urls import reverse

from desk import state
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.factories import make_article, make_tag


class TranslationStateTests(NewsroomAdminTestCase):
    def test_a_persian_translation_goes_missing_up_to_date_outdated_up_to_date(self):
        article = make_article(languages=("en",), body_en="<p>The dam is full.</p>")
        self.assertEqual(state.translation_state(article, "fa"), state.MISSING)

        article.headline_fa, article.body_fa = "سد پر است", "<p>سد پر است.</p>"
        article.save()
        state.confirm(article, "fa", by=self.translator)
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)

        article.body_en = "<p>The dam is nearly empty.</p>"
        article.save()
        self.assertEqual(state.translation_state(article, "fa"), state.OUTDATED)

        state.confirm(article, "fa", by=self.translator)
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)

    def test_the_diff_shows_what_changed_in_the_source(self):
        article = make_article(body_en="<p>The dam is full.</p>")
        state.confirm(article, "fa", by=self.translator)
        article.body_en = "<p>The dam is nearly empty.</p>"
        article.save()
        [change] = state.source_changes(article, "fa")
        self.assertEqual(change.field, "body")
        self.assertIn(("delete", "full."), change.diff)
        self.assertIn(("insert", "nearly empty."), change.diff)

    def test_editing_a_source_with_an_unconfirmed_translation_makes_it_outdated(self):
        """A translation that predates the desk is taken as matching its source until the source changes."""
        article = make_article()
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)
        data = self.open_form(self.editor, article)
        data["standfirst_en"] = "A different summary."
        self.post_form(self.editor, article, data)
        article.refresh_from_db()
        self.assertEqual(state.translation_state(article, "fa"), state.OUTDATED)

    def test_writing_the_translation_leaves_the_original_up_to_date(self):
        """An English original edited before any Persian existed is not outdated by the Persian arriving."""
        article = make_article(languages=("en",))
        data = self.open_form(self.editor, article)
        data["standfirst_en"] = "A sharper summary."
        self.post_form(self.editor, article, data)
        article.refresh_from_db()
        article.headline_fa, article.body_fa = "سد پر است", "<p>سد پر است.</p>"
        article.save()
        state.confirm(article, "fa", by=self.translator)
        self.assertEqual(state.states(article), {"en": state.UP_TO_DATE, "fa": state.UP_TO_DATE})

    def test_queue_lists_missing_first_then_outdated(self):
        outdated = make_article(headline_en="Outdated one")
        state.confirm(outdated, "fa", by=None)
        outdated.headline_en = "Outdated one, revised"
        outdated.save()
        missing = make_article(languages=("en",), headline_en="Missing one")
        make_article(headline_en="Up to date one")
        queue = [item.obj for item in state.queue("fa") if type(item.obj).__name__ == "Article"]
        self.assertEqual(queue, [missing, outdated])


class DeskScreenTests(NewsroomAdminTestCase):
    def test_translator_queue_shows_what_needs_translating(self):
        make_article(languages=("en",), headline_en="Needs Persian")
        self.client.force_login(self.translator)
        response = self.client.get(reverse("desk:queue"))
        rows = page(response).select("#desk-queue tbody tr")
        self.assertTrue(any("Needs Persian" in row.text and "missing" in row.text for row in rows))

    def test_side_by_side_save_and_confirm_marks_up_to_date(self):
        article = make_article(body_en="<p>The dam is full.</p>")
        state.confirm(article, "fa", by=self.translator)
        article.body_en = "<p>The dam is nearly empty.</p>"
        article.save()
        url = reverse("desk:translate", args=["articles", "article", article.pk])
        self.client.force_login(self.translator)
        response = self.client.get(url)
        html = page(response)
        changed = html.select_one(".desk-source .desk-row--changed .desk-text")
        self.assertEqual(changed.p.contents[0].strip(), "The dam is")  # then "full." struck out, "nearly empty." in
        self.assertEqual(html.select_one(".desk-diff ins").text, "nearly empty.")
        self.assertEqual(html.select_one(".desk-diff del").text, "full.")
        self.assertEqual(html.find("input", attrs={"name": "headline_fa"})["dir"], "rtl")
        self.assertIsNone(html.find(attrs={"name": "headline_en"}))

        data = form_values(response)
        data["body_fa"] = "<p>سد تقریباً خالی است.</p>"
        self.client.post(url, data)
        article.refresh_from_db()
        self.assertEqual(article.body_fa, "<p>سد تقریباً خالی است.</p>")
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)

    def test_desk_refuses_a_translator_who_posts_english(self):
        tag = make_tag(name_en="Water")
        url = reverse("desk:translate", args=["articles", "tag", tag.pk])
        self.client.force_login(self.translator)
        data = form_values(self.client.get(url))
        data["name_en"] = "Changed"
        self.client.post(url, data)
        tag.refresh_from_db()
        self.assertEqual(tag.name_en, "Water")

    def test_authors_cannot_use_the_desk(self):
        article = make_article(authors=[self.author])
        self.client.force_login(self.author_user)
        url = reverse("desk:translate", args=["articles", "article", article.pk])
        self.assertEqual(self.client.get(url).status_code, 403)
