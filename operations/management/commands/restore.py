"""Restore a backup made by `backup` into an empty database, with its media."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into the (empty) database DATABASE_URL names and its media into storage, "
        "make every cached page stale and check that every referenced media file exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The backup archive (newsroom-backup-….tar).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore into a database that is not empty, replacing the tables the backup holds.",
        )
        parser.add_argument("--database", default="default", help="The database alias to restore into.")

    def handle(self, *args, archive, force, database, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No backup archive at {path}.")
        result = restore_backup(path, using=database, force=force)
        self.stdout.write(
            f"Restored the database and {result.media_restored + result.media_unchanged} media file(s) "
            f"({result.media_unchanged} already in place)."
        )
        if result.page_cache_cleared:
            self.stdout.write("Every cached page is stale now.")
        else:
            self.stderr.write(
                "The page cache could not be reached: pages cached before the restore may be served until "
                "they expire (PAGE_CACHE_SECONDS) once it is back."
            )
        if result.pending_migrations:
            self.stderr.write(
                f"The backup predates {len(result.pending_migrations)} migration(s) of this code: "
                "run `manage.py migrate` now."
            )
        for reference in result.missing:
            self.stderr.write(f"Missing media: {reference}")
        if result.missing:
            raise CommandError(f"Restored, but {len(result.missing)} media file(s) the database refers to are missing.")
        self.stdout.write(self.style.SUCCESS("Every media file the database refers to is in storage."))
