"""
Files written safely for a save: new files before its row, old files only after its commit, and nothing
left behind by a save that fails.

Every save that stores files (an upload, the renditions of an image) runs in `files_first(instance)`, and
the admin runs a whole change form's save in `atomic()`:

- the instance's new uploads (and what is made from them) are written to storage before its row, so a
  committed row never names a file that is not there;
- a storage error (a read-only or full disk, a refused bucket) becomes `MediaWriteError`, naming the
  field, which the admin turns into a form error with the editor's input kept;
- the files written for a save are removed again when it fails or its transaction is rolled back, so a
  failed save leaves no orphan files;
- the files a save replaces (an old image's renditions) are deleted only once its transaction has
  committed (`delete_after_commit`), so a failed save never breaks the page that still shows them.

Replaced uploads themselves are kept, as Django keeps them: the history (django-reversion) may restore
an earlier version that names them.
"""

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.core.files.storage import Storage
from django.db import models, router, transaction

logger = logging.getLogger(__name__)

# What a storage backend raises when it cannot write: the file system's OSError (PermissionError, a full
# disk, a file where a folder should be) and, for an S3-compatible bucket, botocore's errors.
STORAGE_ERRORS: tuple[type[Exception], ...] = (OSError,)
try:
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:  # pragma: no cover -- django-storages[s3] is a requirement, but file storage needs no botocore
    pass
else:
    STORAGE_ERRORS += (BotoCoreError, ClientError)


class MediaWriteError(Exception):
    """Storage refused a file that a save needed (an upload or one of its renditions): the save was not made."""

    def __init__(self, field_name: str, name: str, error: Exception):
        super().__init__(f"Storage refused {name!r} (for {field_name!r}): {error}")
        self.field_name = field_name
        self.name = name
        self.error = error


class _Frame:
    """The files stored inside one `atomic()` block, and whether its transaction has committed."""

    def __init__(self):
        self.files: list[tuple[Storage, str]] = []
        self.committed = False

    def mark_committed(self) -> None:
        self.committed = True

    def remove_files(self) -> None:
        _delete_quietly(self.files)
        self.files = []


_current_frame: ContextVar[_Frame | None] = ContextVar("newsroom_media_frame", default=None)


@contextmanager
def atomic(using: str | None = None, *, savepoint: bool = True) -> Iterator[None]:
    """
    `transaction.atomic()` that also removes the files stored inside the block unless its transaction
    commits: when the block raises, or its transaction is rolled back.

    Nested in another `atomic()`, a block that succeeds hands its files to the outer one, which decides.
    Nested in a transaction opened by other code (`transaction.atomic()`), the files are removed if the
    block raises, but kept if that transaction rolls back later: open such transactions with this instead.
    """
    connection = transaction.get_connection(using)
    outermost = not connection.in_atomic_block
    parent = _current_frame.get()
    frame = _Frame()
    token = _current_frame.set(frame)
    try:
        # Whether it rolls back to a savepoint or dooms the surrounding transaction, a block that raises
        # has had its writes undone, so removing its files is right either way.
        with transaction.atomic(using=using, savepoint=savepoint):
            if outermost:
                # The transaction's first on-commit callback, so it runs before any other could fail: an
                # error raised after the commit must not remove the files of a committed row.
                transaction.on_commit(frame.mark_committed, using=using, robust=True)
            yield
    except BaseException:
        if not frame.committed:
            frame.remove_files()
        raise
    finally:
        _current_frame.reset(token)
    if outermost:
        if not frame.committed:  # rolled back without an exception (transaction.set_rollback)
            frame.remove_files()
    elif parent is not None:
        parent.files += frame.files


def _remember(storage: Storage, name: str) -> None:
    frame = _current_frame.get()
    if frame is not None:
        frame.files.append((storage, name))


def store(storage: Storage, name: str, content, *, field_name: str) -> str:
    """Save content under name (or a free name like it) and return the name it was stored under."""
    try:
        stored = storage.save(name, content)
    except STORAGE_ERRORS as error:
        raise _refused(field_name, name, error) from error
    _remember(storage, stored)
    return stored


def _refused(field_name: str, name: str, error: Exception) -> MediaWriteError:
    logger.error("Storage refused to write %s (for %s), so the save was not made: %s", name, field_name, error)
    return MediaWriteError(field_name, name, error)


def store_new_uploads(instance: models.Model, *, update_fields: Iterable[str] | None = None) -> None:
    """
    Write the instance's newly assigned files to storage now, under their final names (as
    `FileField.pre_save()` would during the save, where a storage error could not be told apart).
    """
    fields = set(update_fields) if update_fields is not None else None
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.FileField) or (fields is not None and field.name not in fields):
            continue
        file = getattr(instance, field.attname)
        if file and not file._committed:
            try:
                file.save(file.name, file.file, save=False)
            except STORAGE_ERRORS as error:
                raise _refused(field.name, file.name, error) from error
            _remember(file.storage, file.name)


@contextmanager
def files_first(
    instance: models.Model, *, using: str | None = None, update_fields: Iterable[str] | None = None
) -> Iterator[None]:
    """
    Save an instance with its files safely: call its `Model.save()` inside the block. New uploads are
    stored first, anything else stored in the block (renditions) is removed with them if the save fails,
    and files handed to `delete_after_commit()` in the block go only once the save has committed.
    """
    using = using or router.db_for_write(type(instance), instance=instance)
    # No savepoint: like Model.save() itself, a failed save dooms the transaction it is part of.
    with atomic(using, savepoint=False):
        store_new_uploads(instance, update_fields=update_fields)
        yield


def delete_after_commit(storage: Storage, names: Iterable[str], *, using: str | None = None) -> None:
    """Delete files once the current transaction commits (at once outside one): a rollback keeps them."""
    files = [(storage, name) for name in names if name]
    if files:
        # robust: the save has committed by then, and a file left behind must not turn it into an error.
        transaction.on_commit(partial(_delete_quietly, files), using=using, robust=True)


def _delete_quietly(files: Iterable[tuple[Storage, str]]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except STORAGE_ERRORS as error:
            # A leftover file costs only space; failing here would report a save that was made as failed.
            logger.warning("Could not delete %s from storage: %s", name, error)
