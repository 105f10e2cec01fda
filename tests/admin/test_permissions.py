"""The permission matrix: each role × view, add, change, delete, publish, and each field group, on the server."""

from django.urls import reverse

from articles.models import Article, Section, Tag
from tests.factories import make_article, make_author, make_section, make_series, make_tag

from .base import NewsroomAdminTestCase, form_values, messages_on, page


class ArticleMatrixTests(NewsroomAdminTestCase):
    def setUp(self):
        self.own_draft = make_article(authors=[self.author], published_ago=None, headline_en="My draft")
        self.others_draft = make_article(authors=[self.other_author], published_ago=None, headline_en="Their draft")
        self.own_published = make_article(authors=[self.author], headline_en="My published piece")

    # view --------------------------------------------------------------------------------------

    def test_editor_sees_every_article_in_the_list(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertContains(response, "My draft")
        self.assertContains(response, "Their draft")

    def test_author_sees_only_their_own_articles(self):
        self.client.force_login(self.author_user)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertContains(response, "My draft")
        self.assertNotContains(response, "Their draft")

    def test_author_cannot_open_someone_elses_article(self):
        self.client.force_login(self.author_user)
        response = self.client.get(self.change_url(self.others_draft), follow=True)
        self.assertNotContains(response, 'name="headline_en"')
        self.assertEqual(response.redirect_chain[-1][0], reverse("admin:index"))

    def test_translator_sees_every_article(self):
        self.client.force_login(self.translator)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertContains(response, "Their draft")

    # add ---------------------------------------------------------------------------------------

    def test_editor_and_author_may_add_articles_translators_may_not(self):
        url = reverse("admin:articles_article_add")
        for user, status in [(self.editor, 200), (self.author_user, 200), (self.translator, 403)]:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual(self.client.get(url).status_code, status)

    def test_author_adding_an_article_is_on_its_byline(self):
        self.client.force_login(self.author_user)
        section = make_section()
        data = form_values(self.client.get(reverse("admin:articles_article_add")))
        data.update(
            {"headline_en": "A new angle", "body_en": "<p>Text.</p>", "section": str(section.pk),
             "bylines-0-author": str(self.author.pk), "bylines-0-position": "0", "status": "draft"}
        )  # fmt: skip
        response = self.client.post(reverse("admin:articles_article_add"), data, follow=True)
        self.assertEqual(response.status_code, 200)
        article = Article.objects.get(headline_en="A new angle")
        self.assertEqual(article.ordered_authors(), [self.author])

    # change ------------------------------------------------------------------------------------

    def test_author_edits_own_draft(self):
        data = self.open_form(self.author_user, self.own_draft)
        data["headline_en"] = "My draft, sharper"
        self.post_form(self.author_user, self.own_draft, data)
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.headline_en, "My draft, sharper")

    def test_author_sees_own_published_article_read_only(self):
        self.client.force_login(self.author_user)
        response = self.client.get(self.change_url(self.own_published))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="headline_en"')
        self.assertContains(response, "My published piece")

    def test_author_cannot_change_someone_elses_draft_with_a_crafted_post(self):
        self.client.force_login(self.author_user)
        self.client.post(self.change_url(self.others_draft), {"headline_en": "Hijacked"})
        self.others_draft.refresh_from_db()
        self.assertEqual(self.others_draft.headline_en, "Their draft")

    def test_translator_form_shows_only_persian_fields(self):
        self.client.force_login(self.translator)
        response = self.client.get(self.change_url(self.own_draft))
        names = set(form_values(response))
        self.assertIn("headline_fa", names)
        self.assertIn("body_fa", names)
        for forbidden in ["headline_en", "body_en", "status", "section", "publish_at", "bylines-TOTAL_FORMS"]:
            self.assertNotIn(forbidden, names)

    def test_translator_saves_a_persian_headline(self):
        data = self.open_form(self.translator, self.own_draft)
        data["headline_fa"] = "پیش‌نویس من"
        self.post_form(self.translator, self.own_draft, data)
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.headline_fa, "پیش‌نویس من")
        self.assertEqual(self.own_draft.headline_en, "My draft")

    def test_translator_crafted_posts_are_refused_whole(self):
        """A translator's POST that also touches English, the status or the byline saves nothing of it."""
        crafted = {
            "English headline": {"headline_en": "Changed in English"},
            "status": {"status": "published"},
            "byline": {
                "bylines-TOTAL_FORMS": "1",
                "bylines-INITIAL_FORMS": "0",
                "bylines-0-author": str(self.other_author.pk),
            },  # fmt: skip
            "section": {"section": str(make_section().pk)},
        }
        for label, extra in crafted.items():
            with self.subTest(label):
                data = self.open_form(self.translator, self.own_draft)
                data["headline_fa"] = "تیتر تازه"
                data.update(extra)
                response = self.post_form(self.translator, self.own_draft, data)
                self.assertTrue(any("Nothing was saved" in message for message in messages_on(response)))
                article = Article.objects.get(pk=self.own_draft.pk)
                self.assertEqual(article.headline_en, "My draft")
                self.assertNotEqual(article.headline_fa, "تیتر تازه")
                self.assertEqual(article.status, Article.Status.DRAFT)
                self.assertEqual(article.ordered_authors(), [self.author])

    def test_english_translator_may_change_english_but_not_persian(self):
        data = self.open_form(self.en_translator, self.own_draft)
        self.assertIn("headline_en", data)
        self.assertNotIn("headline_fa", data)
        data["headline_fa"] = "دستکاری"
        self.post_form(self.en_translator, self.own_draft, data)
        self.own_draft.refresh_from_db()
        self.assertNotEqual(self.own_draft.headline_fa, "دستکاری")

    # publish -----------------------------------------------------------------------------------

    def test_author_cannot_publish_by_posting_the_status(self):
        data = self.open_form(self.author_user, self.own_draft)
        data["status"] = "published"
        response = self.post_form(self.author_user, self.own_draft, data)
        self.assertContains(response, "Select a valid choice")
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.status, Article.Status.DRAFT)

    def test_author_may_send_own_draft_to_review(self):
        data = self.open_form(self.author_user, self.own_draft)
        data["status"] = "in_review"
        self.post_form(self.author_user, self.own_draft, data)
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.status, Article.Status.IN_REVIEW)

    def test_author_status_choices_leave_out_publishing(self):
        self.client.force_login(self.author_user)
        select = page(self.client.get(self.change_url(self.own_draft))).find("select", attrs={"name": "status"})
        self.assertEqual([o["value"] for o in select.find_all("option")], ["draft", "in_review"])

    def test_publish_action_is_offered_to_editors_only(self):
        url = reverse("admin:articles_article_changelist")
        for user, offered in [(self.editor, True), (self.author_user, False), (self.translator, False)]:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual('value="publish"' in self.client.get(url).content.decode(), offered)

    def test_author_crafted_publish_action_changes_nothing(self):
        self.client.force_login(self.author_user)
        self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish", "_selected_action": [self.own_draft.pk]},
        )
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.status, Article.Status.DRAFT)

    # delete ------------------------------------------------------------------------------------

    def test_only_editors_may_delete(self):
        for user, status in [(self.author_user, 403), (self.translator, 403), (self.editor, 200)]:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                url = reverse("admin:articles_article_delete", args=[self.own_draft.pk])
                self.assertEqual(self.client.get(url).status_code, status)
        self.client.force_login(self.editor)
        self.client.post(reverse("admin:articles_article_delete", args=[self.own_draft.pk]), {"post": "yes"})
        self.assertFalse(Article.objects.filter(pk=self.own_draft.pk).exists())


