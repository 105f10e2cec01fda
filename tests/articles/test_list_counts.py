"""
The counts the home, section, tag and author pages show: right the moment an editor changes something,
however the count is found (PostgreSQL keeps them per language in the database, migrations 0012 and 0013;
SQLite counts the rows).
"""

from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from articles.models import Article, ArticleType, Byline
from core import caching
from pagecache.tokens import forget_local_pages
from tests.factories import make_article, make_author, make_section, make_tag
from tests.pages import ReaderTestCase


def url(language, name, **kwargs):
    from django.urls import reverse

    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


class ListCountTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.economy = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.culture = make_section(name_en="Culture", name_fa="فرهنگ")
        cls.water = make_tag(name_en="Water", name_fa="آب")
        cls.maryam = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی")
        cls.reza = make_author(name_en="Reza Ahmadi", name_fa="رضا احمدی")
        cls.both = make_article(section=cls.economy, tags=[cls.water], authors=[cls.maryam, cls.reza])
        cls.english = make_article(section=cls.economy, languages=("en",), tags=[cls.water], authors=[cls.maryam])
        cls.persian = make_article(section=cls.culture, languages=("fa",), authors=[cls.reza])
        cls.draft = make_article(section=cls.economy, tags=[cls.water], published_ago=None, authors=[cls.maryam])
        cls.news, cls.analysis = (ArticleType.objects.get(slug_en=slug) for slug in ("news", "analysis"))
        for article, kind in ((cls.both, cls.news), (cls.english, cls.analysis), (cls.persian, cls.news)):
            article.article_type = kind
            article.save()
        cls.draft.article_type = cls.analysis
        cls.draft.save()

    def shown(self, language, name, **kwargs) -> int:
        response = self.client.get(url(language, name, **kwargs))
        self.assertEqual(response.status_code, 200)
        return response.context["paginator"].count

    def counts(self) -> dict[str, int]:
        """What each list page says, in both languages."""
        return {
            f"{language} {page}": self.shown(language, name, **kwargs)
            for language in ("en", "fa")
            for page, name, kwargs in (
                ("home", "articles:home", {}),
                ("economy", "articles:section", {"slug": getattr(self.economy, f"slug_{language}")}),
                ("culture", "articles:section", {"slug": getattr(self.culture, f"slug_{language}")}),
                ("water", "articles:tag", {"slug": getattr(self.water, f"slug_{language}")}),
                ("maryam", "authors:detail", {"slug": self.maryam.slug}),
                ("reza", "authors:detail", {"slug": self.reza.slug}),
                ("news", "articles:type", {"slug": self.news.slug_in(language)}),
                ("analysis", "articles:type", {"slug": self.analysis.slug_in(language)}),
            )
        }

    def truth(self) -> dict[str, int]:
        """The same counts, counted from the articles a reader may see."""
        counts = {}
        for language in ("en", "fa"):
            readable = Article.objects.published().available_in(language)
            counts[f"{language} home"] = readable.count()
            counts[f"{language} economy"] = readable.filter(section=self.economy).count()
            counts[f"{language} culture"] = readable.filter(section=self.culture).count()
            counts[f"{language} water"] = readable.filter(tags=self.water).count()
            counts[f"{language} maryam"] = readable.filter(bylines__author=self.maryam).count()
            counts[f"{language} reza"] = readable.filter(bylines__author=self.reza).count()
            counts[f"{language} news"] = readable.filter(article_type=self.news).count()
            counts[f"{language} analysis"] = readable.filter(article_type=self.analysis).count()
        return counts

    def test_counts_start_right(self):
        self.assertEqual(
            self.counts(),
            {
                "en home": 2, "en economy": 2, "en culture": 0, "en water": 2, "en maryam": 2, "en reza": 1,
                "en news": 1, "en analysis": 1,
                "fa home": 2, "fa economy": 1, "fa culture": 1, "fa water": 1, "fa maryam": 1, "fa reza": 2,
                "fa news": 2, "fa analysis": 0,
            },
        )  # fmt: skip

    def test_every_edit_shows_at_once_in_the_counts(self):
        steps = [
            ("the draft is published", lambda: self.publish(self.draft)),
            ("the English article is translated", lambda: self.translate(self.english)),
            ("an article moves section", lambda: self.move(self.both, self.culture)),
            ("an article changes type", lambda: self.retype(self.persian, self.analysis)),
            ("an article loses its type", lambda: self.retype(self.english, None)),
            ("a tag is taken off", lambda: self.english.tags.remove(self.water)),
            ("a tag is put on", lambda: self.persian.tags.add(self.water)),
            ("a writer joins a byline", lambda: Byline.objects.create(article=self.persian, author=self.maryam)),
            ("a writer leaves a byline", lambda: self.both.bylines.filter(author=self.reza).delete()),
            ("a byline passes to another writer", lambda: self.english.bylines.update(author=self.reza)),
            ("a byline moves along the line", lambda: self.persian.bylines.update(position=5)),
            ("an article is withdrawn", lambda: self.withdraw(self.both)),
            ("an article loses its Persian version", lambda: self.untranslate(self.persian)),
            ("an article is deleted", lambda: self.english.delete()),
            ("articles are withdrawn in bulk", lambda: Article.objects.all().update(status="withdrawn")),
        ]
        for story, step in steps:
            with self.subTest(story):
                step()
                self.assertEqual(self.counts(), self.truth())

    def test_a_scheduled_article_counts_from_its_time(self):
        later = make_article(
            section=self.economy, tags=[self.water], authors=[self.maryam], published_ago=-timedelta(hours=1)
        )
        self.assertEqual(self.counts(), self.truth())
        self.assertEqual(self.shown("en", "articles:home"), 2)
        Article.objects.filter(pk=later.pk).update(publish_at=timezone.now() - timedelta(minutes=1))  # its hour came
        self.assertEqual(self.shown("en", "articles:home"), 3)
        self.assertEqual(self.counts(), self.truth())

    def publish(self, article):
        article.status = Article.Status.PUBLISHED
        article.save()

    def withdraw(self, article):
        article.status = Article.Status.WITHDRAWN
        article.save()

    def translate(self, article):
        article.headline_fa = "ترجمه"
        article.body_fa = "<p>متن ترجمه‌شده.</p>"
        article.save()

    def untranslate(self, article):
        article.body_fa = ""
        article.save()

    def retype(self, article, kind):
        article.article_type = kind
        article.save()

    def move(self, article, section):
        article.section = section
        article.save()


