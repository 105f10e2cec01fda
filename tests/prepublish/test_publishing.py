"""Blocking checks refuse publication however it is asked for, saying what blocks; warnings let it through."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation

from articles.models import Article
from articles.services import Outcome, publish_article, schedule_article
from prepublish.models import CheckSetting, Severity
from tests.admin.base import NewsroomAdminTestCase, messages_on, page
from tests.factories import make_article, make_tag


def stored(article) -> Article:
    return Article.objects.get(pk=article.pk)


class ServiceTests(NewsroomAdminTestCase):
    def test_a_blocking_check_refuses_publishing_listing_what_blocks_and_saves_nothing(self):
        draft = make_article(published_ago=None, tags=[make_tag()], standfirst_fa="")
        result = publish_article(article=draft, by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertEqual(
            result.reason, "Blocked by the pre-publish checks: Persian, Standfirst present: There is no standfirst."
        )
        self.assertEqual((stored(draft).status, stored(draft).version), (Article.Status.DRAFT, 0))

    def test_the_reason_is_given_in_the_editors_language(self):
        draft = make_article(published_ago=None, tags=[make_tag()], standfirst_fa="")
        with translation.override("fa"):
            result = publish_article(article=draft, by=self.editor)
            self.assertIn("فارسی", result.reason)
            self.assertIn("لید ندارد.", result.reason)

    def test_scheduling_is_refused_by_the_same_checks(self):
        draft = make_article(published_ago=None, tags=[make_tag()], standfirst_en="")
        result = schedule_article(article=draft, publish_at=timezone.now() + timedelta(days=1), by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertIn("English, Standfirst present", result.reason)
        self.assertFalse(stored(draft).is_scheduled())

    def test_warnings_do_not_stop_publishing(self):
        draft = make_article(published_ago=None, languages=("en",))  # no tag, no Persian version: warnings
        self.assertEqual(publish_article(article=draft, by=self.editor).outcome, Outcome.PUBLISHED)
        self.assertEqual(self.client.get(draft.url_in("en")).status_code, 200)

    def test_an_editor_can_make_a_warning_block(self):
        CheckSetting.objects.filter(check_name="filing").update(severity=Severity.BLOCKING)
        draft = make_article(published_ago=None)
        result = publish_article(article=draft, by=self.editor)
        self.assertEqual(result.outcome, Outcome.REFUSED)
        self.assertIn("No tag is chosen.", result.reason)

    def test_a_link_to_a_draft_blocks_until_the_draft_is_published(self):
        background = make_article(published_ago=None, tags=[make_tag()])
        body = f'<p>See <a href="{background.url_in("en")}">the background</a>.</p>'
        draft = make_article(published_ago=None, tags=[make_tag()], body_en=body)
        self.assertEqual(publish_article(article=draft, by=self.editor).outcome, Outcome.REFUSED)
        self.assertEqual(publish_article(article=background, by=self.editor).outcome, Outcome.PUBLISHED)
        self.assertEqual(publish_article(article=draft, by=self.editor).outcome, Outcome.PUBLISHED)


class AdminPublishingTests(NewsroomAdminTestCase):
    def test_publishing_from_the_change_form_is_refused_with_what_blocks_and_nothing_saved(self):
        draft = make_article(published_ago=None, tags=[make_tag()], standfirst_en="", authors=[self.author])
        data = self.open_form(self.editor, draft)
        data["status"] = "published"
        data["headline_en"] = "A headline changed in the same save"
        response = self.post_form(self.editor, draft, data)
        self.assertEqual(response.status_code, 200)
        errors = page(response).select(".errornote, .errorlist.nonfield li")
        self.assertIn(
            "Blocked by the pre-publish checks: English, Standfirst present: There is no standfirst.",
            [" ".join(e.get_text(" ").split()) for e in errors],
        )
        self.assertEqual(stored(draft).status, Article.Status.DRAFT)
        self.assertNotEqual(stored(draft).headline_en, "A headline changed in the same save")

    def test_the_form_judges_the_tags_it_posts(self):
        CheckSetting.objects.filter(check_name="filing").update(severity=Severity.BLOCKING)
        draft = make_article(published_ago=None, authors=[self.author])
        data = self.open_form(self.editor, draft)
        data["status"] = "published"
        self.post_form(self.editor, draft, data)
        self.assertEqual(stored(draft).status, Article.Status.DRAFT)
        data["tags"] = [str(make_tag().pk)]
        self.post_form(self.editor, draft, data)
        self.assertEqual(stored(draft).status, Article.Status.PUBLISHED)

    def test_saving_an_article_already_published_is_not_checked_again(self):
        published = make_article(standfirst_en="", authors=[self.author])
        data = self.open_form(self.editor, published)
        data["headline_en"] = "A corrected headline"
        self.post_form(self.editor, published, data)
        self.assertEqual(stored(published).headline_en, "A corrected headline")

    def test_the_bulk_action_names_each_refused_article_with_its_reason(self):
        blocked = make_article(published_ago=None, tags=[make_tag()], standfirst_fa="", headline_en="Wells run dry")
        fine = make_article(published_ago=None, tags=[make_tag()])
        self.client.force_login(self.editor)
        response = self.client.post(
            "/admin/articles/article/",
            {"action": "publish", "_selected_action": [blocked.pk, fine.pk]},
            follow=True,
        )
        shown = messages_on(response)
        self.assertIn("1 article published.", shown)
        self.assertIn(
            "“Wells run dry” was not published. Blocked by the pre-publish checks: Persian, Standfirst present: "
            "There is no standfirst.",
            shown,
        )
        self.assertEqual(
            (stored(blocked).status, stored(fine).status), (Article.Status.DRAFT, Article.Status.PUBLISHED)
        )

    def test_the_bulk_action_speaks_the_persian_admins_language(self):
        blocked = make_article(published_ago=None, tags=[make_tag()], standfirst_fa="")
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.client.post(
            "/admin/articles/article/", {"action": "publish", "_selected_action": [blocked.pk]}, follow=True
        )
        (shown,) = messages_on(response)
        self.assertIn("بررسی‌های پیش از انتشار", shown)
