"""
A chosen image survives a validation error elsewhere in the form: the form comes back saying it is kept,
with a thumbnail, and the next save uses it (checked, re-encoded, renditions made); a forged reference is
ignored, a new upload replaces the kept one, and kept files no save used are cleared away a day later.
"""

import os
import shutil
import tempfile
import time
from io import StringIO
from unittest import mock

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings
from django.urls import reverse

from articles.models import Article
from core.renditions import rendition_names
from core.validators import without_metadata
from tests.factories import image_upload, make_author, make_section
from tests.tasks import run_queued_tasks

from .base import NewsroomAdminTestCase, form_values, page


class KeptUploadTests(NewsroomAdminTestCase):
    def setUp(self):
        media_root = tempfile.mkdtemp(prefix="newsroom-kept-")
        self.addCleanup(shutil.rmtree, media_root, ignore_errors=True)
        settings_override = override_settings(MEDIA_ROOT=media_root)
        settings_override.enable()
        self.addCleanup(settings_override.disable)
        self.media_root = media_root
        self.section = make_section()
        self.url = reverse("admin:articles_article_add")
        self.client.force_login(self.editor)

    def post_without_section(self, image):
        """Post a new article with an image but no section (a required field): the form comes back."""
        data = form_values(self.client.get(self.url))
        data.update({"headline_en": ["Rivers in retreat"], "body_en": ["<p>Water tables fall.</p>"],
                     "section": [""], "bylines-0-author": [str(self.author.pk)], "bylines-0-position": ["0"],
                     "status": ["draft"], "image": image})  # fmt: skip
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(page(response).select(".field-section .errorlist li"), "the section was not asked for")
        self.assertFalse(Article.objects.exists())
        return response

    def pending_files(self) -> list[str]:
        root = os.path.join(self.media_root, "pending")
        return sorted(os.path.relpath(os.path.join(path, name), self.media_root)
                      for path, _folders, files in os.walk(root) for name in files)  # fmt: skip

    def test_the_form_shown_again_says_the_image_is_kept_with_a_thumbnail(self):
        response = self.post_without_section(image_upload("dam.jpg"))
        html = page(response)
        note = html.select_one(".field-image .kept-upload")
        self.assertIsNotNone(note, "no note that the image is kept")
        self.assertIn("Your image “dam.jpg” is kept; choose another file to replace it.", " ".join(note.text.split()))
        [pending] = self.pending_files()
        self.assertEqual(note.img["src"], default_storage.url(pending))
        self.assertTrue(html.select_one(".field-image input[type=hidden][name=image-kept]")["value"])

    def test_saving_again_without_choosing_the_file_saves_the_kept_image(self):
        upload = image_upload("dam.jpg", size=(1600, 1000))
        expected = without_metadata(image_upload("dam.jpg", size=(1600, 1000))).read()
        data = form_values(self.post_without_section(upload))
        self.assertNotIn("image", data)  # the browser sends no file this time
        data["section"] = [str(self.section.pk)]
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.url, data, follow=True)
        self.assertEqual(response.status_code, 200)
        article = Article.objects.get(headline_en="Rivers in retreat")
        self.assertTrue(article.image.name.startswith("articles/") and article.image.name.endswith(".jpg"))
        with article.image.open("rb") as stored:
            self.assertEqual(stored.read(), expected)
        self.assertTrue(article.renditions.pending)
        change = reverse("admin:articles_article_change", args=[article.pk])
        status = page(self.client.get(change)).select_one(".field-picture_status").get_text(" ", strip=True)
        self.assertIn("Being prepared: readers will see the picture once its sizes are made", status)
        preview = page(self.client.get(reverse("admin:articles_article_preview", args=[article.pk])))
        self.assertIn("The featured image is being prepared for readers", preview.select_one(".preview-banner").text)
        self.assertIsNone(preview.select_one(".article__figure"))
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        status = page(self.client.get(change)).select_one(".field-picture_status").get_text(" ", strip=True)
        self.assertIn("در حال آماده شدن", status)
        self.assertEqual(run_queued_tasks(), 1)
        article = Article.objects.get(pk=article.pk)
        self.assertTrue(rendition_names(article.image_renditions))
        status = page(self.client.get(change)).select_one(".field-picture_status").get_text(" ", strip=True)
        self.assertIn("آماده است", status)
        preview = page(self.client.get(reverse("admin:articles_article_preview", args=[article.pk])))
        self.assertIsNone(preview.select_one(".preview-banner__note"))
        self.assertIsNotNone(preview.select_one(".article__figure picture"))
        self.assertTrue(all(default_storage.exists(name) for name in rendition_names(article.image_renditions)))
        self.assertEqual(self.pending_files(), [], "the kept copy was not removed after the save")

    def test_the_image_stays_kept_through_a_second_error_and_its_reference_keeps_its_age(self):
        data = form_values(self.post_without_section(image_upload("dam.jpg")))
        response = self.client.post(self.url, data)  # the section forgotten again
        self.assertIn("“dam.jpg”", page(response).select_one(".field-image .kept-upload").text)
        # The same reference: re-signing would let it outlive the file clear_pending_uploads deletes after a day.
        self.assertEqual(form_values(response)["image-kept"], data["image-kept"])
        self.assertEqual(len(self.pending_files()), 1)

    def test_a_tampered_reference_is_ignored(self):
        data = form_values(self.post_without_section(image_upload("dam.jpg")))
        reference = data["image-kept"][0]
        forged = signing.dumps("articles/2026/01/someone-elses.jpg", salt="core.kept_uploads:image")
        for bad in [reference[:-2] + "xx", forged, signing.dumps(data["image-kept"][0], salt="other")]:
            with self.subTest(reference=bad[:30]):
                data.update({"section": [str(self.section.pk)], "image-kept": [bad]})
                response = self.client.post(self.url, data, follow=True)
                self.assertEqual(response.status_code, 200)
                article = Article.objects.get()
                self.assertFalse(article.image)
                article.delete()

    def test_a_reference_for_another_field_is_ignored(self):
        data = form_values(self.post_without_section(image_upload("dam.jpg")))
        pending = signing.loads(data["image-kept"][0], salt="core.kept_uploads:image")
        data["image-kept"] = [signing.dumps(pending, salt="core.kept_uploads:avatar")]
        data["section"] = [str(self.section.pk)]
        self.client.post(self.url, data, follow=True)
        self.assertFalse(Article.objects.get().image)

    def test_an_expired_reference_is_ignored(self):
        data = form_values(self.post_without_section(image_upload("dam.jpg")))
        pending = signing.loads(data["image-kept"][0], salt="core.kept_uploads:image")
        a_day_ago = signing.b62_encode(int(time.time()) - 25 * 3600)
        with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=a_day_ago):
            data["image-kept"] = [signing.dumps(pending, salt="core.kept_uploads:image")]
        data["section"] = [str(self.section.pk)]
        response = self.client.post(self.url, data, follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Article.objects.get().image)

    def test_a_second_upload_replaces_the_kept_one(self):
        data = form_values(self.post_without_section(image_upload("first.jpg")))
        data["image"] = image_upload("second.png", format="PNG")
        response = self.client.post(self.url, data)  # still no section: the form comes back again
        self.assertIn("“second.png”", page(response).select_one(".field-image .kept-upload").text)
        data = form_values(response)
        data["section"] = [str(self.section.pk)]
        self.client.post(self.url, data, follow=True)
        article = Article.objects.get()
        self.assertTrue(article.image.name.endswith(".png"), article.image.name)

    def test_the_note_is_in_persian_in_the_persian_admin(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        note = page(self.post_without_section(image_upload("dam.jpg"))).select_one(".field-image .kept-upload")
        self.assertIn("تصویر شما «dam.jpg» نگه داشته شد", " ".join(note.text.split()))

    def test_the_author_form_keeps_an_avatar_too(self):
        author = make_author(name_en="Keeps her photo")
        url = reverse("admin:authors_author_change", args=[author.pk])
        data = form_values(self.client.get(url))
        data.update({"avatar": image_upload("me.jpg"), "email": ["not an address"]})
        html = page(self.client.post(url, data))
        self.assertIsNotNone(html.select_one(".field-avatar .kept-upload"), "no kept avatar after an error")


class ClearPendingUploadsTests(SimpleTestCase):
    def test_old_kept_files_are_deleted_and_fresh_ones_kept(self):
        media_root = tempfile.mkdtemp(prefix="newsroom-kept-")
        self.addCleanup(shutil.rmtree, media_root, ignore_errors=True)
        with override_settings(MEDIA_ROOT=media_root):
            old = default_storage.save("pending/aaaa/old.jpg", ContentFile(b"old"))
            fresh = default_storage.save("pending/bbbb/fresh.jpg", ContentFile(b"fresh"))
            published = default_storage.save("articles/2026/01/kept.jpg", ContentFile(b"published"))
            two_days_ago = time.time() - 2 * 24 * 3600
            os.utime(default_storage.path(old), (two_days_ago, two_days_ago))
            out = StringIO()
            call_command("clear_pending_uploads", stdout=out)
            self.assertFalse(default_storage.exists(old))
            self.assertFalse(os.path.isdir(os.path.join(media_root, "pending", "aaaa")))
            self.assertTrue(default_storage.exists(fresh))
            self.assertTrue(default_storage.exists(published))
            self.assertIn("Deleted 1 kept upload", out.getvalue())
