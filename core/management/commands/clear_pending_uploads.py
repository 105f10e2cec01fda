"""
Delete the uploads kept for forms that were never saved (core/kept_uploads.py): files under `pending/` in
the media storage older than a day. Run it daily (cron, a systemd timer); a form is never left open that long.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from core import media
from core.kept_uploads import MAX_AGE, PENDING_FOLDER


class Command(BaseCommand):
    help = "Delete uploads kept across form errors that no save used, once they are older than a day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=float, default=MAX_AGE / 3600, help="Delete kept files older than this (default: 24)."
        )

    def handle(self, *args, hours, **options):
        cutoff = timezone.now() - timedelta(hours=hours)
        deleted = 0
        try:
            folders, _files = default_storage.listdir(PENDING_FOLDER)
        except FileNotFoundError:
            folders = []
        for folder in folders:
            path = f"{PENDING_FOLDER}/{folder}"
            _subfolders, files = default_storage.listdir(path)
            remaining = len(files)
            for name in files:
                if default_storage.get_modified_time(f"{path}/{name}") < cutoff:
                    default_storage.delete(f"{path}/{name}")
                    deleted += 1
                    remaining -= 1
            if not remaining:
                try:
                    # The file system keeps an emptied folder; in a bucket there is no folder to delete.
                    default_storage.delete(path)
                except media.STORAGE_ERRORS:
                    pass
        self.stdout.write(f"Deleted {deleted} kept upload(s) older than {hours:g} hours.")
