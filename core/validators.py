"""
Upload checks for every image the newsroom stores: real raster JPEG, PNG or WebP only, within bounds.

The browser's content type and the file name are not trusted: Pillow opens and fully decodes the file,
so an SVG or a text file renamed .jpg is refused as not an image, a truncated or corrupt one as damaged,
and a decompression bomb (a small file that would expand to a huge bitmap) before it is decoded.
"""

import io
import struct
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

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
        if upload is None or getattr(upload, "_committed", False):
            # A file already in storage was checked when it was uploaded: a model's full_clean() passes it on
            # every save, and decoding it again would read it back from storage each time.
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
                # verify() checks the structure only (of a JPEG, hardly anything) and leaves the image unusable:
                # decode every pixel from a fresh start, within the bounds checked above, so that a truncated
                # or corrupt image is refused here rather than failing with a 500 when it is re-encoded.
                upload.seek(0)
                with Image.open(upload) as image:
                    image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise self.too_many_pixels(0, 0) from error
        except ValidationError:
            raise
        except UnidentifiedImageError as error:
            raise not_an_image from error
        except (OSError, SyntaxError, ValueError, EOFError, struct.error) as error:  # Pillow's ways of saying "broken"
            raise ValidationError(
                _("This image is damaged or incomplete (its data ends early or is corrupt), so it cannot be "
                  "shown. Save it again from the original and upload that copy."),
                code="damaged_image",
            ) from error  # fmt: skip

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
            # Django's own check reads on from where the file stands: a form validated again after a refused
            # save (see core/admin.py) would find it read to the end.
            data.seek(0)
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
