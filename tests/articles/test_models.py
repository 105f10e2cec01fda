from datetime import timedelta

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone, translation

from articles.models import Article
from tests.factories import make_article, make_section


class AvailabilityTests(TestCase):
    def test_an_article_is_available_where_headline_and_body_are_written(self):
        both = make_article()
        english_only = make_article(languages=("en",))
        self.assertEqual(both.available_languages(), ["en", "fa"])
        self.assertEqual(english_only.available_languages(), ["en"])
        self.assertQuerySetEqual(Article.objects.available_in("fa"), [both])
        self.assertCountEqual(Article.objects.available_in("en"), [both, english_only])

    def test_a_headline_without_a_body_is_not_available(self):
        article = make_article(languages=("en",), headline_fa="سرتیتر بدون متن")
        self.assertFalse(article.is_available_in("fa"))
        self.assertNotIn(article, Article.objects.available_in("fa"))

    def test_empty_strings_and_nulls_are_both_missing(self):
        article = make_article(languages=("en",), headline_fa="", body_fa=None)
        self.assertNotIn(article, Article.objects.available_in("fa"))

    def test_reading_time_is_stored_per_language(self):
        article = make_article(languages=("en",))
        self.assertEqual(article.reading_minutes_en, 1)
        self.assertIsNone(article.reading_minutes_fa)


class PublicationTests(TestCase):
    def test_scheduled_article_is_invisible_until_its_time(self):
        scheduled = make_article(published_ago=-timedelta(hours=2))
        self.assertTrue(scheduled.is_scheduled())
        self.assertFalse(scheduled.is_published())
        self.assertNotIn(scheduled, Article.objects.published())

        Article.objects.filter(pk=scheduled.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
        self.assertIn(scheduled, Article.objects.published())

    def test_drafts_are_never_published(self):
        draft = make_article(published_ago=None)
        self.assertEqual(draft.status, Article.Status.DRAFT)
        self.assertNotIn(draft, Article.objects.published())

    def test_publishing_without_a_time_publishes_now_and_remembers_the_first_time(self):
        article = make_article(published_ago=None)
        article.status = Article.Status.PUBLISHED
        article.save()
        self.assertIsNotNone(article.publish_at)
        self.assertEqual(article.first_published_at, article.publish_at)
        first = article.first_published_at
        article.publish_at = timezone.now() + timedelta(days=1)
        article.save()
        self.assertEqual(article.first_published_at, first)

    def test_withdrawn_articles_are_not_published(self):
        article = make_article()
        article.status = Article.Status.WITHDRAWN
        article.save()
        self.assertNotIn(article, Article.objects.published())


class SlugTests(TestCase):
    def setUp(self):
        self.enterContext(translation.override("en"))

    def test_slugs_are_made_per_language_from_the_headline(self):
        article = make_article(headline_en="Where the Water Went", headline_fa="آب‌ها کجا رفتند؟")
        self.assertEqual(article.slug_en, "where-the-water-went")
        self.assertEqual(article.slug_fa, "آب-ها-کجا-رفتند")

    def test_a_headline_of_punctuation_alone_still_gets_an_address(self):
        article = make_article(headline_en="?!", headline_fa="«؟»")
        self.assertRegex(article.slug_en, r"^article-[0-9a-f]{8}$")
        self.assertEqual(self.client.get(article.url_in("fa")).status_code, 200)

    def test_english_only_article_has_no_persian_slug(self):
        self.assertIsNone(make_article(languages=("en",)).slug_fa)

    def test_clashing_english_slug_is_a_clear_error_on_the_english_slug(self):
        make_article(slug_en="the-thirsty-plateau")
        clash = Article(
            headline_en="Another", body_en="<p>x</p>", slug_en="the-thirsty-plateau", section=make_section()
        )
        with self.assertRaises(ValidationError) as raised:
            clash.full_clean()
        self.assertIn("slug_en", raised.exception.message_dict)
        self.assertNotIn("slug_fa", raised.exception.message_dict)
        self.assertIn("already exists", raised.exception.message_dict["slug_en"][0])
        with translation.override("fa"):
            clash_in_persian = ValidationError(raised.exception.message_dict)
            self.assertIn("از قبل موجود است", str(clash_in_persian.message_dict["slug_en"][0]))

    def test_clashing_persian_slug_is_a_clear_error_on_the_persian_slug(self):
        make_article(slug_fa="فلات-تشنه")
        clash = Article(headline_fa="دیگر", body_fa="<p>متن</p>", slug_fa="فلات-تشنه", section=make_section())
        with self.assertRaises(ValidationError) as raised:
            clash.full_clean()
        self.assertEqual(list(raised.exception.message_dict), ["slug_fa"])

    def test_the_same_slug_may_serve_both_languages(self):
        make_article(slug_en="tehran", slug_fa="tehran")
        other = Article(
            headline_en="x", body_en="<p>x</p>", slug_en="tehran-2", slug_fa="تهران", section=make_section()
        )
        other.full_clean()

    def test_long_persian_headline_gives_a_short_slug_cut_at_a_word(self):
        headline = "آینده‌ی آب در فلات مرکزی ایران و انتخاب‌های دشوار کشاورزان در سال‌های خشک پیش رو"
        article = make_article(headline_fa=headline)
        self.assertLessEqual(len(article.slug_fa), 60)
        self.assertTrue(headline.replace("\u200c", "-").replace(" ", "-").startswith(article.slug_fa))
