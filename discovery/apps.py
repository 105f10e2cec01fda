from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How readers' tools and crawlers find the articles: feeds, sitemaps, robots.txt and OpenSearch."""

    name = "discovery"

    def ready(self):
        """Each article's feed entry is stored with its page (articles/rendering.py) for the feeds to read."""
        from articles import rendering

        from .feeds import stored_entry

        rendering.STORED_EXTRAS["feed"] = stored_entry
