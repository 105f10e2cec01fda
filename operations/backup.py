"""
Backups that tie the database to the media it refers to, and their restore.

A backup is one uncompressed tar file (the dump and the images are compressed already):

    manifest.json          what is inside, with a SHA-256 for every member, the migrations and the code
    database.pgdump        pg_dump's custom format (PostgreSQL), or database.sqlite3 (SQLite)
    media/<name>           every media file the dumped database refers to, under its storage name

The media list is read in the same snapshot as the dump (see databases.snapshot_dump), so the two agree
however busy the newsroom is. A file the database refers to but storage lacks is named in the manifest
and reported, never silently left out. The archive is written as <name>.partial and renamed when
complete, readable by its owner only (it holds every account's password hash).

Restoring checks every member's checksum and the migrations before it writes anything, loads the dump
into an empty database, puts the media back through Django's storage (a local folder or the object
store), makes every cached page stale and checks that every referenced file exists.
"""

import hashlib
import io
import json
import os
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from core.caching import content_replaced

from .databases import DUMP_NAMES, dump_name, restore_dump, snapshot_dump, table_names
from .media import MediaReference, missing_media, referenced_media

FORMAT = "newsroom-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media/"
CHUNK = 1024 * 1024


@dataclass
class BackupResult:
    path: Path
    media_files: int
    missing: list[dict] = field(default_factory=list)


@dataclass
class RestoreResult:
    media_restored: int
    media_unchanged: int
    missing: list[MediaReference]
    pending_migrations: list[str]
    page_cache_cleared: bool


def sha256_of(fileobj) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := fileobj.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def code_version() -> str | None:
    """Return the commit the code was checked out at, when it is a git checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def archive_name(now: datetime) -> str:
    return f"newsroom-backup-{now:%Y%m%dT%H%M%SZ}.tar"


def add_bytes(archive: tarfile.TarFile, name: str, content: bytes, mtime: float) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(content), int(mtime), 0o600
    archive.addfile(info, io.BytesIO(content))


def create_backup(destination: Path, *, using: str = "default") -> BackupResult:
    """Write a backup of the database and the media it refers to; return where it went and what was missing."""
    now = datetime.now(UTC)
    destination = Path(destination)
    path = destination / archive_name(now) if destination.is_dir() else destination
    partial = path.with_name(path.name + ".partial")
    connection = connections[using]
    with tempfile.TemporaryDirectory(prefix="newsroom-backup-") as workdir:
        dump = Path(workdir) / dump_name(connection)
        with snapshot_dump(connection, dump):
            references = group_by_name(referenced_media(using))
            applied = sorted(MigrationRecorder(connection).applied_migrations())
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": now.isoformat(timespec="seconds"),
            "engine": connection.vendor,
            "code": {"commit": code_version(), "django": django.get_version()},
            "migrations": [f"{app}.{name}" for app, name in applied],
            "media": [],
            "missing_media": [],
        }
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as archive:
                with dump.open("rb") as dumped:
                    checksum, size = sha256_of(dumped)
                manifest["database"] = {"file": dump.name, "sha256": checksum, "size": size}
                archive.add(dump, arcname=dump.name)
                for name, owners in references.items():
                    entry = add_media_file(archive, name, Path(workdir))
                    if entry is None:
                        manifest["missing_media"].append({"name": name, "referenced_by": owners})
                    else:
                        manifest["media"].append(entry)
                content = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                add_bytes(archive, MANIFEST, content, now.timestamp())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupResult(path=path, media_files=len(manifest["media"]), missing=manifest["missing_media"])


def group_by_name(references: Iterable[MediaReference]) -> dict[str, list[str]]:
    """Return, by file name in name order, what refers to each file ("articles.Article 12 image")."""
    grouped: dict[str, list[str]] = {}
    for reference in references:
        grouped.setdefault(reference.name, []).append(f"{reference.model} {reference.pk} {reference.field}")
    return dict(sorted(grouped.items()))


def add_media_file(archive: tarfile.TarFile, name: str, workdir: Path) -> dict | None:
    """Copy one file from storage into the archive; None when storage does not have it."""
    try:
        source = default_storage.open(name, "rb")
    except FileNotFoundError:
        return None
    # Through a temporary file: tar needs the size first, and storage may be a remote object store.
    with source, tempfile.TemporaryFile(dir=workdir) as copy:
        digest, size = hashlib.sha256(), 0
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
            size += len(chunk)
        copy.seek(0)
        info = tarfile.TarInfo(MEDIA_DIR + name)
        info.size, info.mode, info.mtime = size, 0o600, int(time.time())
        archive.addfile(info, copy)
    return {"name": name, "sha256": digest.hexdigest(), "size": size}


def safe_media_name(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not name:
        raise CommandError(f"The backup names a media file outside the media folder: {name!r}.")
    return name


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise CommandError(f"This is not a Newsroom backup (no readable {MANIFEST}).") from error
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise CommandError(f"This is not a Newsroom backup of format {FORMAT_VERSION}.")
    if manifest["database"]["file"] not in DUMP_NAMES.values():
        raise CommandError(f"The backup names an unknown database dump: {manifest['database']['file']!r}.")
    return manifest


def verify_archive(archive: tarfile.TarFile, manifest: dict) -> None:
    """Check every member against the manifest's checksums before anything is written."""
    expected = {manifest["database"]["file"]: manifest["database"]["sha256"]}
    expected |= {MEDIA_DIR + safe_media_name(entry["name"]): entry["sha256"] for entry in manifest["media"]}
    for member, checksum in expected.items():
        try:
            extracted = archive.extractfile(member)
        except KeyError:
            raise CommandError(f"The backup is incomplete: {member} is missing from it.") from None
        if extracted is None or sha256_of(extracted)[0] != checksum:
            raise CommandError(f"The backup is damaged: {member} does not match its checksum.")


