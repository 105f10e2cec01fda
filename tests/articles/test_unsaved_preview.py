"""
Preview before saving: an editor fills in the article form, new or changed, presses "Preview English" or
"Preview Persian", and a new tab shows the page as readers would see it from what the form holds now.
Nothing is saved; a form that could not be saved says why; only those who may write the article may look.
"""

import os
import re
import shutil
import tempfile

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from reversion.models import Revision, Version

from articles.models import Article, Byline
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.factories import image_upload, make_article, make_pictured_article, make_section, make_tag, make_user
from tests.pages import JALALI_DATE

from .test_preview import body_blocks, words

NEW_ARTICLE = {
    "headline_en": ["Rivers in retreat"],
    "standfirst_en": ["Why the water table keeps falling."],
    "body_en": ["<h2>What changed</h2><p>The reservoir has fallen for the third year running.</p>"],
    "headline_fa": ["رودهایی که عقب می‌نشینند"],
    "standfirst_fa": ["چرا سطح آب زیرزمینی پایین‌تر می‌رود."],
    "body_fa": ["<h2>چه تغییر کرد</h2><p>آب مخزن برای سومین سال پیاپی پایین رفته است.</p>"],
    "status": ["draft"],
}
PERSIAN_DIGIT = re.compile("[۰-۹]")


def new_preview_url(language: str) -> str:
    return f"{reverse('admin:articles_article_preview_unsaved')}?language={language}"


def saved_preview_url(article, language: str) -> str:
    return f"{reverse('admin:articles_article_preview', args=[article.pk])}?language={language}"


