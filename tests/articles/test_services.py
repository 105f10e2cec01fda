"""Publication transitions, as the desk, an API or a task would make them: what readers see after each."""

from datetime import timedelta
from unittest import mock

from django.utils import timezone, translation
from reversion.models import Version

from articles.models import Article
from articles.services import (
    Outcome,
    publish_article,
    schedule_article,
    send_to_review,
    withdraw_article,
)
from tests.factories import make_article, make_user
from tests.pages import ReaderTestCase


class TransitionTestCase(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", groups=["Editor"], is_staff=True)

    def reader_status(self, article, language: str = "en") -> int:
        return self.client.get(article.url_in(language)).status_code

    def stored(self, article) -> Article:
        return Article.objects.get(pk=article.pk)


class PublishingTests(TransitionTestCase):
    def test_publishing_a_draft_makes_it_visible_to_readers_in_each_language(self):
        draft = make_article(published_ago=None)
        self.assertEqual(self.reader_status(draft), 404)
        result = publish_article(article=draft, by=self.editor)
        self.assertEqual(result.outcome, Outcome.PUBLISHED)
        self.assertTrue(result.done)
        self.assertEqual((self.reader_status(draft, "en"), self.reader_status(draft, "fa")), (200, 200))
        self.assertTrue(self.stored(draft).is_published())

    def test_a_draft_with_a_moment_still_to_come_is_scheduled_not_shown(self):
        draft = make_article(published_ago=None, publish_at=timezone.now() + timedelta(days=2))
        self.assertEqual(publish_article(article=draft, by=self.editor).outcome, Outcome.SCHEDULED)
        self.assertEqual(self.reader_status(draft), 404)
        self.assertTrue(self.stored(draft).is_scheduled())

    def test_an_article_written_in_no_language_is_refused_with_the_reason(self):
        empty = make_article(published_ago=None, languages=(), headline_en="Only a headline")
        result = publish_article(article=empty, by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertFalse(result.done)
        self.assertEqual(str(result.reason), "It has no headline and body in any language.")
        with translation.override("fa"):
            self.assertEqual(str(result.reason), "در هیچ زبانی تیتر و متن ندارد.")
        stored = self.stored(empty)
        self.assertEqual((stored.status, stored.version), (Article.Status.DRAFT, 0))

    def test_publishing_what_is_already_published_changes_nothing(self):
        article = make_article()
        version = article.version
        result = publish_article(article=article, by=self.editor)
        self.assertEqual(result.outcome, Outcome.UNCHANGED)
        self.assertEqual(self.stored(article).version, version)

    def test_each_transition_moves_the_version_on_by_one_and_the_callers_copy_with_it(self):
        draft = make_article(published_ago=None)
        versions = [self.stored(draft).version]
        for transition in (send_to_review, publish_article, withdraw_article):
            transition(article=draft, by=self.editor)
            versions.append(self.stored(draft).version)
            self.assertEqual((draft.version, draft.status), (versions[-1], self.stored(draft).status))
        self.assertEqual(versions, [versions[0] + step for step in range(4)])

    def test_publishing_keeps_an_edit_saved_after_the_caller_read_the_article(self):
        draft = make_article(published_ago=None, headline_en="Old headline")
        editing = self.stored(draft)
        editing.headline_en = "Headline saved meanwhile"
        editing.version += 1
        editing.save()
        publish_article(article=draft, by=self.editor)  # `draft` still holds the old headline
        stored = self.stored(draft)
        self.assertEqual((stored.headline_en, stored.status), ("Headline saved meanwhile", Article.Status.PUBLISHED))
        self.assertEqual(stored.version, editing.version + 1)

    def test_the_history_records_who_published(self):
        draft = make_article(published_ago=None)
        publish_article(article=draft, by=self.editor)
        revision = Version.objects.get_for_object(draft).first().revision
        self.assertEqual((revision.user, revision.get_comment()), (self.editor, "Published"))


class SchedulingTests(TransitionTestCase):
    def test_a_scheduled_article_appears_to_readers_when_its_moment_comes(self):
        draft = make_article(published_ago=None)
        moment = timezone.now() + timedelta(hours=3)
        result = schedule_article(article=draft, publish_at=moment, by=self.editor)
        self.assertEqual(result.outcome, Outcome.SCHEDULED)
        self.assertEqual(self.reader_status(draft), 404)
        self.assertFalse(Article.objects.published().filter(pk=draft.pk).exists())
        with mock.patch("django.utils.timezone.now", return_value=moment + timedelta(minutes=1)):
            self.assertTrue(Article.objects.published().filter(pk=draft.pk).exists())
        self.assertEqual(self.stored(draft).first_published_at, moment)

    def test_a_scheduled_article_moves_to_a_new_moment(self):
        draft = make_article(published_ago=None)
        first, second = timezone.now() + timedelta(days=1), timezone.now() + timedelta(days=3)
        schedule_article(article=draft, publish_at=first, by=self.editor)
        self.assertEqual(schedule_article(article=draft, publish_at=second, by=self.editor).outcome, Outcome.SCHEDULED)
        stored = self.stored(draft)
        self.assertEqual((stored.publish_at, stored.first_published_at), (second, second))

    def test_an_article_readers_already_see_is_left_alone(self):
        article = make_article()
        result = schedule_article(article=article, publish_at=timezone.now() + timedelta(days=1), by=self.editor)
        self.assertEqual(result.outcome, Outcome.UNCHANGED)
        self.assertEqual(self.reader_status(article), 200)

    def test_a_moment_in_the_past_is_not_a_schedule(self):
        draft = make_article(published_ago=None)
        with self.assertRaises(ValueError):
            schedule_article(article=draft, publish_at=timezone.now() - timedelta(minutes=1), by=self.editor)
        self.assertEqual(self.stored(draft).status, Article.Status.DRAFT)

    def test_an_article_written_in_no_language_cannot_be_scheduled(self):
        empty = make_article(published_ago=None, languages=())
        result = schedule_article(article=empty, publish_at=timezone.now() + timedelta(days=1), by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertEqual(self.stored(empty).status, Article.Status.DRAFT)


class WithdrawingTests(TransitionTestCase):
    def test_withdrawing_hides_the_article_from_readers(self):
        article = make_article()
        self.assertEqual(self.reader_status(article, "fa"), 200)
        self.assertEqual(withdraw_article(article=article, by=self.editor).outcome, Outcome.WITHDRAWN)
        self.assertEqual((self.reader_status(article, "en"), self.reader_status(article, "fa")), (404, 404))
        self.assertEqual(self.stored(article).status, Article.Status.WITHDRAWN)

    def test_withdrawing_a_scheduled_article_cancels_its_schedule(self):
        scheduled = make_article(published_ago=None, status=Article.Status.PUBLISHED,
                                 publish_at=timezone.now() + timedelta(days=1))  # fmt: skip
        self.assertEqual(withdraw_article(article=scheduled, by=self.editor).outcome, Outcome.WITHDRAWN)
        self.assertFalse(self.stored(scheduled).is_scheduled())

    def test_a_draft_is_not_withdrawn(self):
        draft = make_article(published_ago=None)
        result = withdraw_article(article=draft, by=self.editor)
        self.assertEqual(result.outcome, Outcome.UNCHANGED)
        self.assertTrue(result.reason)
        self.assertEqual(self.stored(draft).status, Article.Status.DRAFT)


class ReviewTests(TransitionTestCase):
    def test_a_draft_goes_to_review_and_stays_hidden(self):
        draft = make_article(published_ago=None)
        self.assertEqual(send_to_review(article=draft, by=self.editor).outcome, Outcome.SENT_TO_REVIEW)
        self.assertEqual(self.stored(draft).status, Article.Status.IN_REVIEW)
        self.assertEqual(self.reader_status(draft), 404)

    def test_only_a_draft_goes_to_review(self):
        article = make_article()
        self.assertEqual(send_to_review(article=article, by=self.editor).outcome, Outcome.UNCHANGED)
        self.assertEqual(self.stored(article).status, Article.Status.PUBLISHED)