def check_migrations(manifest: dict) -> None:
    """Refuse a backup made by code with migrations this code does not have."""
    known = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise CommandError(
            "This backup was made by newer code: its database has migrations this code does not know "
            f"({', '.join(unknown[:5])}{', …' if len(unknown) > 5 else ''}). Restore it with that release."
        )


def pending_migrations(connection) -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def restore_media(archive: tarfile.TarFile, manifest: dict) -> tuple[int, int]:
    """Put every media file back through storage; return how many were written and how many were already right."""
    restored = unchanged = 0
    for entry in manifest["media"]:
        name = safe_media_name(entry["name"])
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as existing:
                if sha256_of(existing)[0] == entry["sha256"]:
                    unchanged += 1
                    continue
            default_storage.delete(name)  # the restored database refers to the backup's version
        saved = default_storage.save(name, File(archive.extractfile(MEDIA_DIR + name), name=name))
        if saved != name:
            raise CommandError(f"Storage saved {name} as {saved}; the database refers to {name}.")
        restored += 1
    return restored, unchanged


def clear_page_cache() -> bool:
    """Make every cached page stale on every app server; return whether the shared cache took it."""
    # A signal, not an import: the page cache is a feature beside this one (pagecache.invalidation).
    responses = content_replaced.send(sender=restore_backup)
    return all(taken for _receiver, taken in responses)


def restore_backup(path: Path, *, using: str = "default", force: bool = False) -> RestoreResult:
    """Restore a backup into an empty database (any database with force) and its media; check the result."""
    connection = connections[using]
    with tarfile.open(path, mode="r") as archive:
        manifest = read_manifest(archive)
        if manifest["engine"] != connection.vendor:
            raise CommandError(
                f"This backup is of a {manifest['engine']} database; DATABASE_URL points at {connection.vendor}."
            )
        verify_archive(archive, manifest)
        check_migrations(manifest)
        existing = table_names(connection)
        if existing and not force:
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} is not empty ({len(existing)} tables, e.g. "
                f"{', '.join(sorted(existing)[:3])}). Restore into an empty database, or pass --force to "
                "replace what it holds."
            )
        with tempfile.TemporaryDirectory(prefix="newsroom-restore-") as workdir:
            dump = Path(workdir) / manifest["database"]["file"]
            with dump.open("wb") as target:
                source = archive.extractfile(manifest["database"]["file"])
                while chunk := source.read(CHUNK):
                    target.write(chunk)
            restore_dump(connection, dump, replace=bool(existing))
        restored, unchanged = restore_media(archive, manifest)
    try:
        cleared = clear_page_cache()
    except Exception:  # the cache being down must not undo a finished restore; the command says what to do
        cleared = False
    return RestoreResult(
        media_restored=restored,
        media_unchanged=unchanged,
        missing=missing_media(referenced_media(using)),
        pending_migrations=pending_migrations(connection),
        page_cache_cleared=cleared,
    )
