from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How readers' tools and crawlers find the articles: feeds, sitemaps, robots.txt and OpenSearch."""

    name = "discovery"
