"""
Takedown: an editor takes an article away from readers in both languages at once, for a reason kept in the
history. Its addresses answer 410 Gone with a short notice (or the legal notice written for them), it leaves
every list, feed, sitemap, search and related-articles box at once, the cached pages showing it go stale,
and its pictures are no longer served from public media. It can be restored.
"""

import logging
import shutil
import tempfile
from datetime import timedelta
from unittest import mock

import reversion
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.storage import default_storage, storages
from django.db import connection
from django.http import Http404
from django.test import RequestFactory, override_settings, skipUnlessDBFeature
from django.urls import reverse
from django.utils import timezone, translation
from django.views.static import serve
from django_tasks_db.models import DBTaskResult
from reversion.models import Version

from articles.models import Article
from articles.services import Outcome, publish_article, restore_article, schedule_article, take_down_article
from core.renditions import rendition_names
from pagecache.tokens import forget_local_pages
from tests.admin.base import NewsroomAdminTestCase
from tests.factories import (
    image_upload,
    make_article,
    make_author,
    make_pictured_article,
    make_section,
    make_series,
    make_tag,
    make_user,
)
from tests.pages import Page, ReaderTestCase
from tests.tasks import run_queued_tasks

REASON = "Court order 2026/114: the claims about the contractor are under appeal."


