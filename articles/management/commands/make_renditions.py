"""
Make the featured-image renditions that are missing or stale: after an import, for images saved before
renditions existed, or when rendition files were lost from storage (deleted by hand, a restore without them).
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from core import media
from core.languages import LANGUAGE_CODES
from core.renditions import missing_renditions, repair_renditions

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
        if force or manifest.get("source") != article.image.name:
            article.refresh_renditions(force=True)  # the old files are deleted once the new manifest is saved
            self.save_manifest(article)
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
            article.image_renditions = repaired
            self.save_manifest(article)
        self.stdout.write(
            f"Article {article.pk} ({article}): {len(missing)} missing rendition file(s) made again: "
            + ", ".join(missing)
        )
        return "restored"

    @staticmethod
    def save_manifest(article: Article) -> None:
        # Only the manifest: the article itself did not change, so it keeps its "updated" time.
        Article.objects.filter(pk=article.pk).update(image_renditions=article.image_renditions)
