"""
Image uploads kept across a validation error: the editor chooses a file once, even when the form comes back.

When a form with a checked upload is shown again because of an error elsewhere, the upload is written to
`pending/<random>/<name>` in the default storage (the media storage, so S3 works as the disk does) and the
form carries a signed reference to it in a hidden input beside the file input, with a note and a thumbnail.
The next post without a new file uses the kept one as if it were uploaded again: it is checked and
re-encoded like any upload, and its pending copy is deleted once the save commits (`discard_after_commit`).

The reference is signed with a salt naming the field, so it cannot be moved to another field or forged to
name another file, and names only files under `pending/`; a tampered, expired (older than a day) or
vanished one is ignored, as if no file had been chosen. A new upload replaces it. The pending copies of
abandoned forms are deleted by `manage.py clear_pending_uploads`.
"""

import io
import logging
import posixpath
import secrets

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.forms.boundfield import BoundField
from django.utils.text import get_valid_filename

from . import media
from .validators import RasterImageFormField

logger = logging.getLogger(__name__)

PENDING_FOLDER = "pending"
MAX_AGE = 24 * 60 * 60  # seconds: a form left open longer is chosen again; clear_pending_uploads uses the same age
REFERENCE_SUFFIX = "-kept"
_SALT = "core.kept_uploads"


def _salt(field_name: str) -> str:
    return f"{_SALT}:{field_name}"


def _is_pending_name(name) -> bool:
    """Return whether a name is a kept file's: pending/<random>/<file>, nothing above or beside it."""
    if not isinstance(name, str):
        return False
    parts = name.split("/")
    return (
        len(parts) == 3
        and parts[0] == PENDING_FOLDER
        and all(part and part not in (".", "..") and "\\" not in part for part in parts[1:])
        and posixpath.normpath(name) == name
    )


class KeptUpload(UploadedFile):
    """An upload kept in pending storage, read back only when the form is cleaned."""

    def __init__(self, pending_name: str, storage=None, *, signed_as: str | None = None):
        self.pending_name = pending_name
        self.storage = storage or default_storage
        self.signed_as = signed_as
        super().__init__(file=None, name=posixpath.basename(pending_name))

    def load(self) -> bool:
        """Read the kept file into memory (images are at most 5 MB); return False if it is gone or unreadable."""
        try:
            with self.storage.open(self.pending_name, "rb") as stored:
                content = stored.read()
        except (FileNotFoundError, *media.STORAGE_ERRORS) as error:
            logger.info("A kept upload could not be read back, so it is ignored: %s (%s)", self.pending_name, error)
            return False
        self.file = io.BytesIO(content)
        self.size = len(content)
        return True

    @property
    def pending_url(self) -> str:
        # Not `url`: ClearableFileInput would take a file with a url for the saved one and offer to clear it.
        return self.storage.url(self.pending_name)

    def reference(self, field_name: str) -> str:
        # A form shown again carries the reference it was posted with: its age is the kept file's, so the
        # reference expires before clear_pending_uploads may delete the file it names.
        return self.signed_as or signing.dumps(self.pending_name, salt=_salt(field_name))

    @classmethod
    def from_reference(cls, reference, field_name: str) -> "KeptUpload | None":
        """Return the kept upload a signed reference names for this field, or None if it is not one of ours."""
        if not reference or not isinstance(reference, str):
            return None
        try:
            name = signing.loads(reference, salt=_salt(field_name), max_age=MAX_AGE)
        except signing.BadSignature:  # SignatureExpired included: an old reference is ignored, as a forged one
            return None
        return cls(name, signed_as=reference) if _is_pending_name(name) else None


def keep(upload) -> KeptUpload | None:
    """Store a checked upload in the pending folder; return it as kept, or None if storage refused it."""
    name = get_valid_filename(posixpath.basename(upload.name or "")) or "image"
    upload.seek(0)
    try:
        stored = default_storage.save(f"{PENDING_FOLDER}/{secrets.token_hex(16)}/{name}", upload)
    except media.STORAGE_ERRORS as error:
        # Nothing is lost that Django would not lose anyway: the field asks for the file again.
        logger.warning("Could not keep an upload across a form error: %s", error)
        return None
    finally:
        upload.seek(0)
    return KeptUpload(stored)


def discard_after_commit(value, *, using: str | None = None) -> None:
    """Delete a kept upload's pending copy once the save that used it commits."""
    if isinstance(value, KeptUpload):
        media.delete_after_commit(value.storage, [value.pending_name], using=using)


class KeptImageWidget(AdminFileWidget):
    """The admin's file input, with the kept upload's signed reference, thumbnail and note."""

    template_name = "core/widgets/kept_image.html"
    # One <label for> names the file input (Django's fieldset gave it only a <legend>, which names no control);
    # the "clear" box keeps its own label.
    use_fieldset = False

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if upload is not None:  # a new file (it replaces the kept one), "clear" ticked, or both
            return upload
        return KeptUpload.from_reference(data.get(name + REFERENCE_SUFFIX), name)

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and name + REFERENCE_SUFFIX not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, KeptUpload):
            context["widget"]["kept"] = {
                "reference_name": name + REFERENCE_SUFFIX,
                "reference": value.reference(name),
                "name": value.name,
                "url": value.pending_url,
            }
        return context


class KeptImageBoundField(BoundField):
    """Show a checked upload as kept when its form comes back with an error elsewhere."""

    def value(self):
        value = super().value()
        if not self.form.is_bound or not self.form.errors or self.errors:
            return value
        checked = getattr(self.form, "cleaned_data", {}).get(self.name)
        if isinstance(checked, KeptUpload):
            return checked
        if isinstance(checked, UploadedFile):
            # value() is called for each rendering: keep the file once per form.
            if not hasattr(self, "_kept"):
                self._kept = keep(checked)
            return self._kept or value
        return value


class KeptImageFormField(RasterImageFormField):
    """An image upload that survives a validation error elsewhere in its form (see the module's note)."""

    widget = KeptImageWidget
    bound_field_class = KeptImageBoundField

    def clean(self, data, initial=None):
        if isinstance(data, KeptUpload) and not data.load():
            data = None  # gone (saved already, or cleared away): as if no file had been chosen
        return super().clean(data, initial)