def quiet_gone_pages(testcase) -> None:
    """Django logs every 410 answer as a warning ("Gone: …"): expected here, so kept out of the output."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    testcase.addCleanup(logger.setLevel, level)


class TakedownTestCase(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", groups=["Editor"], is_staff=True)
        cls.author = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی")
        cls.tag = make_tag(name_en="Water", name_fa="آب")
        cls.section = make_section(name_en="Environment", name_fa="محیط زیست")
        cls.article = make_article(
            headline_en="The dam that drained a lake",
            headline_fa="سدی که دریاچه را خشکاند",
            section=cls.section,
            tags=[cls.tag],
            authors=[cls.author],
        )

    def setUp(self):
        super().setUp()
        self.enterContext(translation.override("en"))
        quiet_gone_pages(self)

    def take_down(self, article=None, **kwargs):
        kwargs.setdefault("reason", REASON)
        with self.captureOnCommitCallbacks(execute=True):
            return take_down_article(article=article or self.article, by=self.editor, **kwargs)

    def restore(self, article=None):
        with self.captureOnCommitCallbacks(execute=True):
            return restore_article(article=article or self.article, by=self.editor)

    def stored(self, article=None) -> Article:
        return Article.objects.get(pk=(article or self.article).pk)

    def page(self, url) -> Page:
        return Page(self.client.get(url))


class GoneForReadersTests(TakedownTestCase):
    def test_both_languages_answer_410_gone_with_a_short_notice_in_the_pages_language(self):
        english_url, persian_url = self.article.url_in("en"), self.article.url_in("fa")
        result = self.take_down()
        self.assertEqual(result.outcome, Outcome.TAKEN_DOWN)

        english = self.page(english_url)
        self.assertEqual(english.response.status_code, 410)
        self.assertEqual(english.html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(english.text("h1"), "This article has been removed")
        self.assertIn("no longer available in any language", english.text("main"))
        self.assertEqual(english.meta("robots"), ["noindex"])
        self.assertEqual(english.response["X-Robots-Tag"], "noindex")
        self.assertNotIn("The dam that drained a lake", english.response.content.decode())

        persian = self.page(persian_url)
        self.assertEqual(persian.response.status_code, 410)
        self.assertEqual(persian.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(persian.text("h1"), "این مقاله برداشته شده است")
        self.assertIn("خطای ۴۱۰", persian.text("main"))
        self.assertEqual(persian.meta("robots"), ["noindex"])
        self.assertNotIn("سدی که دریاچه را خشکاند", persian.response.content.decode())

    def test_the_legal_notice_written_for_each_language_replaces_the_short_one_and_is_never_markup(self):
        self.take_down(
            legal_notice={
                "en": "Removed under a court order.\n<script>alert(1)</script>",
                "fa": "به حکم دادگاه برداشته شد.",
            }
        )
        english = self.page(self.article.url_in("en"))
        self.assertIn("Removed under a court order.", english.text(".takedown-notice"))
        self.assertNotIn("no longer available in any language", english.text("main"))
        self.assertEqual(english.select(".takedown-notice script"), [])
        self.assertIn("&lt;script&gt;", english.response.content.decode())
        persian = self.page(self.article.url_in("fa"))
        self.assertEqual(persian.text(".takedown-notice"), "به حکم دادگاه برداشته شد.")

    def test_one_notice_given_as_text_is_shown_in_both_languages(self):
        self.take_down(legal_notice="Removed at the request of the court.")
        for language in ("en", "fa"):
            page = self.page(self.article.url_in(language))
            self.assertEqual(page.text(".takedown-notice"), "Removed at the request of the court.")

    def test_a_withdrawn_article_still_answers_404_and_an_unknown_address_too(self):
        self.take_down()
        self.assertEqual(self.client.get("/en/articles/no-such-article/").status_code, 404)


class GoneEverywhereTests(TakedownTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.series = make_series(title_en="Vanishing lakes", title_fa="دریاچه‌های ناپدید")
        cls.article.series, cls.article.part = cls.series, 1
        cls.article.save()
        # A sibling sharing its section, tag, author and series: its page lists the article as related.
        cls.sibling = make_article(
            headline_en="Where the river went",
            headline_fa="رود کجا رفت",
            section=cls.section,
            tags=[cls.tag],
            authors=[cls.author],
            series=cls.series,
            part=2,
            published_ago=timedelta(hours=2),
        )

    def reader_pages(self, language: str) -> dict[str, str]:
        with translation.override(language):
            return {
                "home": reverse("articles:home"),
                "section": self.section.get_absolute_url(),
                "tag": self.tag.get_absolute_url(),
                "author": self.author.get_absolute_url(),
                "series": self.series.get_absolute_url(),
                "related (the sibling's page)": self.sibling.url_in(language),
                "search": reverse("search:results") + "?q=" + ("dam" if language == "en" else "سد"),
                "feed": reverse("discovery:latest-rss"),
                "section feed": reverse("discovery:section-atom", kwargs={"slug": self.section.slug_in(language)}),
            }

    def test_it_leaves_every_list_feed_search_and_related_box_in_both_languages_and_comes_back_on_restore(self):
        # Its address, not its headline: search results mark the words found inside the headline.
        headlines = {language: self.article.url_in(language) for language in ("en", "fa")}
        for language, headline in headlines.items():
            for name, url in self.reader_pages(language).items():
                with self.subTest("before", language=language, page=name):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(headline, response.content.decode())
        self.take_down()
        for language, headline in headlines.items():
            for name, url in self.reader_pages(language).items():
                with self.subTest("taken down", language=language, page=name):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn(headline, response.content.decode())
                    self.assertNotIn(getattr(self.article, f"headline_{language}"), response.content.decode())
        self.restore()
        for language, headline in headlines.items():
            for name, url in self.reader_pages(language).items():
                with self.subTest("restored", language=language, page=name):
                    self.assertIn(headline, self.client.get(url).content.decode())

    def test_it_leaves_the_sitemaps(self):
        sitemaps = [f"/sitemap-{kind}-{language}.xml" for kind in ("articles", "news") for language in ("en", "fa")]
        before = "".join(self.client.get(url).content.decode() for url in sitemaps)
        self.assertIn(self.article.url_in("fa"), before)
        self.take_down()
        after = "".join(self.client.get(url).content.decode() for url in sitemaps)
        self.assertNotIn(self.article.url_in("en"), after)
        self.assertNotIn(self.article.url_in("fa"), after)
        self.assertIn(self.sibling.url_in("fa"), after)

    @skipUnlessDBFeature("supports_transactions")
    def test_the_list_counts_kept_by_postgresql_drop_and_come_back(self):
        if connection.vendor != "postgresql":
            self.skipTest("The counts are kept by PostgreSQL's triggers (migrations 0012, 0013).")
        scopes = [("home", 0), ("section", self.section.pk), ("tag", self.tag.pk), ("author", self.author.pk)]

        def counts():
            return {
                (scope, language): Article.objects.kept_count(language, scope=scope, object_id=pk)
                for scope, pk in scopes
                for language in ("en", "fa")
            }

        before = counts()
        self.assertEqual(set(before.values()), {2})
        self.take_down()
        self.assertEqual(counts(), dict.fromkeys(before, 1))
        self.take_down()  # a second takedown changes nothing, the counts included
        self.assertEqual(counts(), dict.fromkeys(before, 1))
        self.restore()
        self.assertEqual(counts(), before)


class HistoryAndBadInputTests(TakedownTestCase):
    def test_the_reason_is_kept_in_the_history_with_who_took_it_down(self):
        self.take_down()
        stored = self.stored()
        self.assertEqual(stored.status, Article.Status.TAKEN_DOWN)
        self.assertEqual(stored.takedown_reason, REASON)
        self.assertEqual(stored.taken_down_by, self.editor)
        self.assertIsNotNone(stored.taken_down_at)
        revision = Version.objects.get_for_object(stored).first().revision
        self.assertEqual(revision.comment, f"Taken down: {REASON}")
        self.assertEqual(revision.user, self.editor)
        self.restore()
        comments = [v.revision.comment for v in Version.objects.get_for_object(stored)]
        self.assertEqual(comments[:2], ["Restored", f"Taken down: {REASON}"])

    def test_taking_down_an_article_already_taken_down_says_so_and_changes_nothing(self):
        self.take_down()
        before = self.stored()
        result = self.take_down(reason="Another reason")
        self.assertEqual(result.outcome, Outcome.UNCHANGED)
        self.assertEqual(str(result.reason), "It is already taken down: nothing was changed.")
        with translation.override("fa"):
            self.assertEqual(str(result.reason), "این مقاله از پیش برداشته شده است: چیزی تغییر نکرد.")
        after = self.stored()
        self.assertEqual(
            (after.version, after.takedown_reason, after.taken_down_at),
            (before.version, REASON, before.taken_down_at),
        )
        self.assertEqual(Version.objects.get_for_object(after).count(), 1)

    def test_an_empty_reason_is_refused_and_changes_nothing(self):
        for reason in ("", "   \n "):
            result = self.take_down(reason=reason)
            self.assertEqual(result.outcome, Outcome.REFUSED)
            self.assertEqual(str(result.reason), "Give the reason for the takedown: it is kept in the history.")
        stored = self.stored()
        self.assertEqual((stored.status, stored.version), (Article.Status.PUBLISHED, self.article.version))
        self.assertEqual(self.client.get(self.article.url_in("en")).status_code, 200)

    def test_an_overlong_reason_or_notice_is_refused(self):
        self.assertEqual(self.take_down(reason="x" * 5001).outcome, Outcome.REFUSED)
        self.assertEqual(self.take_down(legal_notice={"fa": "x" * 5001}).outcome, Outcome.REFUSED)
        self.assertEqual(self.stored().status, Article.Status.PUBLISHED)

    def test_a_draft_is_not_taken_down_and_an_article_not_taken_down_is_not_restored(self):
        draft = make_article(published_ago=None)
        result = self.take_down(draft)
        self.assertEqual(result.outcome, Outcome.UNCHANGED)
        self.assertEqual(str(result.reason), "Only a published or scheduled article can be taken down.")
        self.assertEqual(self.stored(draft).status, Article.Status.DRAFT)
        result = self.restore(draft)
        self.assertEqual(result.outcome, Outcome.UNCHANGED)
        self.assertEqual(self.stored(draft).status, Article.Status.DRAFT)

    def test_publishing_or_scheduling_does_not_bring_it_back_only_a_restore_does(self):
        self.take_down()
        for result in (
            publish_article(article=self.article, by=self.editor),
            schedule_article(article=self.article, by=self.editor, publish_at=timezone.now() + timedelta(days=1)),
        ):
            self.assertEqual(result.outcome, Outcome.UNCHANGED)
            self.assertEqual(str(result.reason), "It is taken down: restore it to publish it again.")
        self.assertEqual(self.stored().status, Article.Status.TAKEN_DOWN)
        self.assertEqual(self.client.get(self.article.url_in("fa")).status_code, 410)

    def test_restoring_publishes_it_again_at_its_first_publication_time(self):
        published_at = self.stored().publish_at
        self.take_down()
        result = self.restore()
        self.assertEqual(result.outcome, Outcome.RESTORED)
        stored = self.stored()
        self.assertEqual((stored.status, stored.publish_at), (Article.Status.PUBLISHED, published_at))
        self.assertEqual((stored.takedown_reason, stored.takedown_notice, stored.taken_down_at), ("", {}, None))
        for language in ("en", "fa"):
            self.assertEqual(self.client.get(self.article.url_in(language)).status_code, 200)


@override_settings(PAGE_CACHE_SECONDS=300)
class CachedCopiesTests(TakedownTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        forget_local_pages()

    def test_every_cached_page_showing_it_is_stale_at_once(self):
        pages = [self.article.url_in("en"), self.article.url_in("fa"), reverse("articles:home"),
                 self.section.get_absolute_url(), self.tag.get_absolute_url()]  # fmt: skip
        for url in pages:
            self.client.get(url)
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit", url)
        self.take_down()
        for url in pages:
            response = self.client.get(url)
            self.assertNotEqual(response.get("X-Page-Cache"), "hit", url)
            self.assertNotIn("The dam that drained a lake", response.content.decode(), url)
        # The 410 itself is never stored: a restore is seen at once.
        gone = self.client.get(self.article.url_in("en"))
        self.assertEqual((gone.status_code, gone.get("X-Page-Cache")), (410, None))
        self.assertIn("no-cache", gone["Cache-Control"])
        self.assertFalse(gone.has_header("Surrogate-Key"))

    @override_settings(EDGE_PURGER="varnish", EDGE_VARNISH_URLS=["http://127.0.0.1:9"])
    def test_the_edge_is_asked_to_purge_the_articles_pages_and_lists(self):
        DBTaskResult.objects.all().delete()
        self.take_down()
        purged = {
            key for r in DBTaskResult.objects.filter(task_path="edge.tasks.purge") for key in r.args_kwargs["args"][0]
        }
        self.assertTrue({f"article:{self.article.pk}", "home", "feeds", "sitemaps", f"tag:{self.tag.pk}"} <= purged)


class WithheldImagesTests(TakedownTestCase):
    """The picture's files leave public media (what nginx and the edge serve as MEDIA_URL)."""

    @classmethod
    def setUpClass(cls):
        cls._media_root = tempfile.mkdtemp(prefix="newsroom-media-")
        cls._withheld_root = tempfile.mkdtemp(prefix="newsroom-withheld-")
        withheld = {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": cls._withheld_root, "base_url": None}}  # fmt: skip
        cls._media_override = override_settings(
            MEDIA_ROOT=cls._media_root, STORAGES={**settings.STORAGES, "withheld": withheld}
        )
        cls._media_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls._media_override.disable()
        shutil.rmtree(cls._media_root, ignore_errors=True)
        shutil.rmtree(cls._withheld_root, ignore_errors=True)

    def setUp(self):
        super().setUp()
        self.pictured = make_pictured_article(image=image_upload("protest.jpg"), image_alt_en="A crowd")
        self.names = [*rendition_names(self.pictured.image_renditions), self.pictured.image.name]

    def served(self, name: str) -> int:
        """What the web server answers for a file's public address (MEDIA_URL on MEDIA_ROOT)."""
        url = default_storage.url(name)
        self.assertTrue(url.startswith(settings.MEDIA_URL))
        try:
            return serve(RequestFactory().get(url), url.removeprefix(settings.MEDIA_URL),
                         document_root=settings.MEDIA_ROOT).status_code  # fmt: skip
        except Http404:
            return 404

    def test_its_renditions_and_upload_are_no_longer_served_and_come_back_on_restore(self):
        self.assertGreater(len(self.names), 2)
        self.assertEqual({self.served(name) for name in self.names}, {200})
        page = self.page(self.pictured.url_in("en"))
        self.assertTrue(page.select("picture img"))

        self.take_down(self.pictured)
        self.assertEqual({self.served(name) for name in self.names}, {404})
        self.assertTrue(storages["withheld"].exists(self.pictured.image.name), "kept, for a restore")
        stored = self.stored(self.pictured)
        self.assertEqual(stored.image.name, self.pictured.image.name)
        self.assertFalse(stored.renditions)
        self.assertEqual(run_queued_tasks(), 0, "no renditions are made while it is taken down")

        self.restore(self.pictured)
        self.assertEqual(self.served(self.pictured.image.name), 200)
        self.assertTrue(self.stored(self.pictured).renditions.pending)
        self.assertEqual(run_queued_tasks(), 1)  # the worker makes its renditions again
        stored = self.stored(self.pictured)
        self.assertEqual({self.served(name) for name in rendition_names(stored.image_renditions)}, {200})
        self.assertFalse(storages["withheld"].exists(self.pictured.image.name))
        self.assertTrue(self.page(self.pictured.url_in("en")).select("picture img"))

    def test_the_edge_is_asked_to_forget_the_image_addresses(self):
        with mock.patch("edge.receivers.enqueue_on_commit") as enqueue, self.settings(EDGE_PURGER="varnish"):
            self.take_down(self.pictured)
        keys = {key for call in enqueue.call_args_list for key in call.args[1]}
        self.assertTrue({f"media:{default_storage.url(name)}" for name in self.names} <= keys)

    def test_a_takedown_that_fails_leaves_the_files_where_they_were(self):
        with mock.patch("articles.models.Article.save", side_effect=RuntimeError("database went away")):
            with self.assertRaises(RuntimeError), self.captureOnCommitCallbacks(execute=True):
                take_down_article(article=self.pictured, by=self.editor, reason=REASON)
        self.assertEqual({self.served(name) for name in self.names}, {200})
        self.assertFalse(storages["withheld"].exists(self.pictured.image.name))
        self.assertEqual(self.stored(self.pictured).status, Article.Status.PUBLISHED)


class TakedownAdminTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article(headline_en="The dam that drained a lake", authors=[self.author])
        quiet_gone_pages(self)  # and the refusals (403), which the refusal tests check are logged

    def takedown_url(self):
        return reverse("admin:articles_article_takedown", args=[self.article.pk])

    def restore_url(self):
        return reverse("admin:articles_article_restore", args=[self.article.pk])

    def stored(self) -> Article:
        return Article.objects.get(pk=self.article.pk)

    def test_an_editor_takes_it_down_from_the_change_form_with_a_reason_and_restores_it(self):
        self.client.force_login(self.editor)
        form_page = Page(self.client.get(self.change_url(self.article)))
        link = form_page.one("a.takedown-link")
        self.assertEqual((link.get_text(strip=True), link["href"]), ("Take down", self.takedown_url()))
        takedown_form = Page(self.client.get(self.takedown_url()))
        self.assertEqual(takedown_form.one("textarea[name=notice_fa]")["dir"], "rtl")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.takedown_url(), {"reason": REASON, "notice_en": "Removed by court order."},
                                        follow=True)  # fmt: skip
        page = Page(response)
        self.assertIn("Taken down", page.text("ul.messagelist"))
        self.assertEqual(page.one("a.takedown-link").get_text(strip=True), "Restore")
        self.assertEqual(self.stored().status, Article.Status.TAKEN_DOWN)
        self.assertEqual(self.stored().takedown_notice, {"en": "Removed by court order."})
        self.assertEqual(self.client.get(self.article.url_in("en")).status_code, 410)

        history = self.client.get(reverse("admin:articles_article_history", args=[self.article.pk]))
        self.assertContains(history, f"Taken down: {REASON}")

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.restore_url(), follow=True)
        self.assertIn("Restored", Page(response).text("ul.messagelist"))
        self.assertEqual(self.stored().status, Article.Status.PUBLISHED)

    def test_the_form_and_its_buttons_are_in_persian_in_the_persian_admin(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        page = Page(self.client.get(self.change_url(self.article)))
        self.assertEqual(page.one("a.takedown-link").get_text(strip=True), "برداشتن مقاله")
        form = Page(self.client.get(self.takedown_url()))
        self.assertIn("دلیل", form.text("label[for=id_reason]"))
        self.assertEqual(form.one("input[type=submit]")["value"], "برداشتن در همهٔ زبان‌ها")

    def test_an_empty_reason_shows_an_error_and_changes_nothing(self):
        self.client.force_login(self.editor)
        response = self.client.post(self.takedown_url(), {"reason": "  ", "notice_en": "Removed."})
        self.assertEqual(response.status_code, 200)
        page = Page(response)
        self.assertIn("Give the reason for the takedown", page.text(".errorlist"))
        self.assertEqual(page.one("textarea[name=notice_en]").get_text().strip(), "Removed.")  # kept for another try
        self.assertEqual(self.stored().status, Article.Status.PUBLISHED)

    def test_a_second_takedown_posted_says_it_is_already_taken_down(self):
        self.client.force_login(self.editor)
        self.client.post(self.takedown_url(), {"reason": REASON})
        version = self.stored().version
        response = self.client.post(self.takedown_url(), {"reason": "Again"}, follow=True)
        self.assertIn("It is already taken down: nothing was changed.", Page(response).text("ul.messagelist"))
        self.assertEqual((self.stored().version, self.stored().takedown_reason), (version, REASON))

    def test_authors_and_translators_are_refused_whatever_they_post(self):
        for user in (self.author_user, self.translator, self.en_translator):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                page = Page(self.client.get(self.change_url(self.article)))
                self.assertEqual(page.select("a.takedown-link"), [])
                with self.assertLogs("django.request", "WARNING") as refusals:
                    self.assertEqual(self.client.post(self.takedown_url(), {"reason": REASON}).status_code, 403)
                    self.assertEqual(self.client.get(self.takedown_url()).status_code, 403)
                self.assertEqual(len(refusals.records), 2)
                self.assertEqual(self.stored().status, Article.Status.PUBLISHED)
        self.client.force_login(self.editor)
        self.client.post(self.takedown_url(), {"reason": REASON})
        for user in (self.author_user, self.translator):
            with self.subTest("restore", user=user.username):
                self.client.force_login(user)
                with self.assertLogs("django.request", "WARNING"):
                    self.assertEqual(self.client.post(self.restore_url()).status_code, 403)
                self.assertEqual(self.stored().status, Article.Status.TAKEN_DOWN)

    def test_a_staff_member_given_only_the_change_permission_is_refused(self):
        clerk = make_user("clerk", is_staff=True)
        clerk.user_permissions.add(*Permission.objects.filter(codename__in=["change_article", "view_article"]))
        self.client.force_login(clerk)
        with self.assertLogs("django.request", "WARNING"):
            self.assertEqual(self.client.post(self.takedown_url(), {"reason": REASON}).status_code, 403)
        self.assertEqual(self.stored().status, Article.Status.PUBLISHED)

    def test_the_status_field_cannot_take_it_down_or_bring_it_back(self):
        self.client.force_login(self.editor)
        page = Page(self.client.get(self.change_url(self.article)))
        self.assertNotIn("taken_down", [option["value"] for option in page.select("select[name=status] option")])
        self.client.post(self.takedown_url(), {"reason": REASON})
        values = self.open_form(self.editor, self.article)
        values["status"] = Article.Status.PUBLISHED
        self.post_form(self.editor, self.article, values)
        self.assertEqual(self.stored().status, Article.Status.TAKEN_DOWN)

    def test_reverting_to_a_version_from_before_the_takedown_is_refused(self):
        with reversion.create_revision():
            self.article.save()  # a version of it as published
        published = Version.objects.get_for_object(self.article).get()
        self.client.force_login(self.editor)
        self.client.post(self.takedown_url(), {"reason": REASON})
        url = reverse("admin:articles_article_revision", args=[self.article.pk, published.pk])
        values = self.open_form(self.editor, self.article)
        response = self.client.post(url, {**values, "status": Article.Status.PUBLISHED}, follow=True)
        self.assertIn("restore it first", Page(response).text("ul.messagelist"))
        self.assertEqual(self.stored().status, Article.Status.TAKEN_DOWN)

    def test_a_scheduled_article_can_be_taken_down_too(self):
        self.article.publish_at = timezone.now() + timedelta(days=1)
        self.article.save()
        self.client.force_login(self.editor)
        self.client.post(self.takedown_url(), {"reason": REASON})
        self.assertEqual(self.stored().status, Article.Status.TAKEN_DOWN)
