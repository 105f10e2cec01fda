"""
Hand-edited admin POSTs (ids that are not numbers or are too large for the column, counts and versions out
of range): each is a form error or a message, never a 500, and nothing is saved.
"""

from django.contrib.messages import get_messages

from articles.models import Article
from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article, make_author

HUGE = "99999999999999999999"


class TamperedFormTests(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.article = make_article(headline_en="Unchanged")

    def assertRefused(self, obj, changes: dict):
        data = {**self.open_form(self.editor, obj), **changes}
        response = self.post_form(self.editor, obj, {key: value for key, value in data.items() if value != []},
                                  follow=False)  # fmt: skip
        self.assertEqual(response.status_code, 200, "the form was accepted")
        self.assertTrue(page(response).select(".errornote"), "no error shown")
        obj.refresh_from_db()
        self.assertEqual(obj.version, 0)

    def test_an_id_that_is_not_a_number_or_too_large_in_an_autocomplete_field_is_a_form_error(self):
        """Django's autocomplete widget looked the posted value up as it was: a 500 on re-showing the form."""
        cases = {
            "section": {"section": ["<script>"]},
            "section too large": {"section": [HUGE]},
            "tags": {"tags": ["1", "abc", HUGE]},
            "series": {"series": [HUGE], "part": ["1"]},
            "byline author": {"bylines-0-author": [HUGE]},
        }
        for name, changes in cases.items():
            with self.subTest(name):
                self.assertRefused(self.article, changes)
        self.assertEqual(self.article.headline_en, "Unchanged")

    def test_a_tampered_user_account_on_an_author_is_a_form_error(self):
        author = make_author()
        for value in ("x", HUGE):
            with self.subTest(value):
                self.assertRefused(author, {"user": [value]})

    def test_tampered_versions_dates_choices_and_form_counts_are_form_errors(self):
        cases = {
            "version text": {"version": ["abc"]},
            "version too large": {"version": [HUGE]},
            "version missing": {"version": []},
            "date": {"publish_at_0": ["99999-99-99"], "publish_at_1": ["25:61:61"]},
            "status": {"status": ["<script>"]},
            "part": {"part": [HUGE]},
            "too many bylines": {"bylines-TOTAL_FORMS": ["999999999"]},
            "byline count text": {"bylines-INITIAL_FORMS": ["abc"]},
            "byline position": {"bylines-0-position": [HUGE]},
        }
        for name, changes in cases.items():
            with self.subTest(name):
                self.assertRefused(self.article, changes)

    def test_a_tampered_selection_for_a_bulk_action_selects_nothing(self):
        """Django filtered by the posted ids as they were: "abc" or a 21-digit id made the action a 500."""
        self.client.force_login(self.editor)
        for selection in (["abc"], [HUGE], ["<script>"]):
            with self.subTest(selection=selection):
                response = self.client.post("/admin/articles/article/", {"action": "unpublish",
                                                                        "_selected_action": selection})  # fmt: skip
                self.assertEqual(response.status_code, 302)
                self.assertIn("Items must be selected", " ".join(str(m) for m in get_messages(response.wsgi_request)))
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Article.Status.PUBLISHED)

    def test_good_ids_beside_tampered_ones_are_still_acted_on(self):
        self.client.force_login(self.editor)
        self.client.post("/admin/articles/article/", {"action": "unpublish",
                                                     "_selected_action": ["abc", str(self.article.pk)]})  # fmt: skip
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Article.Status.WITHDRAWN)
