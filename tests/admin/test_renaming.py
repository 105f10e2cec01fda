"""Renaming a section, author or tag through the admin: the editor's save neither re-indexes nor counts articles."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from search.backends import search
from search.query import Query
from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article
from tests.tasks import run_queued_tasks


def found(raw: str) -> int:
    articles = Article.objects.published().available_in("en")
    return len(list(search(articles, Query.parse(raw, "en"), "en")))


class RenamingTests(NewsroomAdminTestCase):
    def setUp(self):
        self.articles = [make_article(headline_en=f"Harvest report {number}") for number in range(3)]
        self.section = self.articles[0].section
        Article.objects.filter(pk__in=[article.pk for article in self.articles]).update(section=self.section)
        run_queued_tasks()

    def test_a_renamed_section_is_reindexed_by_the_worker_not_in_the_request(self):
        data = self.open_form(self.editor, self.section)
        data["name_en"] = ["Agriculture"]
        with CaptureQueriesContext(connection) as queries:
            response = self.post_form(self.editor, self.section, data, follow=False)
        self.assertEqual(response.status_code, 302)
        sql = [query["sql"] for query in queries]
        self.assertFalse([text for text in sql if "search_text" in text], "re-indexed in the request")
        self.assertFalse([text for text in sql if "COUNT(" in text and "articles_article" in text], "counted")
        self.assertEqual(list(DBTaskResult.objects.values_list("task_path", flat=True)),
                         ["search.tasks.reindex_named"])  # fmt: skip
        self.assertEqual(found("agriculture"), 0)  # until the worker has been: the old name, never an error
        run_queued_tasks()
        self.assertEqual(found("agriculture"), 3)

    def test_the_section_list_still_counts_its_articles(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/articles/section/")
        counts = [cell.text for cell in page(response).select("td.field-article_count")]
        self.assertIn("3", counts)
