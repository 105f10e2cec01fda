"""What search engines and feed readers are told of an article's notes."""

from datetime import datetime, timedelta

import feedparser
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from corrections.models import Kind
from tests.factories import make_article
from tests.pages import Page, ReaderTestCase

from .notes import CORRECTION_EN, CORRECTION_FA, UPDATE_EN, add_note


def untouched_since_publication(article):
    """The article as it is days after it was published and last edited (a factory's article was saved just now)."""
    Article.objects.filter(pk=article.pk).update(updated_at=article.publish_at)
    return article


class StructuredDataTests(ReaderTestCase):
    def news_article(self, article, language: str) -> dict:
        return Page(self.client.get(article.url_in(language))).structured("NewsArticle")

    def test_corrections_are_correction_comments_with_their_time(self):
        article = make_article()
        note = add_note(article)
        add_note(article, kind=Kind.UPDATE, text=UPDATE_EN)  # news, not a correction
        data = self.news_article(article, "en")
        self.assertEqual(
            data["correction"],
            [
                {
                    "@type": "CorrectionComment",
                    "text": CORRECTION_EN,
                    "datePublished": note.noted_at.isoformat(timespec="seconds"),
                    "inLanguage": "en",
                }
            ],
        )

    def test_the_persian_page_gives_the_translation_once_made(self):
        article = make_article()
        note = add_note(article)
        correction = self.news_article(article, "fa")["correction"][0]
        self.assertEqual((correction["text"], correction["inLanguage"]), (CORRECTION_EN, "en"))
        note.text_fa = CORRECTION_FA
        note.save()
        correction = self.news_article(article, "fa")["correction"][0]
        self.assertEqual((correction["text"], correction["inLanguage"]), (CORRECTION_FA, "fa"))

    def test_date_modified_is_the_time_of_the_newest_change(self):
        article = untouched_since_publication(make_article(published_ago=timedelta(days=3)))
        before = datetime.fromisoformat(self.news_article(article, "en")["dateModified"])
        add_note(article, kind=Kind.UPDATE, text=UPDATE_EN)
        after = datetime.fromisoformat(self.news_article(article, "en")["dateModified"])
        self.assertGreater(after, before)
        self.assertLessEqual(abs(after - timezone.now()), timedelta(minutes=1))

    def test_every_article_names_the_corrections_policy(self):
        article = make_article()
        for language in ("en", "fa"):
            data = self.news_article(article, language)
            policy = f"http://testserver/{language}/corrections/policy/"
            self.assertEqual(data["publishingPrinciples"], policy)
            self.assertEqual(data["publisher"]["correctionsPolicy"], policy)
            self.assertEqual(data["publisher"]["@type"], "NewsMediaOrganization")
            self.assertNotIn("correction", data)


class FeedTests(ReaderTestCase):
    def entry(self, language: str, article) -> dict:
        with translation.override(language):
            url = reverse("discovery:latest-atom")
        feed = feedparser.parse(self.client.get(url).content)
        return next(entry for entry in feed.entries if entry.link.endswith(article.url_in(language)))

    def test_a_noted_articles_atom_entry_is_marked_updated(self):
        article = untouched_since_publication(make_article(published_ago=timedelta(days=2)))
        for language in ("en", "fa"):
            entry = self.entry(language, article)
            self.assertEqual(entry.updated_parsed, entry.published_parsed)
        add_note(article)
        stored = Article.objects.get(pk=article.pk).updated_at
        for language in ("en", "fa"):
            entry = self.entry(language, article)
            self.assertGreater(entry.updated_parsed, entry.published_parsed, language)
            self.assertEqual(entry.updated_parsed[:6], stored.utctimetuple()[:6])
