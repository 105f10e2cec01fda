"""Rebuild the search index of every article, e.g. after a bulk import that bypassed save()."""

from django.core.management.base import BaseCommand

from articles.models import Article
from search.indexing import index_articles


class Command(BaseCommand):
    help = "Rebuild the stored search text (and PostgreSQL search vectors) of every article."

    def handle(self, *args, **options):
        count = index_articles(Article.objects.all())
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} articles."))
