"""Revisions (who, when, which fields; restore) and the refusal of a stale save."""

import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from search.backends import search
from search.query import Query
from tests.factories import make_article

from .base import NewsroomAdminTestCase, form_values, page


class HistoryTests(NewsroomAdminTestCase):
    def test_each_admin_save_records_who_and_which_fields(self):
        article = make_article(headline_en="First words")
        data = self.open_form(self.editor, article)
        data["headline_en"] = "Second words"
        self.post_form(self.editor, article, data)
        version = Version.objects.get_for_object(article).first()
        self.assertEqual(version.revision.user, self.editor)
        self.assertIn("Headline (English)", version.revision.get_comment())

    def test_editor_restores_an_earlier_version(self):
        article = make_article(headline_en="First words")
        for headline in ("Second words", "Third words"):
            data = self.open_form(self.editor, article)
            data["headline_en"] = headline
            self.post_form(self.editor, article, data)
        first = Version.objects.get_for_object(article).last()
        self.assertEqual(first.field_dict["headline_en"], "Second words")
        url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
        self.client.force_login(self.editor)
        response = self.client.get(url)
        self.assertEqual(page(response).find("input", attrs={"name": "headline_en"})["value"], "Second words")
        self.client.post(url, form_values(response))
        article.refresh_from_db()
        self.assertEqual(article.headline_en, "Second words")
        restored = search(Article.objects.published(), Query.parse("second", "en"), "en")
        self.assertEqual([found.pk for found in restored], [article.pk])

    def test_history_keeps_what_was_written_not_the_search_index(self):
        article = make_article(headline_en="First words")
        self.post_form(self.editor, article, self.open_form(self.editor, article))
        stored = Version.objects.get_for_object(article).first().field_dict
        self.assertEqual(stored["headline_en"], "First words")
        self.assertFalse([field for field in stored if field.startswith("search_")])

    def test_translator_cannot_restore(self):
        article = make_article()
        with reversion.create_revision():
            article.save()
        version = Version.objects.get_for_object(article).first()
        self.client.force_login(self.translator)
        url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
        self.assertEqual(self.client.get(url).status_code, 403)

    def test_editor_sees_the_history_page(self):
        article = make_article()
        data = self.open_form(self.editor, article)
        self.post_form(self.editor, article, data)
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_history", args=[article.pk]))
        self.assertContains(response, "editor")


class ConcurrentEditTests(NewsroomAdminTestCase):
    def test_the_later_save_is_refused_and_keeps_the_input(self):
        article = make_article(headline_en="The original")
        mine = self.open_form(self.editor, article)
        theirs = self.open_form(self.editor, article)

        theirs["headline_en"] = "Their change"
        self.post_form(self.editor, article, theirs)

        mine["headline_en"] = "My change"
        response = self.post_form(self.editor, article, mine)
        self.assertContains(response, "Someone else changed this article after you opened it")
        self.assertEqual(page(response).find("input", attrs={"name": "headline_en"})["value"], "My change")
        article.refresh_from_db()
        self.assertEqual(article.headline_en, "Their change")

    def test_each_save_moves_the_version_on(self):
        article = make_article()
        data = self.open_form(self.editor, article)
        self.post_form(self.editor, article, data)
        article.refresh_from_db()
        self.assertEqual(article.version, 1)


class BulkHistoryTests(NewsroomAdminTestCase):
    def test_bulk_publish_is_recorded_with_its_editor(self):
        article = make_article(published_ago=None)
        self.client.force_login(self.editor)
        self.client.post(reverse("admin:articles_article_changelist"),
                         {"action": "publish", "_selected_action": [article.pk]})  # fmt: skip
        revision = Version.objects.get_for_object(article).first().revision
        self.assertEqual(revision.user, self.editor)
        self.assertIn("1 published", revision.get_comment())
