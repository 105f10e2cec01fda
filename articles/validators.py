"""
Upload checks for every image the newsroom stores: real raster JPEG, PNG or WebP only, within bounds.

The browser's content type and the file name are not trusted: Pillow opens and fully decodes the file,
so an SVG, a text file renamed .jpg or a truncated image is refused, and a decompression bomb (a small
file that would expand to a huge bitmap) is refused before it is decoded.
"""

import io
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 8000 × 5000: more than any featured image needs


@deconstructible
class RasterImageValidator:
    """Refuse anything that is not a JPEG, PNG or WebP image within the size and pixel bounds."""

    def __init__(self, max_bytes: int = MAX_UPLOAD_BYTES, max_pixels: int = MAX_PIXELS):
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels

    def __call__(self, upload) -> None:
        if upload is None:
            return
        size = getattr(upload, "size", None)
        if size is not None and size > self.max_bytes:
            raise ValidationError(
                _("This file is %(size)s; images may be at most %(limit)s."),
                code="image_too_large",
                params={"size": filesizeformat(size), "limit": filesizeformat(self.max_bytes)},
            )
        position = upload.tell() if hasattr(upload, "tell") else None
        try:
            upload.seek(0)
            self.check_image(upload)
        finally:
            if position is not None:
                upload.seek(position)

    def check_image(self, upload) -> None:
        not_an_image = ValidationError(
            _("This file is not a JPEG, PNG or WebP image (SVG and other formats are not accepted)."),
            code="not_an_image",
        )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(upload) as image:
                    if image.format not in ALLOWED_FORMATS:
                        raise not_an_image
                    width, height = image.size
                    if width * height > self.max_pixels:
                        raise self.too_many_pixels(width, height)
                    image.verify()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise self.too_many_pixels(0, 0) from error
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError) as error:  # Pillow's ways of saying "not an image"
            raise not_an_image from error

    def too_many_pixels(self, width: int, height: int) -> ValidationError:
        return ValidationError(
            _("This image is too large in pixels; the limit is %(limit)s megapixels."),
            code="too_many_pixels",
            params={"limit": self.max_pixels // 1_000_000},
        )

    def __eq__(self, other):
        return (
            isinstance(other, RasterImageValidator)
            and self.max_bytes == other.max_bytes
            and self.max_pixels == other.max_pixels
        )


validate_raster_image = RasterImageValidator()


class RasterImageFormField(forms.ImageField):
    """
    An image upload field that gives our reasons first: Django's own check would call a decompression
    bomb or an oversized photo "not an image or a corrupted image".
    """

    def to_python(self, data):
        if data not in self.empty_values and getattr(data, "size", 0):
            validate_raster_image(data)
        return super().to_python(data)


def without_metadata(upload) -> ContentFile:
    """
    Return a checked upload re-encoded without its metadata (EXIF, GPS location, XMP), upright.

    The camera's orientation is applied to the pixels first, so dropping EXIF does not turn photos on their side.
    """
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        upright = ImageOps.exif_transpose(image)
        buffer = io.BytesIO()
        options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
        if image_format == "JPEG":
            # Pillow writes a JPEG's comment segment back unless told not to, and it can carry anything.
            options["comment"] = b""
        if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        upright.save(buffer, image_format, **options)  # no exif= argument: nothing of the original metadata is kept
    return ContentFile(buffer.getvalue(), name=upload.name)
