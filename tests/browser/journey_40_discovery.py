"""
Feeds and sitemaps as the live server sends them (gunicorn, DEBUG off, the shared page cache): every
feed parses, every sitemap is well-formed, and they list public pages only.

tests/discovery/ checks the same rules through Django's test client; this is the check over the wire.
"""

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import unquote, urlsplit

import feedparser
import pytest

from tests.browser.conftest import fetch

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def feed_paths() -> list[str]:
    """Every feed of the demo: latest, and each section's, author's and series' with articles, in both formats."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article, Section
    from authors.models import Author
    from series.models import Series

    paths = []
    for language in ("en", "fa"):
        with translation.override(language):
            articles = Article.objects.published().available_in(language)
            for kind in ("rss", "atom"):
                paths.append(reverse(f"discovery:latest-{kind}"))
                for section in Section.objects.filter(articles__in=articles).distinct():
                    paths.append(reverse(f"discovery:section-{kind}", kwargs={"slug": section.slug_in(language)}))
                for author in Author.objects.filter(articles__in=articles).distinct():
                    paths.append(reverse(f"discovery:author-{kind}", kwargs={"slug": author.slug}))
                for series in Series.objects.filter(articles__in=articles).distinct():
                    paths.append(reverse(f"discovery:series-{kind}", kwargs={"slug": series.slug_in(language)}))
    return paths


@pytest.fixture
def unpublished(site):
    """A draft and a scheduled article, both written in both languages: no feed or sitemap may list them."""
    from django.utils import timezone

    from articles.models import Article, Section

    section = Section.objects.get(slug_en="economy")
    made = []
    for status, when, slug in (
        (Article.Status.DRAFT, None, "draft"),
        (Article.Status.PUBLISHED, timezone.now() + timedelta(days=3), "scheduled"),
    ):
        article = Article(
            headline_en=f"Unpublished {slug}", body_en="<p>Not yet.</p>", headline_fa=f"منتشرنشده {slug}",
            body_fa="<p>هنوز نه.</p>", slug_en=f"unpublished-{slug}", slug_fa=f"منتشرنشده-{slug}",
            section=section, status=status, publish_at=when,
        )  # fmt: skip
        article.save()
        made.append(article)
    yield [path for article in made for path in (article.url_in("en"), article.url_in("fa"))]
    for article in made:
        article.delete()


def test_every_feed_parses_and_lists_only_public_articles(site, unpublished):
    from articles.models import Article

    public = {
        unquote(article.url_in(language))
        for article in Article.objects.published()
        for language in article.available_languages()
    }
    hidden = {unquote(path) for path in unpublished}
    paths = feed_paths()
    assert len(paths) > 10
    for path in paths:
        status, body = fetch(site, path)
        assert status == 200, f"{path} answered {status}"
        feed = feedparser.parse(body)
        assert not feed.bozo, f"{path} does not parse: {feed.bozo_exception}"
        assert feed.entries, f"{path} has no entries"
        for entry in feed.entries:
            link = unquote(urlsplit(entry.link).path)
            assert link in public, f"{path} lists {link}, which is not a public article"
            assert link not in hidden
    site.notes["feeds checked"] = len(paths)


def test_sitemaps_are_well_formed_and_list_only_pages_that_open(site, unpublished):
    status, body = fetch(site, "/sitemap.xml")
    assert status == 200
    index = ET.fromstring(body)
    sitemaps = [urlsplit(loc.text).path for loc in index.iter(f"{SITEMAP}loc")]
    assert len(sitemaps) >= 3
    hidden = {unquote(path) for path in unpublished}
    listed = set()
    for path in sitemaps:
        status, body = fetch(site, path)
        assert status == 200, f"{path} answered {status}"
        root = ET.fromstring(body)  # raises on anything that is not well-formed XML
        listed |= {urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")}
    assert not {unquote(path) for path in listed} & hidden, "a sitemap lists an unpublished article"
    for path in sorted(listed):
        status, _body = fetch(site, path)
        assert status == 200, f"the sitemap lists {unquote(path)}, which answers {status}"
    site.notes["sitemap pages opened"] = len(listed)
