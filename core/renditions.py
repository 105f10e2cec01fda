"""
Image renditions: the featured image resized once, after it is saved, and stored through Django's storage.

Making them takes seconds (3.2-3.7 s for a 2400×1600 JPEG), so a save only records the new image as pending
(`pending_manifest`) and a background task makes them (articles/tasks.py); until then pages show no picture,
never the upload itself, which may carry EXIF (camera, GPS).

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
import posixpath
from collections import defaultdict
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

from . import media

# Widths for srcset: a phone, a tablet or narrow column, the article column at 2x, a wide screen.
WIDTHS = (480, 800, 1200, 1600)
OPEN_GRAPH_SIZE = (1200, 630)
JPEG_QUALITY = 82
WEBP_QUALITY = 78
FORMATS = {"webp": "WEBP", "jpeg": "JPEG"}


def _encode(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    if format == "WEBP":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    else:
        # No comment segment: Pillow would copy the upload's, which can carry anything.
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, comment=b"")
    return buffer.getvalue()


def _upright(field_file) -> Image.Image | None:
    """Return the image's pixels, upright and in RGB, or None when the file is not an image Pillow can read."""
    try:
        field_file.open("rb")
        content = field_file.read()
    except media.STORAGE_ERRORS as error:
        # The upload was stored a moment ago (or is named by the row): storage that cannot give it back is failing.
        raise media.MediaWriteError(field_file.field.name, field_file.name, error) from error
    finally:
        field_file.close()
    try:
        with Image.open(io.BytesIO(content)) as original:
            original.load()
            return ImageOps.exif_transpose(original).convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def _resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if (width, height) == image.size:
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _cropped(image: Image.Image) -> Image.Image:
    return ImageOps.fit(image, OPEN_GRAPH_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.5))


def _store(field_file, name: str, image: Image.Image, format: str) -> str:
    content = ContentFile(_encode(image, format))
    return media.store(default_storage, name, content, field_name=field_file.field.name)


def make_renditions(field_file) -> dict:
    """
    Resize an image file to every width (WebP and JPEG) and a 1200×630 crop; store them; return the manifest.

    Raises `media.MediaWriteError` when storage refuses a file; inside `media.atomic()` the files already
    written for the manifest are then removed.
    """
    if not field_file:
        return {}
    image = _upright(field_file)
    if image is None:
        # Not an image Pillow can read: remember the attempt so that every save does not retry it.
        return {"source": field_file.name}

    source = field_file.name
    stem = PurePosixPath(source).stem[:40]
    digest = hashlib.sha1(source.encode()).hexdigest()[:8]
    prefix = f"renditions/{digest}/{stem}"
    width, height = image.size
    manifest = {"source": source, "width": width, "height": height, "webp": [], "jpeg": []}

    widths = [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]
    for target in sorted(set(widths)):
        target_height = round(height * target / width)
        resized = _resized(image, target, target_height)
        manifest["webp"].append([target, target_height, _store(field_file, f"{prefix}-{target}.webp", resized, "WEBP")])
        manifest["jpeg"].append([target, target_height, _store(field_file, f"{prefix}-{target}.jpg", resized, "JPEG")])

    manifest["og"] = [*OPEN_GRAPH_SIZE, _store(field_file, f"{prefix}-og.jpg", _cropped(image), "JPEG")]
    return manifest


def pending_manifest(source: str) -> dict:
    """Return the manifest of an image stored but not yet made into renditions (pages show no picture)."""
    return {"source": source, "pending": True}


def is_pending(manifest: dict) -> bool:
    return bool(manifest.get("pending"))


def rendition_names(manifest: dict) -> list[str]:
    """Return the storage names of a manifest's files."""
    names = [entry[2] for key in FORMATS for entry in manifest.get(key, [])]
    if manifest.get("og"):
        names.append(manifest["og"][2])
    return names


def delete_renditions_after_commit(manifest: dict) -> None:
    """Remove a manifest's files (the image they came from was replaced) once the save has committed."""
    media.delete_after_commit(default_storage, rendition_names(manifest))


def missing_renditions(manifest: dict) -> list[str]:
    """
    Return the manifest's files that storage no longer has: one listing per folder (each article's
    renditions share one), not one request per file, which on an object store is a round trip each.
    """
    by_folder = defaultdict(list)
    for name in rendition_names(manifest):
        by_folder[posixpath.dirname(name)].append(name)
    missing = []
    for folder, names in by_folder.items():
        try:
            _folders, files = default_storage.listdir(folder)
        except FileNotFoundError:
            files = []
        present = set(files)
        missing += [name for name in names if posixpath.basename(name) not in present]
    return missing


def repair_renditions(field_file, manifest: dict, missing: list[str]) -> dict | None:
    """
    Make the missing files of a manifest again, under the names the manifest (and any cached page) gives
    them; return the manifest, or None when the image itself can no longer be read.
    """
    image = _upright(field_file)
    if image is None:
        return None
    wanted = set(missing)
    repaired = {**manifest}
    for key, format in FORMATS.items():
        repaired[key] = []
        for width, height, name in manifest.get(key, []):
            stored = _store(field_file, name, _resized(image, width, height), format) if name in wanted else name
            repaired[key].append([width, height, stored])
    if manifest.get("og") and manifest["og"][2] in wanted:
        repaired["og"] = [*OPEN_GRAPH_SIZE, _store(field_file, manifest["og"][2], _cropped(image), "JPEG")]
    return repaired


class Renditions:
    """Read a manifest for templates: srcsets, the fallback <img>, the Open Graph image."""

    def __init__(self, manifest: dict | None):
        self.manifest = manifest or {}

    def __bool__(self) -> bool:
        return bool(self.manifest.get("jpeg"))

    @property
    def pending(self) -> bool:
        """Whether the image was saved and its renditions are still being made."""
        return is_pending(self.manifest)

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
