"""The roles migration: four groups, each with the permissions its job needs and no more."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from tests.factories import make_article

from .base import NewsroomAdminTestCase, page


def codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


class RolesMigrationTests(TestCase):
    def test_only_editors_may_publish_or_delete(self):
        self.assertIn("publish_article", codenames("Editor"))
        self.assertIn("delete_article", codenames("Editor"))
        for name in ("Author", "Translator (fa)", "Translator (en)"):
            with self.subTest(name):
                self.assertNotIn("publish_article", codenames(name))
                # Glossary terms are the exception: translators keep their own language's (glossary/).
                deletes = {c for c in codenames(name) if c.startswith("delete_")} - {"delete_byline", "delete_term"}
                self.assertFalse(deletes)

    def test_translators_change_content_but_never_add_it(self):
        for name in ("Translator (fa)", "Translator (en)"):
            with self.subTest(name):
                self.assertTrue({"change_article", "change_author", "change_series", "change_section",
                                 "change_tag"} <= codenames(name))  # fmt: skip
                self.assertFalse({c for c in codenames(name) if c.startswith("add_")} - {"add_term"})

    def test_authors_add_articles_and_only_view_the_rest(self):
        self.assertTrue({"add_article", "change_article", "view_section", "view_tag"} <= codenames("Author"))
        self.assertNotIn("change_section", codenames("Author"))


class TranslatorLinksTests(NewsroomAdminTestCase):
    def test_translator_change_form_links_to_the_side_by_side_screen(self):
        article = make_article()
        self.client.force_login(self.translator)
        link = page(self.client.get(self.change_url(article))).find(
            "a", href=reverse("desk:translate", args=["articles", "article", article.pk])
        )
        self.assertIsNotNone(link)

    def test_tab_states_travel_as_json_for_the_tabs(self):
        article = make_article(languages=("en",))
        self.client.force_login(self.editor)
        data = page(self.client.get(self.change_url(article))).find("script", id="translation-states")
        self.assertIn('"state": "missing"', data.text)
