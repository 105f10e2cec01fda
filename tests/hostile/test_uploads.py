"""
Hostile uploads into every image field (featured image, author avatar, series cover), through the admin:
each is refused with an error next to the field, nothing reaches MEDIA_ROOT and nothing else of the
form is saved. tests/admin/test_uploads.py checks the validator itself and one field per kind.
"""

import functools
import io
import os
import random
import shutil
import tempfile

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from articles.models import Article
from authors.models import Author
from core.validators import MAX_UPLOAD_BYTES, RasterImageFormField, validate_raster_image
from series.models import Series
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.factories import image_upload, make_article, make_author, make_series

SCRIPT = b"<script>alert(1)</script>"
PHP = b"<?php system($_GET['c']); ?>"


@functools.cache
def _png(mode: str, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


@functools.cache
def _jpeg(size=(400, 300), comment: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 150)).save(buffer, "JPEG", comment=comment)
    return buffer.getvalue()


@functools.cache
def _undecodable_jpeg() -> bytes:
    """A JPEG whose header is whole (Pillow opens and verifies it) but whose image data cannot be decoded."""
    image = _jpeg()
    scan = image.index(b"\xff\xda")
    header = image[: scan + 2 + int.from_bytes(image[scan + 2 : scan + 4], "big")]
    return header + random.Random(14).randbytes(3000) + b"\xff\xd9"  # a seed whose bytes libjpeg rejects


@functools.cache
def _noise_png() -> bytes:
    """A real PNG just over the size limit: random pixels, stored uncompressed (cheap to make)."""
    side = int((MAX_UPLOAD_BYTES / 3) ** 0.5) + 20
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


