from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from articles.models import Article, Section, Tag
from authors.models import Author
from core.text import count_words, plain_text
from series.models import Series


def counts():
    return {
        model.__name__: model.objects.count() for model in (Article, Author, Section, Tag, Series, get_user_model())
    } | {"images": sum(1 for article in Article.objects.all() if article.image)}


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = StringIO()
        call_command("load_demo", stdout=cls.output)

    def test_a_second_run_changes_no_counts(self):
        before = counts()
        call_command("load_demo", stdout=StringIO())
        self.assertEqual(counts(), before)

    def test_the_demo_newsroom_has_what_the_brief_asks_for(self):
        self.assertGreaterEqual(Author.objects.count(), 3)
        self.assertEqual(Section.objects.count(), 3)
        self.assertGreater(Tag.objects.count(), 0)
        self.assertGreaterEqual(Article.objects.count(), 8)
        series = Series.objects.get()
        self.assertGreaterEqual(series.articles.count(), 2)
        self.assertTrue(all(author.avatar and author.bio_en and author.bio_fa for author in Author.objects.all()))

    def test_the_articles_cover_every_state_a_reader_may_meet(self):
        now = timezone.now()
        self.assertTrue(Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=now).exists())
        self.assertTrue(Article.objects.filter(status=Article.Status.DRAFT).exists())
        english_only = Article.objects.available_in("en").exclude(pk__in=Article.objects.available_in("fa"))
        self.assertTrue(english_only.published().exists())

    def test_the_articles_are_long_analysis_with_subheadings_in_both_languages(self):
        for article in Article.objects.all():
            for language in article.available_languages():
                body = getattr(article, f"body_{language}")
                self.assertGreaterEqual(count_words(plain_text(body)), 600, f"{article} ({language})")
                self.assertIn("<h2>", body)
            self.assertTrue(article.image)

    def test_the_demo_articles_have_pictures_without_a_worker(self):
        for article in Article.objects.all():
            self.assertTrue(article.renditions, f"{article}: {article.image_renditions}")
            self.assertFalse(article.renditions.pending)

    def test_the_demo_users_and_their_passwords_are_printed(self):
        output = self.output.getvalue()
        for username in ("editor", "author", "translator"):
            user = get_user_model().objects.get(username=username)
            self.assertTrue(user.is_staff)
            self.assertIn(username, output)

    def test_each_demo_credit_is_written_in_the_language_of_its_page(self):
        for article in Article.objects.all():
            with self.subTest(article=str(article)):
                self.assertTrue(article.image_credit_en)
                if "fa" in article.available_languages():
                    self.assertRegex(article.image_credit_fa, r"^[\u0600-\u06FF\u200c :]+$")
                else:
                    self.assertFalse(article.image_credit_fa)