class UnsavedPreviewTestCase(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(translation.deactivate)
        media_root = tempfile.mkdtemp(prefix="newsroom-unsaved-preview-")
        self.addCleanup(shutil.rmtree, media_root, ignore_errors=True)
        media = override_settings(MEDIA_ROOT=media_root)
        media.enable()
        self.addCleanup(media.disable)
        self.media_root = media_root
        self.section = make_section(name_en="Environment", name_fa="محیط زیست")
        self.tag = make_tag(name_en="Water", name_fa="آب")

    def new_article_form(self, user, **changes) -> dict:
        """What the Add article form posts once the editor has filled it in (two bylines, a tag, a section)."""
        self.client.force_login(user)
        data = form_values(self.client.get(reverse("admin:articles_article_add")))
        data.update(NEW_ARTICLE)
        data.update({
            "section": [str(self.section.pk)], "tags": [str(self.tag.pk)],
            "bylines-TOTAL_FORMS": ["2"],
            "bylines-0-author": [str(self.author.pk)], "bylines-0-position": ["0"],
            "bylines-1-author": [str(self.other_author.pk)], "bylines-1-position": ["1"],
        })  # fmt: skip
        data.update(changes)
        return data

    def preview_new(self, user, data, language="en", status=200):
        self.client.force_login(user)
        response = self.client.post(new_preview_url(language), data)
        self.assertEqual(response.status_code, status, response.content[:2000])
        return response

    def preview_changed(self, user, article, data, language="en", status=200):
        self.client.force_login(user)
        response = self.client.post(saved_preview_url(article, language), data)
        self.assertEqual(response.status_code, status, response.content[:2000])
        return response

    def media_files(self) -> list[str]:
        return sorted(
            os.path.relpath(os.path.join(path, name), self.media_root)
            for path, _folders, files in os.walk(self.media_root)
            for name in files
        )

    def stored_state(self) -> dict:
        """Everything a save would leave behind: rows, history, log entries, files."""
        return {
            "articles": list(Article.objects.values_list("pk", "headline_en", "headline_fa", "version", "updated_at")),
            "bylines": list(Byline.objects.values_list("pk", "article_id", "author_id", "position")),
            "tags": list(Article.tags.through.objects.values_list("article_id", "tag_id")),
            "revisions": Revision.objects.count(),
            "versions": Version.objects.count(),
            "log entries": LogEntry.objects.count(),
            "files": [name for name in self.media_files() if not name.startswith("pending/")],
        }


class PreviewOfANewArticleTests(UnsavedPreviewTestCase):
    def test_an_editor_sees_the_new_article_in_english_as_readers_would_before_saving_it(self):
        html = page(self.preview_new(self.editor, self.new_article_form(self.editor), "en"))
        self.assertEqual(html.h1.text, "Rivers in retreat")
        self.assertEqual(words(html.select_one(".article__standfirst")), "Why the water table keeps falling.")
        self.assertEqual(body_blocks(str(html.select_one(".article__body"))), body_blocks(NEW_ARTICLE["body_en"][0]))
        self.assertEqual(words(html.select_one(".byline")), "By Maryam Karimi and Reza Ahmadi")
        self.assertEqual([a.text for a in html.select("nav.tags a")], ["Water"])
        self.assertEqual(html.select_one(".kicker a").text, "Environment")
        self.assertIn("min", html.select_one(".meta__read").text)
        self.assertEqual(
            html.select_one(".preview-banner").text, "Preview of unsaved changes — nothing has been saved or published"
        )
        self.assertEqual((html.html["lang"], html.html["dir"]), ("en", "ltr"))
        self.assertFalse(Article.objects.exists(), "previewing saved the article")

    def test_the_persian_preview_is_right_to_left_with_a_jalali_date_and_persian_digits(self):
        html = page(self.preview_new(self.editor, self.new_article_form(self.editor), "fa"))
        self.assertEqual((html.html["lang"], html.html["dir"]), ("fa", "rtl"))
        self.assertEqual(html.h1.text, "رودهایی که عقب می‌نشینند")
        self.assertEqual(body_blocks(str(html.select_one(".article__body"))), body_blocks(NEW_ARTICLE["body_fa"][0]))
        byline = words(html.select_one(".byline"))
        self.assertIn("مریم کریمی", byline)
        self.assertLess(byline.index("مریم کریمی"), byline.index("رضا احمدی"), "the byline's order was lost")
        self.assertRegex(html.select_one(".article__meta time").text, JALALI_DATE)
        self.assertRegex(html.select_one(".meta__read").text, PERSIAN_DIGIT)
        self.assertEqual(
            html.select_one(".preview-banner").text, "پیش‌نمایش تغییرات ذخیره‌نشده — چیزی ذخیره یا منتشر نشده است"
        )

    def test_the_bylines_follow_the_order_chosen_in_the_form_not_the_order_of_the_rows(self):
        data = self.new_article_form(self.editor, **{"bylines-0-position": ["2"]})
        html = page(self.preview_new(self.editor, data, "en"))
        self.assertEqual(words(html.select_one(".byline")), "By Reza Ahmadi and Maryam Karimi")

    def test_a_byline_row_marked_for_deletion_is_left_out(self):
        data = self.new_article_form(self.editor, **{"bylines-1-DELETE": ["on"]})
        html = page(self.preview_new(self.editor, data, "en"))
        self.assertEqual(words(html.select_one(".byline")), "By Maryam Karimi")

    def test_without_a_language_asked_for_it_shows_the_first_the_form_is_written_in(self):
        data = self.new_article_form(self.editor, headline_en=[""], body_en=[""], standfirst_en=[""])
        self.client.force_login(self.editor)
        html = page(self.client.post(reverse("admin:articles_article_preview_unsaved"), data))
        self.assertEqual(html.html["lang"], "fa")

    def test_hostile_html_in_the_body_is_sanitised_in_the_preview(self):
        hostile = (
            '<p>Before</p><script>window.__xss = 1</script><img src="x" onerror="window.__xss = 1">'
            '<p><a href="javascript:alert(1)">link</a></p><iframe src="https://example.com/"></iframe><p>After</p>'
        )
        html = page(self.preview_new(self.editor, self.new_article_form(self.editor, body_en=[hostile]), "en"))
        body = html.select_one(".article__body")
        self.assertIn("Before", body.text)
        self.assertIn("After", body.text)
        self.assertEqual(body.find_all(["script", "iframe"]), [])
        for element in body.find_all(True):
            self.assertFalse([name for name in element.attrs if name.startswith("on")], element)
            self.assertNotIn("javascript:", element.get("href", ""))
        self.assertEqual(html.find_all("script", src=False, type=lambda t: t != "application/ld+json"), [])


class NothingIsSavedTests(UnsavedPreviewTestCase):
    def test_previewing_a_new_article_writes_no_row_history_log_or_file(self):
        before = self.stored_state()
        self.preview_new(self.editor, self.new_article_form(self.editor, image=image_upload("dam.jpg")), "en")
        self.preview_new(self.editor, self.new_article_form(self.editor), "fa")
        self.assertEqual(self.stored_state(), before)

    def test_previewing_unsaved_edits_leaves_the_stored_article_as_it_was(self):
        article = make_article(published_ago=None, authors=[self.author], tags=[self.tag])
        data = self.open_form(self.editor, article)
        before = self.stored_state()
        data.update({"headline_en": ["Rivers in retreat, revised"], "headline_fa": ["رودها، بازنویسی"],
                     "tags": [], "bylines-0-author": [str(self.other_author.pk)]})  # fmt: skip
        english = page(self.preview_changed(self.editor, article, data, "en"))
        self.assertEqual(english.h1.text, "Rivers in retreat, revised")
        self.assertEqual(words(english.select_one(".byline")), "By Reza Ahmadi")
        self.assertIsNone(english.select_one("nav.tags"))
        self.assertEqual(page(self.preview_changed(self.editor, article, data, "fa")).h1.text, "رودها، بازنویسی")
        self.assertEqual(self.stored_state(), before)
        # The form the editor still has open saves as if no preview had happened.
        response = self.post_form(self.editor, article, data)
        self.assertEqual(response.status_code, 200)
        article.refresh_from_db()
        self.assertEqual(article.headline_en, "Rivers in retreat, revised")
        self.assertEqual(article.version, 1)

    def test_the_saved_preview_still_shows_the_stored_article_after_an_unsaved_preview(self):
        article = make_article(published_ago=None)
        data = self.open_form(self.editor, article)
        data["headline_en"] = ["Not saved"]
        self.preview_changed(self.editor, article, data, "en")
        html = page(self.client.get(saved_preview_url(article, "en")))
        self.assertEqual(html.h1.text, article.headline_en)
        self.assertEqual(html.select_one(".preview-banner").text, "Preview — not published")


class ProblemsInTheFormTests(UnsavedPreviewTestCase):
    def test_a_form_that_could_not_be_saved_lists_its_problems_in_plain_words(self):
        data = self.new_article_form(
            self.editor, section=[""], **{"bylines-TOTAL_FORMS": ["1"], "bylines-0-author": [""]}
        )
        response = self.preview_new(self.editor, data, "en")
        html = page(response)
        problems = [words(item) for item in html.select(".preview-problems li")]
        self.assertIn("Section: This field is required.", problems)
        self.assertTrue(any(problem.startswith("Byline") for problem in problems), problems)
        self.assertEqual(html.h1.text, "The preview cannot be shown yet")
        self.assertIsNotNone(html.select_one(".preview-banner"))
        self.assertIn("noindex", response["X-Robots-Tag"])
        self.assertFalse(Article.objects.exists())

    def test_the_problems_are_in_persian_in_the_persian_admin(self):
        data = self.new_article_form(self.editor, section=[""])
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        html = page(self.preview_new(self.editor, data, "fa"))
        self.assertEqual((html.html["lang"], html.html["dir"]), ("fa", "rtl"))
        self.assertEqual(html.h1.text, "هنوز نمی‌توان پیش‌نمایش را نشان داد")
        self.assertTrue(html.select(".preview-problems li"))

    def test_an_unpublishable_article_says_why_rather_than_failing(self):
        data = self.new_article_form(self.editor, status=["published"], headline_en=[""], headline_fa=[""])
        problems = [words(li) for li in page(self.preview_new(self.editor, data, "en")).select(".preview-problems li")]
        self.assertIn("An article needs a headline and a body in at least one language to be published.", problems)

    def test_tampered_values_are_problems_not_a_500(self):
        data = self.new_article_form(self.editor, section=["abc"], tags=["abc"], part=["-1"])
        self.assertTrue(page(self.preview_new(self.editor, data, "en")).select(".preview-problems li"))


class WhoMayPreviewTests(UnsavedPreviewTestCase):
    def test_an_author_previews_their_new_article_with_their_own_byline(self):
        data = self.new_article_form(self.author_user, **{"bylines-TOTAL_FORMS": ["1"],
                                                          "bylines-0-author": [str(self.other_author.pk)]})  # fmt: skip
        html = page(self.preview_new(self.author_user, data, "en"))
        self.assertEqual(words(html.select_one(".byline")), "By Reza Ahmadi and Maryam Karimi")

    def test_a_translator_previews_their_unsaved_persian(self):
        article = make_article(published_ago=None, authors=[self.author])
        data = self.open_form(self.translator, article)
        data["headline_fa"] = ["ترجمهٔ تازه"]
        html = page(self.preview_changed(self.translator, article, data, "fa"))
        self.assertEqual(html.h1.text, "ترجمهٔ تازه")
        self.assertIn("مریم کریمی", words(html.select_one(".byline")))
        article.refresh_from_db()
        self.assertNotEqual(article.headline_fa, "ترجمهٔ تازه")

    def test_a_translator_may_not_preview_a_new_article(self):
        self.client.force_login(self.translator)
        response = self.client.post(new_preview_url("fa"), {"headline_fa": ["تازه"]})
        self.assertEqual(response.status_code, 403)

    def test_staff_without_article_permissions_get_403(self):
        clerk = make_user("clerk", is_staff=True)
        article = make_article(published_ago=None)
        self.client.force_login(clerk)
        self.assertEqual(self.client.post(new_preview_url("en"), NEW_ARTICLE).status_code, 403)
        response = self.client.post(saved_preview_url(article, "en"), NEW_ARTICLE)
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(article.headline_en, response.content.decode())

    def test_an_author_cannot_preview_changes_to_someone_elses_article(self):
        article = make_article(published_ago=None)
        response = self.preview_changed(self.author_user, article, NEW_ARTICLE, "en", status=404)
        self.assertNotIn(article.headline_en, response.content.decode())

    def test_an_author_cannot_preview_changes_to_their_published_article_they_may_no_longer_change(self):
        article = make_article(authors=[self.author])
        self.preview_changed(self.author_user, article, NEW_ARTICLE, "en", status=403)

    def test_an_anonymous_visitor_is_sent_to_log_in(self):
        response = self.client.post(new_preview_url("en"), NEW_ARTICLE)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("admin:login")))

    def test_a_post_without_the_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.editor)
        data = self.new_article_form(self.editor)
        data.pop("csrfmiddlewaretoken", None)
        self.assertEqual(client.post(new_preview_url("en"), data).status_code, 403)

    def test_the_preview_address_only_takes_a_post(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(new_preview_url("en")).status_code, 405)


