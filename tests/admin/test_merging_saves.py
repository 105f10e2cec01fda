"""
Two people's saves of one object, one after the other from forms opened at the same time: each keeps what
they changed, and only a change to the same field is refused, with the person's input kept and the stored
version beside it.
"""

from django.urls import reverse
from django.utils import translation

from articles.models import Article
from desk import state
from tests.factories import make_article, make_author, make_series, make_tag

from .base import NewsroomAdminTestCase, form_values, messages_on, page


class MergingSaveTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article(headline_en="The dam", standfirst_en="Old summary.")

    def refused(self, response) -> bool:
        return response.status_code == 200 and page(response).find("section", class_="edit-conflict") is not None

    def test_two_editors_changing_different_fields_both_keep_their_change(self):
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        theirs["standfirst_en"] = ["A new summary."]
        self.post_form(self.editor, self.article, theirs)
        mine["headline_en"] = ["The dam, revisited"]
        response = self.post_form(self.editor, self.article, mine, follow=False)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(
            (self.article.headline_en, self.article.standfirst_en), ("The dam, revisited", "A new summary.")
        )
        self.assertEqual(self.article.version, 2)

    def test_a_translators_confirmation_does_not_block_the_editors_later_save(self):
        """Issue 14: "Save and confirm" on the Persian fields used to make the editor's English save fail."""
        english = self.open_form(self.editor, self.article)
        self.client.force_login(self.translator)
        desk = reverse("desk:translate", args=["articles", "article", self.article.pk]) + "?language=fa"
        self.client.post(desk, form_values(self.client.get(desk)))
        english["body_en"] = ["<p>The reservoir is lower than ever.</p>"]
        response = self.post_form(self.editor, self.article, english, follow=False)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.body_en, "<p>The reservoir is lower than ever.</p>")

    def test_a_translators_persian_and_an_editors_english_saved_together_are_both_kept(self):
        english = self.open_form(self.editor, self.article)
        persian = self.open_form(self.translator, self.article)
        persian["headline_fa"] = ["سد، دوباره"]
        self.post_form(self.translator, self.article, persian)
        english["headline_en"] = ["The dam, again"]
        self.post_form(self.editor, self.article, english)
        self.article.refresh_from_db()
        self.assertEqual((self.article.headline_en, self.article.headline_fa), ("The dam, again", "سد، دوباره"))

    def test_the_same_change_made_twice_is_not_a_conflict(self):
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        mine["headline_en"] = theirs["headline_en"] = ["The same fix"]
        self.post_form(self.editor, self.article, theirs)
        self.assertEqual(self.post_form(self.editor, self.article, mine, follow=False).status_code, 302)

    def test_a_conflict_names_the_field_keeps_the_input_and_shows_the_stored_version(self):
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        theirs["headline_en"], theirs["standfirst_en"] = ["Their headline"], ["Their summary."]
        self.post_form(self.editor, self.article, theirs)
        mine["headline_en"], mine["standfirst_en"] = ["My headline"], ["Old summary."]
        response = self.post_form(self.editor, self.article, mine)
        self.assertTrue(self.refused(response))
        conflict = page(response).find("section", class_="edit-conflict")
        self.assertEqual([dt.get_text() for dt in conflict.find_all("dt")], ["Headline (English)"])
        self.assertEqual(conflict.find("dd").get_text(), "Their headline")
        self.assertEqual(page(response).find("input", attrs={"name": "headline_en"})["value"], "My headline")
        self.article.refresh_from_db()
        self.assertEqual((self.article.headline_en, self.article.standfirst_en), ("Their headline", "Their summary."))

    def test_saving_again_after_seeing_the_conflict_keeps_the_other_persons_other_fields(self):
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        theirs["headline_en"], theirs["standfirst_en"] = ["Their headline"], ["Their summary."]
        self.post_form(self.editor, self.article, theirs)
        mine["headline_en"] = ["My headline"]
        again = form_values(self.post_form(self.editor, self.article, mine))
        response = self.post_form(self.editor, self.article, again, follow=False)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual((self.article.headline_en, self.article.standfirst_en), ("My headline", "Their summary."))

    def test_tags_added_by_one_editor_survive_anothers_headline_change(self):
        tag = make_tag(name_en="Water")
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        theirs["tags"] = [str(tag.pk)]
        self.post_form(self.editor, self.article, theirs)
        mine["headline_en"] = ["The dam, tagged"]
        self.post_form(self.editor, self.article, mine)
        self.article.refresh_from_db()
        self.assertEqual(list(self.article.tags.all()), [tag])
        self.assertEqual(self.article.headline_en, "The dam, tagged")

    def test_a_byline_added_by_one_editor_survives_anothers_headline_change(self):
        second = make_author(name_en="Second Author")
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        theirs.update({"bylines-TOTAL_FORMS": ["2"], "bylines-1-author": [str(second.pk)],
                       "bylines-1-position": ["1"], "bylines-1-article": [str(self.article.pk)]})  # fmt: skip
        self.post_form(self.editor, self.article, theirs)
        self.assertEqual(len(self.article.ordered_authors()), 2)
        mine["headline_en"] = ["The dam, with two authors"]
        self.assertEqual(self.post_form(self.editor, self.article, mine, follow=False).status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_en, "The dam, with two authors")
        self.assertIn(second, self.article.ordered_authors())

    def test_bylines_changed_by_both_editors_are_a_conflict(self):
        second, third = make_author(name_en="Second Author"), make_author(name_en="Third Author")
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        for data, author in ((theirs, second), (mine, third)):
            data.update({"bylines-TOTAL_FORMS": ["2"], "bylines-1-author": [str(author.pk)],
                         "bylines-1-position": ["1"], "bylines-1-article": [str(self.article.pk)]})  # fmt: skip
        self.post_form(self.editor, self.article, theirs)
        response = self.post_form(self.editor, self.article, mine)
        self.assertTrue(self.refused(response))
        self.assertIn("Second Author", page(response).find("section", class_="edit-conflict").get_text())
        self.assertNotIn(third, self.article.ordered_authors())

    def test_a_status_change_by_one_editor_survives_anothers_summary_change(self):
        draft = make_article(published_ago=None)
        mine = self.open_form(self.editor, draft)
        theirs = self.open_form(self.editor, draft)
        theirs["status"] = [Article.Status.PUBLISHED]
        self.post_form(self.editor, draft, theirs)
        mine["standfirst_en"] = ["Sharper."]
        self.post_form(self.editor, draft, mine)
        draft.refresh_from_db()
        self.assertEqual((draft.status, draft.standfirst_en), (Article.Status.PUBLISHED, "Sharper."))

    def test_a_bulk_publish_between_opening_and_saving_is_kept(self):
        draft = make_article(published_ago=None)
        mine = self.open_form(self.editor, draft)
        self.client.post(reverse("admin:articles_article_changelist"),
                         {"action": "publish", "_selected_action": [draft.pk]})  # fmt: skip
        mine["headline_en"] = ["After the bulk publish"]
        self.post_form(self.editor, draft, mine)
        draft.refresh_from_db()
        self.assertEqual((draft.status, draft.headline_en), (Article.Status.PUBLISHED, "After the bulk publish"))

    def test_a_form_whose_record_was_tampered_with_saves_only_if_nothing_changed_since(self):
        mine = self.open_form(self.editor, self.article)
        mine["version"] = [mine["version"][0].split(":")[0] + ":forged"]
        theirs = self.open_form(self.editor, self.article)
        theirs["standfirst_en"] = ["Their summary."]
        self.post_form(self.editor, self.article, theirs)
        mine["headline_en"] = ["Forged"]
        self.assertTrue(self.refused(self.post_form(self.editor, self.article, mine)))
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_en, "The dam")

    def test_the_persian_admin_explains_a_conflict_in_persian(self):
        mine = self.open_form(self.editor, self.article)
        theirs = self.open_form(self.editor, self.article)
        theirs["headline_fa"] = ["تیتر آن‌ها"]
        self.post_form(self.editor, self.article, theirs)
        mine["headline_fa"] = ["تیتر من"]
        with translation.override("fa"):
            self.client.cookies["django_language"] = "fa"
            response = self.post_form(self.editor, self.article, mine)
        conflict = page(response).find("section", class_="edit-conflict")
        self.assertIn("نسخهٔ", conflict.find("h2").get_text())
        self.assertEqual(conflict.find("dd")["dir"], "rtl")
        self.assertEqual(conflict.find("dd").get_text(), "تیتر آن‌ها")


