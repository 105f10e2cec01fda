"""Addresses at the site's root, in no language, where crawlers look for them: robots.txt and the sitemaps."""

from django.urls import path

from . import views

app_name = "crawlers"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap-index"),
    path("sitemap-<str:section>.xml", views.sitemap_section, name="sitemap-section"),
]
