"""Featured image renditions: made once on save, stored, stripped of EXIF, replaced with the image."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from PIL import Image

from articles.models import Article
from tests.factories import image_upload, make_article
from tests.pages import TemporaryMediaMixin


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
    def test_saving_an_image_makes_webp_and_jpeg_at_each_width_and_an_open_graph_crop(self):
        article = make_article(image=image_upload(size=(1600, 1000)))
        manifest = Article.objects.get(pk=article.pk).image_renditions
        self.assertEqual([entry[0] for entry in manifest["webp"]], [480, 800, 1200, 1600])
        self.assertEqual([entry[:2] for entry in manifest["jpeg"]], [[480, 300], [800, 500], [1200, 750], [1600, 1000]])
        for width, height, name in manifest["webp"]:
            with default_storage.open(name) as stored, Image.open(stored) as image:
                self.assertEqual((image.format, image.size), ("WEBP", (width, height)))
        with default_storage.open(manifest["og"][2]) as stored, Image.open(stored) as image:
            self.assertEqual((image.format, image.size), ("JPEG", (1200, 630)))

    def test_a_small_image_is_never_enlarged(self):
        article = make_article(image=image_upload(size=(600, 400)))
        self.assertEqual([entry[0] for entry in article.image_renditions["jpeg"]], [480, 600])

    def test_exif_is_stripped_and_orientation_applied(self):
        article = make_article(image=photo_with_exif())
        width, height, name = article.image_renditions["jpeg"][-1]
        self.assertLess(width, height, "the portrait photo is shown upright")
        with default_storage.open(name) as stored, Image.open(stored) as image:
            self.assertEqual(dict(image.getexif()), {})

    def test_renditions_are_made_once_not_on_every_save_or_request(self):
        article = make_article(image=image_upload())
        manifest = article.image_renditions
        article.standfirst_en = "A new standfirst."
        article.save()
        self.client.get(article.url_in("en"))
        self.assertEqual(Article.objects.get(pk=article.pk).image_renditions, manifest)

    def test_replacing_the_image_replaces_its_renditions(self):
        article = make_article(image=image_upload())
        old_names = [entry[2] for entry in article.image_renditions["jpeg"]]
        with self.captureOnCommitCallbacks(execute=True) as deletions:
            article.image.save("second.jpg", ContentFile(image_upload(size=(900, 900)).read()))
            # Until the save commits, the page that still shows the old renditions keeps them.
            self.assertTrue(all(default_storage.exists(name) for name in old_names))
        self.assertTrue(deletions)
        new = Article.objects.get(pk=article.pk).image_renditions
        self.assertTrue(new["source"].endswith(".jpg") and "second" in new["source"])
        self.assertFalse(any(default_storage.exists(name) for name in old_names))
        self.assertEqual(new["jpeg"][-1][:2], [900, 900])

    def test_an_unreadable_image_does_not_break_saving_or_the_page(self):
        broken = SimpleUploadedFile("broken.jpg", b"not an image", content_type="image/jpeg")
        article = make_article(image=broken)
        self.assertFalse(article.renditions)
        self.assertEqual(self.client.get(article.url_in("en")).status_code, 200)

    def test_removing_the_image_forgets_its_renditions(self):
        article = make_article(image=image_upload())
        article.image = None
        article.save()
        self.assertEqual(Article.objects.get(pk=article.pk).image_renditions, {})


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
