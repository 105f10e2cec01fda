"""Back up the database and the media it refers to, in one archive with a manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand

from operations.backup import create_backup


class Command(BaseCommand):
    help = (
        "Write one archive holding a consistent dump of the database and every media file it refers to, "
        "with a manifest of checksums and migrations (see docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            default=".",
            help="A folder (the archive is named newsroom-backup-<UTC time>.tar) or the archive's path.",
        )
        parser.add_argument("--database", default="default", help="The database alias to back up.")

    def handle(self, *args, destination, database, **options):
        result = create_backup(Path(destination), using=database)
        for missing in result.missing:
            self.stderr.write(
                f"Missing from storage, not in the backup: {missing['name']} "
                f"(referred to by {'; '.join(missing['referenced_by'])})"
            )
        self.stderr.write(f"Backed up the database and {result.media_files} media file(s).")
        # The archive's path alone on standard output, for scripts.
        self.stdout.write(str(result.path))