class NeverCachedTests(UnsavedPreviewTestCase):
    def test_the_unsaved_preview_is_never_stored_or_indexed(self):
        response = self.preview_new(self.editor, self.new_article_form(self.editor), "fa")
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertLessEqual({"private", "no-store", "no-cache", "max-age=0"}, cache_control)
        self.assertIn("noindex", response["X-Robots-Tag"])
        self.assertIn("Cookie", response["Vary"])
        self.assertIn("noindex", page(response).find("meta", attrs={"name": "robots"})["content"])


class ImagesInTheFormTests(UnsavedPreviewTestCase):
    def pending_files(self) -> list[str]:
        return [name for name in self.media_files() if name.startswith("pending/")]

    def test_an_image_chosen_but_not_saved_is_shown_from_a_preview_copy(self):
        data = self.new_article_form(self.editor, image=image_upload("dam.jpg", size=(2400, 1500)),
                                     image_alt_en=["A dam at dusk"])  # fmt: skip
        html = page(self.preview_new(self.editor, data, "en"))
        img = html.select_one(".article__figure img")
        self.assertEqual(img["alt"], "A dam at dusk")
        [copy] = self.pending_files()
        self.assertTrue(copy.endswith("dam-preview.webp"), copy)
        self.assertEqual(img["src"], default_storage.url(copy))
        self.assertEqual((img["width"], img["height"]), ("1600", "1000"))  # column-sized, not the 2400px upload
        self.assertEqual(self.stored_state()["files"], [], "a preview wrote outside the pending folder")

    def test_an_image_kept_across_an_earlier_error_is_shown_and_stays_kept(self):
        self.client.force_login(self.editor)
        data = self.new_article_form(self.editor, section=[""], image=image_upload("dam.jpg"))
        data = form_values(self.client.post(reverse("admin:articles_article_add"), data))  # the form comes back
        [kept] = self.pending_files()
        data["section"] = [str(self.section.pk)]
        html = page(self.preview_new(self.editor, data, "en"))
        self.assertIsNotNone(html.select_one(".article__figure img"))
        self.assertIn(kept, self.pending_files(), "the preview used up the kept image")
        # The editor's form then saves with the kept image, as if there had been no preview.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("admin:articles_article_add"), data, follow=True)
        self.assertTrue(Article.objects.get().image)

    def test_a_cleared_image_is_not_shown(self):
        article = make_pictured_article(published_ago=None, image=image_upload("dam.jpg"))
        self.assertTrue(article.image_renditions)
        data = self.open_form(self.editor, article)
        data["image-clear"] = ["on"]
        self.assertIsNone(page(self.preview_changed(self.editor, article, data, "en")).select_one(".article__figure"))

    def test_the_saved_image_is_shown_from_its_renditions_when_unchanged(self):
        article = make_pictured_article(published_ago=None, image=image_upload("dam.jpg"))
        data = self.open_form(self.editor, article)
        html = page(self.preview_changed(self.editor, article, data, "en"))
        self.assertIn("renditions/", html.select_one(".article__figure img")["src"])
        self.assertEqual(self.pending_files(), [])


