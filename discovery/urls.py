"""Addresses inside each language prefix: the feeds (/<lang>/feeds/…) and the OpenSearch description."""

from django.urls import include, path

from . import views
from .feeds import AuthorFeed, LatestFeed, SectionFeed, SeriesFeed, TypeFeed, feed_view

app_name = "discovery"

feed_patterns = [
    path("rss/", feed_view(LatestFeed, "rss"), name="latest-rss"),
    path("atom/", feed_view(LatestFeed, "atom"), name="latest-atom"),
    path("sections/<uslug:slug>/rss/", feed_view(SectionFeed, "rss"), name="section-rss"),
    path("sections/<uslug:slug>/atom/", feed_view(SectionFeed, "atom"), name="section-atom"),
    path("types/<uslug:slug>/rss/", feed_view(TypeFeed, "rss"), name="type-rss"),
    path("types/<uslug:slug>/atom/", feed_view(TypeFeed, "atom"), name="type-atom"),
    path("authors/<slug:slug>/rss/", feed_view(AuthorFeed, "rss"), name="author-rss"),
    path("authors/<slug:slug>/atom/", feed_view(AuthorFeed, "atom"), name="author-atom"),
    path("series/<uslug:slug>/rss/", feed_view(SeriesFeed, "rss"), name="series-rss"),
    path("series/<uslug:slug>/atom/", feed_view(SeriesFeed, "atom"), name="series-atom"),
]

urlpatterns = [
    path("feeds/", include(feed_patterns)),
    path("opensearch.xml", views.opensearch_description, name="opensearch"),
]