class OtherModelsMergeTests(NewsroomAdminTestCase):
    def test_an_authors_bio_and_name_changed_by_two_people_are_both_kept(self):
        author = make_author(name_en="Sara Rahimi", bio_en="Writes on water.")
        mine = self.open_form(self.editor, author)
        theirs = self.open_form(self.translator, author)
        theirs["bio_fa"] = ["دربارهٔ آب می‌نویسد."]
        self.post_form(self.translator, author, theirs)
        mine["bio_en"] = ["Writes on water and power."]
        self.post_form(self.editor, author, mine)
        author.refresh_from_db()
        self.assertEqual((author.bio_en, author.bio_fa), ("Writes on water and power.", "دربارهٔ آب می‌نویسد."))

    def test_a_series_title_changed_by_two_editors_is_refused_for_the_second(self):
        series = make_series(title_en="Water")
        mine = self.open_form(self.editor, series)
        theirs = self.open_form(self.editor, series)
        theirs["title_en"] = ["Water wars"]
        self.post_form(self.editor, series, theirs)
        mine["title_en"] = ["Water and power"]
        response = self.post_form(self.editor, series, mine)
        self.assertIn("Someone else changed this series", page(response).get_text())
        series.refresh_from_db()
        self.assertEqual(series.title_en, "Water wars")


class DeskMergeTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article(headline_en="The dam", headline_fa="سد")
        self.desk = reverse("desk:translate", args=["articles", "article", self.article.pk]) + "?language=fa"

    def open_desk(self, user):
        self.client.force_login(user)
        return form_values(self.client.get(self.desk))

    def test_a_source_changed_while_translating_leaves_the_translation_outdated_and_says_so(self):
        persian = self.open_desk(self.translator)
        english = self.open_form(self.editor, self.article)
        english["headline_en"] = ["The dam breaks"]
        self.post_form(self.editor, self.article, english)
        persian["headline_fa"] = ["سد، دوباره"]
        self.client.force_login(self.translator)
        response = self.client.post(self.desk, persian, follow=True)
        self.article.refresh_from_db()
        self.assertEqual((self.article.headline_en, self.article.headline_fa), ("The dam breaks", "سد، دوباره"))
        self.assertEqual(state.translation_state(self.article, "fa"), state.OUTDATED)
        self.assertTrue(any("changed while you were translating" in message for message in messages_on(response)))
        self.assertIn("breaks", page(response).find("section", class_="desk-diff").get_text())

    def test_two_translators_on_one_field_the_second_sees_the_first_ones_text(self):
        mine = self.open_desk(self.translator)
        theirs = self.open_desk(self.translator)
        theirs["headline_fa"] = ["سد بزرگ"]
        self.client.post(self.desk, theirs)
        mine["headline_fa"] = ["سد کوچک"]
        response = self.client.post(self.desk, mine)
        self.assertEqual(response.status_code, 200)
        conflict = page(response).find("section", class_="edit-conflict")
        self.assertEqual(conflict.find("dd").get_text(), "سد بزرگ")
        self.assertEqual(page(response).find("input", attrs={"name": "headline_fa"})["value"], "سد کوچک")
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_fa, "سد بزرگ")
