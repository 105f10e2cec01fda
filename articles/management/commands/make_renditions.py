"""
Make the featured-image renditions that are missing or stale: after an import, for images saved before
renditions existed or still waiting for the worker, or when rendition files were lost from storage (deleted
by hand, a restore without them). It makes them here, without the worker.
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from articles.tasks import make_renditions_now
from core import media
from core.languages import LANGUAGE_CODES
from core.renditions import is_pending, missing_renditions, repair_renditions

HEADLINES = tuple(f"headline_{code}" for code in LANGUAGE_CODES)  # what str(article) shows in the report


class Command(BaseCommand):
    help = (
        "Make missing or stale featured-image renditions (WebP and JPEG widths, the 1200×630 Open Graph crop), "
        "and make again any rendition file missing from storage."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Remake every article's renditions.")

    def handle(self, *args, force=False, verbosity=1, **options):
        self.verbosity = verbosity
        made = restored = 0
        failed = []
        articles = Article.objects.exclude(image="").only("pk", *HEADLINES, "image", "image_renditions")
        for article in articles.order_by("pk").iterator():
            try:
                # Per article: new files first, the replaced ones deleted on commit, nothing half-done left behind.
                with media.atomic():
                    outcome = self.renew(article, force=force)
            except media.MediaWriteError as error:
                failed.append(article.pk)
                self.stderr.write(f"Article {article.pk} ({article}): storage refused {error.name}: {error.error}")
                continue
            if outcome == "made":
                made += 1
            elif outcome == "restored":
                restored += 1
        self.stdout.write(self.style.SUCCESS(f"Renditions made for {made} article(s)."))
        self.stdout.write(self.style.SUCCESS(f"Missing rendition files made again for {restored} article(s)."))
        if failed:
            raise CommandError(f"Storage refused the renditions of {len(failed)} article(s): {failed}.")

    def renew(self, article: Article, *, force: bool) -> str | None:
        """Bring one article's renditions up to date; return "made", "restored" or None (nothing to do)."""
        if not default_storage.exists(article.image.name):
            self.stderr.write(
                f"Article {article.pk} ({article}): its image {article.image.name} is missing from storage; "
                "upload it again."
            )
            return None
        manifest = article.image_renditions
        if force or manifest.get("source") != article.image.name or is_pending(manifest):
            # The old files are deleted once the new manifest is saved.
            if make_renditions_now(pk=article.pk, source=article.image.name, force=True) != "made":
                return None
            if self.verbosity >= 2:
                self.stdout.write(f"Article {article.pk} ({article}): renditions made.")
            return "made"
        missing = missing_renditions(manifest)
        if not missing:
            return None
        repaired = repair_renditions(article.image, manifest, missing)
        if repaired is None:
            self.stderr.write(f"Article {article.pk} ({article}): its image {article.image.name} cannot be read.")
            return None
        if repaired != manifest:  # storage chose other names than the manifest's
            # Only the manifest (the article keeps its "updated" time), saved so that cached pages naming the
            # old files are made stale.
            article.image_renditions = repaired
            article.save(update_fields=["image_renditions"])
        self.stdout.write(
            f"Article {article.pk} ({article}): {len(missing)} missing rendition file(s) made again: "
            + ", ".join(missing)
        )
        return "restored"
