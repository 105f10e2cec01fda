"""Check that every media file the database refers to exists in storage."""

from django.core.management.base import BaseCommand, CommandError

from operations.media import missing_media, referenced_media


class Command(BaseCommand):
    help = (
        "List the media files the database refers to (images, avatars, covers, renditions) that storage "
        "does not have; exit with status 1 when any is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="The database alias to read.")

    def handle(self, *args, database, **options):
        references = list(referenced_media(database))
        missing = missing_media(references)
        for reference in missing:
            self.stdout.write(f"Missing: {reference}")
        if missing:
            raise CommandError(f"{len(missing)} of {len(references)} referenced media file(s) are missing.")
        self.stdout.write(self.style.SUCCESS(f"All {len(references)} referenced media file(s) are in storage."))