# Each kind of hostile file: (file name, content type the browser claims, bytes) built on first use.
HOSTILE_UPLOADS = {
    "decompression bomb (a small PNG declaring 20,000 × 20,000 pixels)": lambda: (
        "bomb.png", "image/png", _png("1", (20_000, 20_000))),
    "50-megapixel image": lambda: ("huge.png", "image/png", _png("1", (10_000, 5_000))),
    "SVG with a script": lambda: (
        "logo.svg", "image/svg+xml",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'),
    "SVG renamed .jpg": lambda: ("logo.jpg", "image/jpeg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
                                 b"</script></svg>"),
    "PHP and HTML renamed .jpg": lambda: ("shell.jpg", "image/jpeg", b"<html>" + PHP + SCRIPT + b"</html>"),
    "GIF/PHP/HTML polyglot renamed .jpg": lambda: ("poly.jpg", "image/jpeg", b"GIF89a\x01\x00\x01\x00" + PHP + SCRIPT),
    "truncated JPEG": lambda: ("cut.jpg", "image/jpeg", _jpeg()[:400]),
    # Both pass Pillow's verify(), which hardly looks into a JPEG: only decoding finds them (a 500 before).
    "JPEG cut short in its image data": lambda: ("half.jpg", "image/jpeg", _jpeg()[: len(_jpeg()) // 2]),
    "JPEG header followed by undecodable image data": lambda: ("noise.jpg", "image/jpeg", _undecodable_jpeg()),
    "JPEG header followed by garbage": lambda: ("garbage.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + os.urandom(2000)),
    "file over the size limit": lambda: ("big.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(MAX_UPLOAD_BYTES)),
    "real photo over the size limit": lambda: ("noise.png", "image/png", _noise_png()),
    "empty file": lambda: ("empty.jpg", "image/jpeg", b""),
}  # fmt: skip

IMAGE_FIELDS = {Article: "image", Author: "avatar", Series: "cover"}
TEXT_FIELD = {Article: "headline_en", Author: "name_en", Series: "title_en"}


class HostileUploadTests(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.media_root = tempfile.mkdtemp(prefix="newsroom-hostile-media-")
        self.addCleanup(shutil.rmtree, self.media_root, ignore_errors=True)
        media = override_settings(MEDIA_ROOT=self.media_root)
        media.enable()
        self.addCleanup(media.disable)
        self.objects = [make_article(headline_en="Unchanged"), make_author(name_en="Unchanged"),
                        make_series(title_en="Unchanged")]  # fmt: skip

    def stored_files(self) -> list[str]:
        return [os.path.join(folder, name) for folder, _dirs, names in os.walk(self.media_root) for name in names]

    def test_every_hostile_file_is_refused_in_every_image_field_and_nothing_is_saved(self):
        forms = {obj: self.open_form(self.editor, obj) for obj in self.objects}
        for kind, build in HOSTILE_UPLOADS.items():
            name, content_type, content = build()
            for obj, data in forms.items():
                model, field = type(obj), IMAGE_FIELDS[type(obj)]
                with self.subTest(kind=kind, field=f"{model.__name__}.{field}"):
                    posted = {**data, TEXT_FIELD[model]: ["Changed"]}
                    posted[field] = SimpleUploadedFile(name, content, content_type=content_type)
                    response = self.post_form(self.editor, obj, posted, follow=False)
                    self.assertEqual(response.status_code, 200, "the upload was accepted")
                    errors = page(response).select(f".field-{field} .errorlist li")
                    self.assertTrue(errors, "no error shown next to the image field")
                    obj.refresh_from_db()
                    self.assertEqual(getattr(obj, TEXT_FIELD[model]), "Unchanged")
                    self.assertEqual(obj.version, 0)
                    self.assertFalse(getattr(obj, field))
                    self.assertEqual(self.stored_files(), [])

    def test_the_errors_say_what_was_wrong(self):
        data = self.open_form(self.editor, self.objects[0])
        expected = {
            "decompression bomb (a small PNG declaring 20,000 × 20,000 pixels)": "megapixels",
            "50-megapixel image": "megapixels",
            "SVG with a script": "not a JPEG, PNG or WebP",
            "truncated JPEG": "damaged or incomplete",
            "JPEG cut short in its image data": "damaged or incomplete",
            "JPEG header followed by undecodable image data": "damaged or incomplete",
            "real photo over the size limit": "at most 5.0\xa0MB",
        }
        for kind, words in expected.items():
            with self.subTest(kind=kind):
                name, content_type, content = HOSTILE_UPLOADS[kind]()
                upload = SimpleUploadedFile(name, content, content_type)
                response = self.post_form(self.editor, self.objects[0], {**data, "image": upload})
                self.assertIn(words, page(response).select_one(".field-image .errorlist").get_text())

    def test_adding_an_object_with_a_hostile_image_creates_nothing(self):
        self.client.force_login(self.editor)
        name, content_type, content = HOSTILE_UPLOADS["GIF/PHP/HTML polyglot renamed .jpg"]()
        for model, field in IMAGE_FIELDS.items():
            with self.subTest(model=model.__name__):
                url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
                data = form_values(self.client.get(url))
                data[TEXT_FIELD[model]] = ["New"]
                data[field] = SimpleUploadedFile(name, content, content_type=content_type)
                before = model.objects.count()
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(model.objects.count(), before)
        self.assertEqual(self.stored_files(), [])

    def test_a_real_jpeg_carrying_php_and_html_is_stored_re_encoded_without_them(self):
        """A true polyglot is a valid image: it is kept, but as fresh pixels, so the payload never reaches disk."""
        article = self.objects[0]
        data = self.open_form(self.editor, article)
        data["image"] = SimpleUploadedFile("photo.jpg", _jpeg(comment=PHP + SCRIPT), content_type="image/jpeg")
        self.assertIn(PHP, _jpeg(comment=PHP + SCRIPT))
        self.post_form(self.editor, article, data)
        article.refresh_from_db()
        self.assertTrue(article.image)
        for path in self.stored_files():
            with open(path, "rb") as stored:
                content = stored.read()
            self.assertNotIn(b"<?php", content, path)
            self.assertNotIn(b"<script", content, path)

    def test_a_hostile_file_name_is_stored_inside_the_upload_folder_under_a_plain_name(self):
        author = self.objects[1]
        data = self.open_form(self.editor, author)
        data["avatar"] = image_upload("../../<script>alert(1)<\u202egpj.php.jpg")
        self.post_form(self.editor, author, data)
        author.refresh_from_db()
        self.assertTrue(author.avatar.name.startswith("authors/"), author.avatar.name)
        for path in self.stored_files():
            self.assertTrue(os.path.realpath(path).startswith(os.path.realpath(self.media_root)))
            self.assertNotRegex(os.path.basename(path), r"[<>\"'\u202e]")

    def test_damaged_jpegs_are_named_damaged_beside_every_image_field_in_english_and_persian(self):
        damaged = {"English": "damaged or incomplete", "Persian": "آسیب‌دیده یا ناقص"}
        for language, words in damaged.items():
            self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa" if language == "Persian" else "en"
            for kind in ("JPEG cut short in its image data", "JPEG header followed by undecodable image data"):
                name, content_type, content = HOSTILE_UPLOADS[kind]()
                for obj in self.objects:
                    field = IMAGE_FIELDS[type(obj)]
                    with self.subTest(language=language, kind=kind, field=field):
                        data = self.open_form(self.editor, obj)
                        data[field] = SimpleUploadedFile(name, content, content_type=content_type)
                        response = self.post_form(self.editor, obj, data, follow=False)
                        self.assertEqual(response.status_code, 200)
                        self.assertIn(words, page(response).select_one(f".field-{field} .errorlist").get_text())
        self.assertEqual(self.stored_files(), [])

    def test_every_image_field_of_the_project_is_checked_and_covered_here(self):
        """A later image field gets the same checks: the raster validator, our form field, these stories."""
        project_apps = {
            config.label
            for config in apps.get_app_configs()
            if config.path.startswith(str(settings.BASE_DIR)) and "site-packages" not in config.path
        }
        self.assertTrue({"articles", "authors", "series"} <= project_apps)
        found = {
            (model, field.name)
            for model in apps.get_models()
            if model._meta.app_label in project_apps
            for field in model._meta.get_fields()
            if isinstance(field, models.ImageField)
        }
        self.assertEqual(found, set(IMAGE_FIELDS.items()), "an image field these hostile uploads do not try")
        for model, name in found:
            with self.subTest(field=f"{model.__name__}.{name}"):
                field = model._meta.get_field(name)
                self.assertIn(validate_raster_image, field.validators)
                form_field = admin.site._registry[model].formfield_for_dbfield(field, request=None)
                self.assertIsInstance(form_field, RasterImageFormField)
