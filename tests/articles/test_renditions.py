"""
Featured image renditions: made by the worker after the save (articles/tasks.py), stored, stripped of EXIF,
replaced with the image; until they are made, readers see no picture, never the upload itself.
"""

import io
import os
from unittest import mock

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from PIL import Image

from articles.models import Article
from articles.tasks import make_article_renditions
from core import renditions
from core.renditions import rendition_names
from pagecache.tokens import forget_local_pages
from tests.factories import image_upload, make_article, make_pictured_article
from tests.pages import TemporaryMediaMixin
from tests.tasks import run_queued_tasks


def photo_with_exif(size=(2000, 1200)) -> SimpleUploadedFile:
    """A JPEG carrying camera and GPS-like EXIF, rotated by its Orientation tag (as phones save them)."""
    image = Image.new("RGB", size, (30, 90, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("phone.jpg", buffer.getvalue(), content_type="image/jpeg")


class RenditionTests(TemporaryMediaMixin, TestCase):
    @staticmethod
    def rendition_files(stem: str) -> list[str]:
        folder = os.path.join(default_storage.location, "renditions")
        return [name for _folder, _dirs, names in os.walk(folder) for name in names if name.startswith(stem)]

    def test_the_save_leaves_the_renditions_to_the_worker_which_makes_every_width_and_an_open_graph_crop(self):
        article = make_article(image=image_upload(size=(1600, 1000)))
        stored = Article.objects.get(pk=article.pk)
        self.assertEqual(stored.image_renditions, {"source": article.image.name, "pending": True})
        self.assertEqual(run_queued_tasks(), 1)
        manifest = Article.objects.get(pk=article.pk).image_renditions
        self.assertEqual([entry[0] for entry in manifest["webp"]], [480, 800, 1200, 1600])
        self.assertEqual([entry[:2] for entry in manifest["jpeg"]], [[480, 300], [800, 500], [1200, 750], [1600, 1000]])
        for width, height, name in manifest["webp"]:
            with default_storage.open(name) as stored, Image.open(stored) as image:
                self.assertEqual((image.format, image.size), ("WEBP", (width, height)))
        with default_storage.open(manifest["og"][2]) as stored, Image.open(stored) as image:
            self.assertEqual((image.format, image.size), ("JPEG", (1200, 630)))

    def test_until_the_renditions_are_made_the_page_shows_no_picture_and_never_the_upload(self):
        article = make_article(image=photo_with_exif())
        page = self.client.get(article.url_in("en")).content.decode()
        self.assertNotIn(article.image.name, page)
        self.assertNotIn(article.image.url, page)
        self.assertNotIn("article__figure", page)
        self.assertNotIn("og:image", page)
        run_queued_tasks()
        page = self.client.get(article.url_in("en")).content.decode()
        self.assertIn("article__figure", page)
        self.assertIn("og:image", page)
        self.assertNotIn(article.image.url, page)

    def test_a_small_image_is_never_enlarged(self):
        article = make_pictured_article(image=image_upload(size=(600, 400)))
        self.assertEqual([entry[0] for entry in article.image_renditions["jpeg"]], [480, 600])

    def test_exif_is_stripped_and_orientation_applied(self):
        article = make_pictured_article(image=photo_with_exif())
        width, height, name = article.image_renditions["jpeg"][-1]
        self.assertLess(width, height, "the portrait photo is shown upright")
        with default_storage.open(name) as stored, Image.open(stored) as image:
            self.assertEqual(dict(image.getexif()), {})

    def test_renditions_are_made_once_not_on_every_save_or_request(self):
        article = make_pictured_article(image=image_upload())
        manifest = article.image_renditions
        article.standfirst_en = "A new standfirst."
        article.save()
        self.client.get(article.url_in("en"))
        self.assertEqual(run_queued_tasks(), 0)
        self.assertEqual(Article.objects.get(pk=article.pk).image_renditions, manifest)

    def test_a_task_run_twice_makes_nothing_twice(self):
        article = make_pictured_article(image=image_upload())
        files = set(os.listdir(os.path.dirname(default_storage.path(rendition_names(article.image_renditions)[0]))))
        make_article_renditions.enqueue(article.pk, article.image.name)  # a retry after a commit, a reclaimed run
        self.assertEqual(run_queued_tasks(), 1)
        self.assertEqual(Article.objects.get(pk=article.pk).image_renditions, article.image_renditions)
        folder = os.path.dirname(default_storage.path(rendition_names(article.image_renditions)[0]))
        self.assertEqual(set(os.listdir(folder)), files)

    def test_replacing_the_image_replaces_its_renditions(self):
        article = make_pictured_article(image=image_upload())
        old_names = [entry[2] for entry in article.image_renditions["jpeg"]]
        with self.captureOnCommitCallbacks(execute=True) as deletions:
            article.image.save("second.jpg", ContentFile(image_upload(size=(900, 900)).read()))
            # Until the save commits, the page that still shows the old renditions keeps them.
            self.assertTrue(all(default_storage.exists(name) for name in old_names))
        self.assertTrue(deletions)
        self.assertFalse(any(default_storage.exists(name) for name in old_names))
        self.assertTrue(Article.objects.get(pk=article.pk).image_renditions["pending"])
        self.assertEqual(run_queued_tasks(), 1)
        new = Article.objects.get(pk=article.pk).image_renditions
        self.assertTrue(new["source"].endswith(".jpg") and "second" in new["source"])
        self.assertEqual(new["jpeg"][-1][:2], [900, 900])

    def test_a_task_for_an_image_replaced_since_ends_cleanly_and_the_newer_one_wins(self):
        article = make_article(image=image_upload("first.jpg"))
        article.image.save("second.jpg", ContentFile(image_upload(size=(900, 900)).read()))
        with self.assertLogs("articles.tasks", "INFO") as logs:
            self.assertEqual(run_queued_tasks(), 2)
        self.assertIn("has another image now", "\n".join(logs.output))
        manifest = Article.objects.get(pk=article.pk).image_renditions
        self.assertIn("second", manifest["source"])
        self.assertFalse(any("first" in name for name in rendition_names(manifest)))
        self.assertEqual(self.rendition_files("first"), [])

    def test_an_image_replaced_while_its_renditions_are_made_keeps_none_of_them(self):
        article = make_article(image=image_upload("first.jpg"))
        real = renditions.make_renditions

        def make_then_replace(field_file):
            manifest = real(field_file)
            Article.objects.filter(pk=article.pk).update(image="articles/another.jpg")  # an editor's save, meanwhile
            return manifest

        with (
            self.assertLogs("articles.tasks", "INFO") as logs,
            mock.patch("articles.tasks.make_renditions", make_then_replace),
        ):
            run_queued_tasks()
        self.assertIn("discarded", "\n".join(logs.output))
        self.assertTrue(Article.objects.get(pk=article.pk).image_renditions["pending"])
        self.assertEqual(self.rendition_files("first"), [])

    def test_a_revision_restored_with_its_image_still_pending_gets_its_renditions(self):
        article = make_article(image=image_upload("restored.jpg"))
        saved_while_pending = (article.image.name, article.image_renditions)  # what the history recorded
        article.image.save("later.jpg", ContentFile(image_upload(size=(900, 900)).read()))
        with self.assertLogs("articles.tasks", "INFO"):
            run_queued_tasks()  # the first image's task ends: the article has another image
        article.image, article.image_renditions = saved_while_pending  # the history's restore saves it so
        article.save()
        self.assertEqual(run_queued_tasks(), 1)
        manifest = Article.objects.get(pk=article.pk).image_renditions
        self.assertEqual(manifest["source"], saved_while_pending[0])
        self.assertTrue(manifest["jpeg"])

    def test_a_task_for_a_deleted_article_ends_cleanly(self):
        article = make_article(image=image_upload())
        Article.objects.filter(pk=article.pk).delete()
        with self.assertLogs("articles.tasks", "INFO") as logs:
            self.assertEqual(run_queued_tasks(), 1)
        self.assertIn("was deleted", "\n".join(logs.output))

    def test_an_unreadable_image_does_not_break_saving_the_task_or_the_page(self):
        broken = SimpleUploadedFile("broken.jpg", b"not an image", content_type="image/jpeg")
        article = make_pictured_article(image=broken)
        self.assertEqual(article.image_renditions, {"source": article.image.name})
        self.assertFalse(article.renditions)
        self.assertEqual(self.client.get(article.url_in("en")).status_code, 200)

    def test_removing_the_image_forgets_its_renditions(self):
        article = make_pictured_article(image=image_upload())
        names = rendition_names(article.image_renditions)
        article.image = None
        with self.captureOnCommitCallbacks(execute=True):
            article.save()
        self.assertEqual(Article.objects.get(pk=article.pk).image_renditions, {})
        self.assertFalse(any(default_storage.exists(name) for name in names))
        self.assertEqual(run_queued_tasks(), 0)


@override_settings(PAGE_CACHE_SECONDS=300)
class RenditionsAndThePageCacheTests(TemporaryMediaMixin, TestCase):
    def setUp(self):
        cache.clear()
        forget_local_pages()

    def test_a_cached_page_shows_the_picture_once_the_worker_has_made_it(self):
        article = make_article(image=image_upload(size=(1600, 1000)))
        section = article.section.get_absolute_url()
        for url in (article.url_in("en"), article.url_in("fa"), section):
            self.client.get(url)
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
            self.assertNotContains(self.client.get(url), "<picture")
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        for url in (article.url_in("en"), article.url_in("fa"), section):
            self.assertContains(self.client.get(url), "<picture", msg_prefix=url)


class MakeRenditionsCommandTests(TemporaryMediaMixin, TestCase):
    def test_command_fills_in_renditions_missing_from_older_images(self):
        from io import StringIO

        from django.core.management import call_command

        article = make_article(image=image_upload())
        Article.objects.filter(pk=article.pk).update(image_renditions={})
        output = StringIO()
        call_command("make_renditions", stdout=output)
        self.assertIn("1 article", output.getvalue())
        self.assertTrue(Article.objects.get(pk=article.pk).renditions)
        call_command("make_renditions", stdout=output)
        self.assertIn("Renditions made for 0 article(s).", output.getvalue())

    def test_command_makes_the_renditions_still_waiting_for_the_worker(self):
        from io import StringIO

        from django.core.management import call_command

        article = make_article(image=image_upload())
        call_command("make_renditions", stdout=StringIO())
        self.assertTrue(Article.objects.get(pk=article.pk).renditions)
        self.assertEqual(run_queued_tasks(), 1)  # the save's task finds them made
        self.assertTrue(Article.objects.get(pk=article.pk).renditions)
