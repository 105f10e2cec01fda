from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from .signals import connect

        connect()

    def index_articles(self, articles) -> int:
        """
        Index these articles (see `indexing.index_articles`). For the articles app's migration that created
        the index: it finds the indexer through the app registry, as a lower layer may not import search.
        """
        from .indexing import index_articles

        return index_articles(articles)

    def forget_indexes(self) -> None:
        """Have search look the database's search indexes up again (for the articles migration that changes them)."""
        from .backends.postgres import forget_indexes

        forget_indexes()
