"""
Image renditions: the featured image resized once, when it is saved, and stored through Django's storage.

Each article keeps a small manifest of its renditions in `Article.image_renditions` (a JSON field), so
pages build `<picture>`, `srcset` and Open Graph tags without opening an image or running a query:

    {"source": "articles/2026/11/dam.jpg", "width": 1600, "height": 1000,
     "webp": [[480, 300, "renditions/…-480.webp"], …], "jpeg": [[480, 300, "renditions/…-480.jpg"], …],
     "og": [1200, 630, "renditions/…-og.jpg"]}

Renditions are re-encoded from pixels only, so EXIF (camera, GPS) never reaches readers; orientation is
applied first so that a phone photo is not shown on its side.
"""

import hashlib
import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

# Widths for srcset: a phone, a tablet or narrow column, the article column at 2x, a wide screen.
WIDTHS = (480, 800, 1200, 1600)
OPEN_GRAPH_SIZE = (1200, 630)
JPEG_QUALITY = 82
WEBP_QUALITY = 78


def _encode(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    if format == "WEBP":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    else:
        # No comment segment: Pillow would copy the upload's, which can carry anything.
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, comment=b"")
    return buffer.getvalue()


def _store(name: str, content: bytes) -> str:
    return default_storage.save(name, ContentFile(content))


def make_renditions(field_file) -> dict:
    """Resize an image file to every width (WebP and JPEG) and a 1200×630 crop; store them; return the manifest."""
    if not field_file:
        return {}
    try:
        field_file.open("rb")
        with Image.open(field_file) as original:
            original.load()
            image = ImageOps.exif_transpose(original).convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        # Not an image Pillow can read: remember the attempt so that every save does not retry it.
        return {"source": field_file.name}
    finally:
        field_file.close()

    source = field_file.name
    stem = PurePosixPath(source).stem[:40]
    digest = hashlib.sha1(source.encode()).hexdigest()[:8]
    prefix = f"renditions/{digest}/{stem}"
    width, height = image.size
    manifest = {"source": source, "width": width, "height": height, "webp": [], "jpeg": []}

    widths = [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]
    for target in sorted(set(widths)):
        target_height = round(height * target / width)
        resized = image if target == width else image.resize((target, target_height), Image.Resampling.LANCZOS)
        manifest["webp"].append([target, target_height, _store(f"{prefix}-{target}.webp", _encode(resized, "WEBP"))])
        manifest["jpeg"].append([target, target_height, _store(f"{prefix}-{target}.jpg", _encode(resized, "JPEG"))])

    cropped = ImageOps.fit(image, OPEN_GRAPH_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    manifest["og"] = [*OPEN_GRAPH_SIZE, _store(f"{prefix}-og.jpg", _encode(cropped, "JPEG"))]
    return manifest


def delete_renditions(manifest: dict) -> None:
    """Remove a manifest's files from storage (when the image they came from is replaced)."""
    names = [entry[2] for key in ("webp", "jpeg") for entry in manifest.get(key, [])]
    if manifest.get("og"):
        names.append(manifest["og"][2])
    for name in names:
        default_storage.delete(name)


class Renditions:
    """Read a manifest for templates: srcsets, the fallback <img>, the Open Graph image."""

    def __init__(self, manifest: dict | None):
        self.manifest = manifest or {}

    def __bool__(self) -> bool:
        return bool(self.manifest.get("jpeg"))

    @staticmethod
    def _srcset(entries) -> str:
        return ", ".join(f"{default_storage.url(name)} {width}w" for width, _height, name in entries)

    @property
    def webp_srcset(self) -> str:
        return self._srcset(self.manifest.get("webp", []))

    @property
    def jpeg_srcset(self) -> str:
        return self._srcset(self.manifest.get("jpeg", []))

    def _fallback(self, at_most: int):
        entries = self.manifest.get("jpeg", [])
        fitting = [entry for entry in entries if entry[0] <= at_most]
        return (fitting or entries[:1])[-1]

    @property
    def fallback(self) -> dict:
        """The JPEG an old browser loads: the column-sized one."""
        width, height, name = self._fallback(1200)
        return {"url": default_storage.url(name), "width": width, "height": height}

    @property
    def thumbnail(self) -> dict:
        width, height, name = self._fallback(480)
        return {"url": default_storage.url(name), "width": width, "height": height}

    @property
    def thumbnail_srcset(self) -> str:
        return self._srcset([entry for entry in self.manifest.get("webp", []) if entry[0] <= 800])

    @property
    def open_graph(self) -> dict | None:
        if not self.manifest.get("og"):
            return None
        width, height, name = self.manifest["og"]
        return {"url": default_storage.url(name), "width": width, "height": height}