class KeptCountReadingTests(ReaderTestCase):
    """On PostgreSQL a list page reads its size from the kept counts instead of counting the list's rows."""

    def test_an_author_page_reads_the_kept_count_on_postgresql_and_counts_on_sqlite(self):
        writer = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی")
        for _ in range(3):
            make_article(authors=[writer])
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url("en", "authors:detail", slug=writer.slug))
        self.assertEqual(response.context["paginator"].count, 3)
        statements = [query["sql"] for query in queries.captured_queries]
        reads_kept = any("articles_listcount" in sql for sql in statements)
        # The list's own COUNT (published up to now), not the small one of articles scheduled for later.
        counts_list = any("COUNT(" in sql and '"publish_at" <=' in sql for sql in statements)
        if connection.vendor == "postgresql":
            self.assertTrue(reads_kept and not counts_list, statements)
        else:
            self.assertTrue(counts_list and not reads_kept, statements)

    def test_a_kept_count_gone_wrong_shows_an_empty_list_not_an_error(self):
        # Counts loaded around their triggers (a bulk load with triggers off) once said none while a scheduled
        # article was subtracted: the author page answered 500 ("Negative indexing is not supported").
        writer = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی")
        make_article(authors=[writer], publish_at=timezone.now() + timedelta(days=1))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM articles_listcount WHERE scope = 'author'")
        for language in ("en", "fa"):
            response = self.client.get(url(language, "authors:detail", slug=writer.slug))
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.context["paginator"].count, 0)


@override_settings(PER_GENERATION_MEMO=True)
class ScheduledOncePerGenerationTests(ListCountTests):
    """
    With the shared cache telling the content generation, the scheduled articles' lists are read once per
    generation (articles.models.scheduled_lists), not with every list page: the counts stay the same.
    """

    def setUp(self):
        super().setUp()
        cache.clear()
        forget_local_pages()
        caching._per_generation.clear()
        self.addCleanup(caching._per_generation.clear)

    def test_a_scheduled_article_counts_from_its_time(self):
        with self.captureOnCommitCallbacks(execute=True):  # an editor's save: a new generation at its commit
            make_article(
                section=self.economy, tags=[self.water], authors=[self.maryam], published_ago=-timedelta(hours=1)
            )
        self.assertEqual(self.counts(), self.truth())
        with CaptureQueriesContext(connection) as queries:
            self.shown("en", "articles:tag", slug=self.water.slug_en)
        self.assertFalse(any('publish_at" >' in query["sql"] for query in queries.captured_queries))
        its_hour = timezone.now() + timedelta(hours=1, minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=its_hour):
            self.assertEqual(self.counts(), self.truth())
            self.assertEqual(self.shown("en", "articles:home"), 3)