class BulkActionTests(NewsroomAdminTestCase):
    def act(self, action, articles):
        self.client.force_login(self.editor)
        return self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": action, "_selected_action": [a.pk for a in articles]},
            follow=True,
        )

    def test_publish_reports_published_and_scheduled_counts(self):
        from datetime import timedelta

        from django.utils import timezone

        now_draft = make_article(published_ago=None)
        later_draft = make_article(published_ago=None, publish_at=timezone.now() + timedelta(days=2))
        response = self.act("publish", [now_draft, later_draft])
        self.assertIn("1 article published.", messages_on(response))
        self.assertIn("1 article scheduled.", messages_on(response))
        later_draft.refresh_from_db()
        self.assertTrue(later_draft.is_scheduled())

    def test_send_to_review_skips_what_is_not_a_draft_and_says_so(self):
        draft, published = make_article(published_ago=None), make_article()
        response = self.act("send_to_review", [draft, published])
        self.assertIn("1 article sent to review.", messages_on(response))
        self.assertTrue(any("left as it was" in message for message in messages_on(response)))
        self.assertEqual(Article.objects.get(pk=published.pk).status, Article.Status.PUBLISHED)

    def test_unpublish_withdraws(self):
        article = make_article()
        response = self.act("unpublish", [article])
        self.assertIn("1 article withdrawn.", messages_on(response))
        self.assertEqual(Article.objects.get(pk=article.pk).status, Article.Status.WITHDRAWN)


