"""An embargo: no way of publishing (the admin's form, its bulk action, the transitions) passes it."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from articles.services import Outcome, publish_article, schedule_article
from tests.admin.base import NewsroomAdminTestCase, messages_on, page
from tests.factories import make_article


def form_moment(moment) -> dict[str, str]:
    """The two inputs of a date-and-time field (the site's time zone is UTC)."""
    local = timezone.localtime(moment)
    return {"0": local.strftime("%Y-%m-%d"), "1": local.strftime("%H:%M:%S")}


def moment_fields(name: str, moment) -> dict[str, list[str]]:
    return {f"{name}_{part}": [value] for part, value in form_moment(moment).items()}


class EmbargoTestCase(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(translation.deactivate)
        self.embargo = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
        self.draft = make_article(published_ago=None, embargo_until=self.embargo)

    def stored(self) -> Article:
        return Article.objects.get(pk=self.draft.pk)

    def assert_unchanged(self):
        stored = self.stored()
        self.assertEqual((stored.status, stored.publish_at, stored.version), (Article.Status.DRAFT, None, 0))
        self.assertEqual(stored.embargo_until, self.embargo)
        self.assertEqual(self.client.get(self.draft.url_in("en")).status_code, 404)

    def post_publication(self, user, **fields):
        data = self.open_form(user, self.draft)
        data.update(fields)
        return self.post_form(user, self.draft, data)


class TransitionsKeepTheEmbargoTests(EmbargoTestCase):
    def test_publishing_now_is_refused_with_the_embargo_named_and_nothing_changes(self):
        result = publish_article(article=self.draft, by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertIn("under embargo until", result.reason)
        self.assert_unchanged()

    def test_the_refusal_reads_in_persian_with_a_jalali_date(self):
        with translation.override("fa"):
            result = publish_article(article=self.draft, by=self.editor)
        self.assertIn("منع انتشار", result.reason)
        self.assertRegex(
            result.reason, "[۰-۹]+ (آذر|دی|بهمن|اسفند|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان) ۱۴"
        )

    def test_scheduling_before_the_embargo_is_refused_and_nothing_changes(self):
        result = schedule_article(article=self.draft, publish_at=self.embargo - timedelta(minutes=1), by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertIn("under embargo until", result.reason)
        self.assert_unchanged()

    def test_scheduling_for_the_embargos_end_is_allowed(self):
        result = schedule_article(article=self.draft, publish_at=self.embargo, by=self.editor)
        self.assertEqual(result.outcome, Outcome.SCHEDULED)
        self.assertEqual(self.stored().publish_at, self.embargo)

    def test_publishing_a_draft_timed_after_the_embargo_schedules_it(self):
        Article.objects.filter(pk=self.draft.pk).update(publish_at=self.embargo + timedelta(hours=1))
        self.assertEqual(publish_article(article=self.draft, by=self.editor).outcome, Outcome.SCHEDULED)


class AdminKeepsTheEmbargoTests(EmbargoTestCase):
    def test_publishing_now_from_the_form_is_refused_and_nothing_is_saved(self):
        response = self.post_publication(self.editor, status=["published"], publish_at_0=[""], publish_at_1=[""])
        self.assertEqual(response.status_code, 200)
        errors = " ".join(li.text for li in page(response).select(".errorlist.nonfield li"))
        self.assertIn("under embargo until", errors)
        self.assert_unchanged()

    def test_scheduling_before_the_embargo_from_the_form_is_refused(self):
        too_soon = moment_fields("publish_at", self.embargo - timedelta(hours=1))
        response = self.post_publication(self.editor, status=["published"], **too_soon)
        self.assertIn("under embargo until", " ".join(li.text for li in page(response).select(".errorlist li")))
        self.assert_unchanged()

    def test_scheduling_at_the_embargos_end_from_the_form_saves(self):
        response = self.post_publication(self.editor, status=["published"], **moment_fields("publish_at", self.embargo))
        self.assertFalse(page(response).select(".errorlist"))
        stored = self.stored()
        self.assertTrue(stored.is_scheduled())
        self.assertEqual(stored.publish_at, self.embargo)

    def test_an_embargo_set_on_a_published_article_is_refused(self):
        live = make_article()
        data = self.open_form(self.editor, live)
        data.update(moment_fields("embargo_until", self.embargo))
        response = self.post_form(self.editor, live, data)
        self.assertIn("under embargo until", " ".join(li.text for li in page(response).select(".errorlist li")))
        self.assertIsNone(Article.objects.get(pk=live.pk).embargo_until)

    def test_an_embargo_in_the_past_is_refused_on_its_field_and_nothing_is_saved(self):
        draft = make_article(published_ago=None)
        data = self.open_form(self.editor, draft)
        data.update(moment_fields("embargo_until", timezone.now() - timedelta(hours=1)), headline_en=["Changed"])
        response = self.post_form(self.editor, draft, data)
        errors = [li.text for li in page(response).select(".field-embargo_until .errorlist li")]
        self.assertEqual(len(errors), 1)
        self.assertIn("An embargo must end in the future", errors[0])
        stored = Article.objects.get(pk=draft.pk)
        self.assertEqual((stored.embargo_until, stored.headline_en, stored.version), (None, draft.headline_en, 0))

    def test_an_embargo_in_the_past_is_refused_in_persian_too(self):
        draft = make_article(published_ago=None)
        data = self.open_form(self.editor, draft)
        data.update(moment_fields("embargo_until", timezone.now() - timedelta(hours=1)))
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.post_form(self.editor, draft, data)
        error = page(response).select_one(".field-embargo_until .errorlist li").text
        self.assertIn("منع انتشار باید در آینده", error)
        self.assertIsNone(Article.objects.get(pk=draft.pk).embargo_until)

    def test_an_embargo_that_has_passed_since_it_was_set_does_not_block_later_edits(self):
        Article.objects.filter(pk=self.draft.pk).update(embargo_until=timezone.now() - timedelta(minutes=5))
        response = self.post_publication(self.editor, status=["published"], publish_at_0=[""], publish_at_1=[""])
        self.assertFalse(page(response).select(".errorlist"))
        self.assertTrue(self.stored().is_published())

    def test_the_bulk_publish_action_refuses_with_the_reason(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish", "_selected_action": [self.draft.pk]},
            follow=True,
        )
        refusals = [message for message in messages_on(response) if "was not published" in message]
        self.assertEqual(len(refusals), 1)
        self.assertIn("under embargo until", refusals[0])
        self.assert_unchanged()

    def test_the_list_and_the_form_show_the_embargo(self):
        self.client.force_login(self.editor)
        listing = page(self.client.get(reverse("admin:articles_article_changelist")))
        self.assertIn("Embargoed until", listing.select_one("td.field-status_column").text)
        form = page(self.client.get(self.change_url(self.draft)))
        self.assertEqual(form.find("input", attrs={"name": "embargo_until_0"})["value"], form_moment(self.embargo)["0"])

    def test_the_persian_list_shows_the_embargo_in_jalali_with_persian_digits(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        listing = page(self.client.get(reverse("admin:articles_article_changelist")))
        status = listing.select_one("td.field-status_column small").text
        self.assertRegex(
            status, r"^منع انتشار تا [۰-۹]{1,2} (آذر|دی|بهمن|اسفند|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان) ۱۴"
        )

    def test_an_author_cannot_lift_an_embargo_with_a_crafted_post(self):
        own = make_article(published_ago=None, embargo_until=self.embargo, authors=[self.author])
        data = self.open_form(self.author_user, own)
        self.assertNotIn("embargo_until_0", data)
        data.update(embargo_until_0=[""], embargo_until_1=[""])
        self.post_form(self.author_user, own, data)
        self.assertEqual(Article.objects.get(pk=own.pk).embargo_until, self.embargo)
