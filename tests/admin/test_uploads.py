"""Only real raster images within bounds are stored; everything else gets a clear form error."""

import io
import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings
from PIL import Image

from core.validators import RasterImageValidator, validate_raster_image
from tests.factories import image_upload, make_article

from .base import NewsroomAdminTestCase, page

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def bomb() -> SimpleUploadedFile:
    """A PNG of a few kilobytes that claims 20,000 × 20,000 pixels."""
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")
    return SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")


class ValidatorTests(SimpleTestCase):
    def assertRefused(self, upload, code):
        with self.assertRaises(ValidationError) as caught:
            validate_raster_image(upload)
        self.assertEqual(caught.exception.code, code)

    def test_jpeg_png_and_webp_pass(self):
        for name, kind in [("a.jpg", "JPEG"), ("a.png", "PNG"), ("a.webp", "WEBP")]:
            with self.subTest(kind):
                validate_raster_image(image_upload(name, format=kind))

    def test_decompression_bomb_is_refused(self):
        self.assertRefused(bomb(), "too_many_pixels")

    def test_svg_is_refused(self):
        self.assertRefused(SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml"), "not_an_image")

    def test_text_file_renamed_jpg_is_refused(self):
        self.assertRefused(SimpleUploadedFile("photo.jpg", b"just some text\n" * 50, content_type="image/jpeg"),
                           "not_an_image")  # fmt: skip

    def test_gif_is_refused(self):
        self.assertRefused(image_upload("a.gif", format="GIF"), "not_an_image")

    def test_truncated_jpeg_is_refused(self):
        upload = image_upload("cut.jpg")
        self.assertRefused(SimpleUploadedFile("cut.jpg", upload.read()[:300], content_type="image/jpeg"),
                           "damaged_image")  # fmt: skip

    def test_oversize_file_is_refused(self):
        validator = RasterImageValidator(max_bytes=10_000)
        with self.assertRaises(ValidationError) as caught:
            validator(_noisy_png())
        self.assertEqual(caught.exception.code, "image_too_large")


def _noisy_png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3)).save(buffer, "PNG")
    return SimpleUploadedFile("noisy.png", buffer.getvalue(), content_type="image/png")


@override_settings(MEDIA_ROOT="/tmp/newsroom-test-media")
class AdminUploadTests(NewsroomAdminTestCase):
    def test_svg_upload_in_the_article_form_shows_an_error_and_saves_nothing(self):
        article = make_article(headline_en="Unchanged")
        data = self.open_form(self.editor, article)
        data["headline_en"] = "Changed"
        data["image"] = SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")
        response = self.post_form(self.editor, article, data)
        errors = page(response).select(".field-image .errorlist li")
        self.assertTrue(errors and "image" in errors[0].text, errors)
        article.refresh_from_db()
        self.assertEqual(article.headline_en, "Unchanged")
        self.assertFalse(article.image)

    def test_fake_jpeg_in_the_author_form_shows_an_error(self):
        from tests.factories import make_author

        author = make_author()
        data = self.open_form(self.editor, author)
        data["avatar"] = SimpleUploadedFile("me.jpg", b"not a picture at all" * 20, content_type="image/jpeg")
        response = self.post_form(self.editor, author, data)
        self.assertTrue(page(response).select(".field-avatar .errorlist li"))
        author.refresh_from_db()
        self.assertFalse(author.avatar)

    def test_decompression_bomb_in_the_series_form_shows_our_error(self):
        from tests.factories import make_series

        series = make_series()
        data = self.open_form(self.editor, series)
        data["cover"] = bomb()
        response = self.post_form(self.editor, series, data)
        errors = page(response).select(".field-cover .errorlist li")
        self.assertTrue(errors, "no error shown for a decompression bomb")
        series.refresh_from_db()
        self.assertFalse(series.cover)

    def test_stored_photo_carries_no_gps_location(self):
        buffer = io.BytesIO()
        exif = Image.Exif()
        exif[0x8825] = {1: "N", 2: (35.0, 41.0, 0.0)}  # GPSInfo: latitude
        exif[0x010F] = "PhoneMaker"
        Image.new("RGB", (300, 200), (10, 20, 30)).save(buffer, "JPEG", exif=exif)
        article = make_article()
        data = self.open_form(self.editor, article)
        data["image"] = SimpleUploadedFile("gps.jpg", buffer.getvalue(), content_type="image/jpeg")
        self.post_form(self.editor, article, data)
        article.refresh_from_db()
        with Image.open(article.image.path) as stored:
            self.assertEqual(dict(stored.getexif()), {})
            self.assertEqual(stored.size, (300, 200))

    def test_real_photo_is_stored(self):
        article = make_article()
        data = self.open_form(self.editor, article)
        data["image"] = image_upload("photo.jpg")
        self.post_form(self.editor, article, data)
        article.refresh_from_db()
        self.assertTrue(article.image.name.endswith(".jpg"))