class OtherModelsMatrixTests(NewsroomAdminTestCase):
    """Authors, series, sections and tags: translators change their language's fields only."""

    def objects(self):
        return [make_author(), make_series(), make_section(), make_tag()]

    def source_field(self, obj):
        return {"Author": "name", "Series": "title", "Section": "name", "Tag": "name"}[type(obj).__name__]

    def test_translator_changes_persian_name_only(self):
        for obj in self.objects():
            with self.subTest(type(obj).__name__):
                field = self.source_field(obj)
                data = self.open_form(self.translator, obj)
                self.assertNotIn(f"{field}_en", data)
                data[f"{field}_fa"] = "نام تازه"
                self.post_form(self.translator, obj, data)
                obj.refresh_from_db()
                self.assertEqual(getattr(obj, f"{field}_fa"), "نام تازه")

    def test_translator_crafted_english_change_is_refused(self):
        for obj in self.objects():
            with self.subTest(type(obj).__name__):
                field = self.source_field(obj)
                before = getattr(obj, f"{field}_en")
                data = self.open_form(self.translator, obj)
                data[f"{field}_en"] = "Changed"
                data[f"{field}_fa"] = "نام تازه"
                response = self.post_form(self.translator, obj, data)
                self.assertTrue(any("Nothing was saved" in message for message in messages_on(response)))
                obj.refresh_from_db()
                self.assertEqual(getattr(obj, f"{field}_en"), before)
                self.assertNotEqual(getattr(obj, f"{field}_fa"), "نام تازه")

    def test_translator_cannot_add_or_delete(self):
        self.client.force_login(self.translator)
        tag = make_tag()
        for model in (Section, Tag):
            self.assertEqual(self.client.get(reverse(f"admin:articles_{model._meta.model_name}_add")).status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:articles_tag_delete", args=[tag.pk])).status_code, 403)

    def test_author_may_view_but_not_change_sections(self):
        section = make_section()
        self.client.force_login(self.author_user)
        response = self.client.get(self.change_url(section))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="name_en"')


class ChangelistTests(NewsroomAdminTestCase):
    def test_language_columns_show_missing_translation(self):
        make_article(languages=("en",), headline_en="English only")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        row = next(tr for tr in page(response).select("#result_list tbody tr") if "English only" in tr.text)
        self.assertEqual([s.text for s in row.select(".translation-state")], ["up to date", "missing"])

    def test_filter_by_missing_persian(self):
        make_article(languages=("en",), headline_en="English only")
        make_article(headline_en="Both languages")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"), {"translation": "fa:missing"})
        self.assertContains(response, "English only")
        self.assertNotContains(response, "Both languages")

    def test_changelist_queries_do_not_grow_with_the_articles(self):
        self.client.force_login(self.editor)
        url = reverse("admin:articles_article_changelist")
        for _ in range(3):
            make_article(tags=[make_tag()])
        self.client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            self.client.get(url)
        for _ in range(10):
            make_article()
        with CaptureQueriesContext(connection) as many:
            self.client.get(url)
        self.assertEqual(len(few), len(many))
        self.assertLessEqual(len(many), 17)  # 16, and the article types for their filter

    def test_search_finds_persian_headline(self):
        make_article(headline_fa="خشکسالی در دشت", headline_en="Drought on the plain")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"), {"q": "خشکسالی"})
        self.assertContains(response, "Drought on the plain")


class OutdatedFilterTests(NewsroomAdminTestCase):
    def test_filter_by_outdated_persian(self):
        from desk import state

        stale = make_article(headline_en="Stale Persian")
        state.confirm(stale, "fa", by=self.translator)
        stale.body_en = "<p>New facts.</p>"
        stale.save()
        make_article(headline_en="Fresh Persian")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"), {"translation": "fa:outdated"})
        self.assertContains(response, "Stale Persian")
        self.assertNotContains(response, "Fresh Persian")