class FindingThePreviewButtonsTests(UnsavedPreviewTestCase):
    def preview_buttons(self, url) -> dict[str, dict]:
        html = page(self.client.get(url))
        form = html.find("form", id=re.compile(r"_form$"))
        return {button["value"]: button.attrs for button in form.select(".preview-row input.preview-button")}

    def test_the_add_form_has_a_preview_button_per_language_that_opens_a_new_tab(self):
        self.client.force_login(self.editor)
        buttons = self.preview_buttons(reverse("admin:articles_article_add"))
        self.assertEqual(list(buttons), ["Preview English", "Preview Persian"])
        for language, button in zip(("en", "fa"), buttons.values(), strict=True):
            self.assertEqual(button["formaction"], new_preview_url(language))
            self.assertEqual((button["formtarget"], button["formmethod"], button["type"]), ("_blank", "post", "submit"))
            self.assertNotIn("name", button, "the button must not add a field to the form")
        # After the save buttons: pressing Enter in a field still saves (the form's default button is its first).
        submits = page(self.client.get(reverse("admin:articles_article_add"))).select("form input[type=submit]")
        self.assertEqual(submits[0]["name"], "_save")

    def test_the_change_form_previews_its_own_article(self):
        article = make_article(published_ago=None)
        self.client.force_login(self.editor)
        buttons = self.preview_buttons(self.change_url(article))
        self.assertEqual([b["formaction"] for b in buttons.values()],
                         [saved_preview_url(article, "en"), saved_preview_url(article, "fa")])  # fmt: skip

    def test_the_buttons_are_in_persian_in_the_persian_admin(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        self.assertEqual(list(self.preview_buttons(reverse("admin:articles_article_add"))),
                         ["پیش‌نمایش انگلیسی", "پیش‌نمایش فارسی"])  # fmt: skip

    def test_a_form_that_cannot_be_changed_has_no_preview_buttons(self):
        article = make_article(authors=[self.author])  # published: its author may look, not change
        self.client.force_login(self.author_user)
        self.assertEqual(self.preview_buttons(self.change_url(article)), {})
