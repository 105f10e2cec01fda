"""Make the featured-image renditions that are missing or stale (after an import, or for images saved before them)."""

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.renditions import delete_renditions


class Command(BaseCommand):
    help = "Make missing or stale featured-image renditions (WebP and JPEG widths, the 1200×630 Open Graph crop)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Remake every article's renditions.")

    def handle(self, *args, force=False, **options):
        made = 0
        for article in Article.objects.exclude(image="").only("pk", "image", "image_renditions").iterator():
            if force:
                delete_renditions(article.image_renditions)
                article.image_renditions = {}
            if article.image_renditions.get("source") != article.image.name:
                article.refresh_renditions()
                made += 1
        self.stdout.write(self.style.SUCCESS(f"Renditions made for {made} article(s)."))
