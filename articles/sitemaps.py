"""
Sitemaps and robots.txt.

Each page is listed once per language it can be read in, with `xhtml:link` alternates naming every
version (and `x-default`, the English version when there is one). A page counts as readable in a language
when it has something published in that language: an article written in it, or a section, author or series
with such an article. The Google News sitemaps list each language's articles of the last two days.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from authors.models import Author
from series.models import Series

from .models import LANGUAGE_CODES, Article, Section, filled

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


class TranslatedSitemap(Sitemap):
    """A sitemap listing each item in the languages it has, with hreflang alternates and x-default."""

    i18n = True
    alternates = True

    def get_languages_for_item(self, item):
        return [language for language in LANGUAGE_CODES if getattr(item, f"readable_{language}")]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            versions = {alternate["lang_code"]: alternate["location"] for alternate in url["alternates"]}
            if versions:
                default = versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()))
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls

    def lastmod(self, item):
        return getattr(item, "last_change", None)


def _readable(articles_of) -> dict:
    """Annotations readable_<lang>: whether the object has a published article in that language."""
    return {
        f"readable_{language}": Exists(articles_of(Article.objects.published().available_in(language)))
        for language in LANGUAGE_CODES
    }


def _last_change(articles_of):
    return Subquery(articles_of(Article.objects.published()).order_by("-updated_at").values("updated_at")[:1])


class ArticleSitemap(TranslatedSitemap):
    def items(self):
        # Written in the language, and with an address in it.
        conditions = {
            language: filled(f"headline_{language}") & filled(f"body_{language}") & filled(f"slug_{language}")
            for language in LANGUAGE_CODES
        }
        readable = {
            f"readable_{language}": ExpressionWrapper(condition, output_field=BooleanField())
            for language, condition in conditions.items()
        }
        anywhere = Q()
        for condition in conditions.values():
            anywhere |= condition
        return (
            Article.objects.published()
            .filter(anywhere)
            .annotate(**readable)
            .only("pk", "updated_at", "publish_at", *(f"slug_{language}" for language in LANGUAGE_CODES))
            .newest_first()
        )

    def location(self, item):
        return item.url_in(get_language())

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(TranslatedSitemap):
    def items(self):
        def articles_of(articles):
            return articles.filter(section=OuterRef("pk"))

        return Section.objects.annotate(**_readable(articles_of), last_change=_last_change(articles_of))

    def get_languages_for_item(self, item):
        return [language for language in super().get_languages_for_item(item) if item.slug_in(language)]

    def location(self, item):
        return reverse("articles:section", kwargs={"slug": item.slug_in(get_language())})


class AuthorSitemap(TranslatedSitemap):
    def items(self):
        def articles_of(articles):
            return articles.filter(bylines__author=OuterRef("pk"))

        return Author.objects.annotate(**_readable(articles_of), last_change=_last_change(articles_of))

    def location(self, item):
        return item.get_absolute_url()


class SeriesSitemap(TranslatedSitemap):
    def items(self):
        def articles_of(articles):
            return articles.filter(series=OuterRef("pk"))

        return Series.objects.annotate(**_readable(articles_of), last_change=_last_change(articles_of)).order_by("pk")

    def get_languages_for_item(self, item):
        return [language for language in super().get_languages_for_item(item) if item.slug_in(language)]

    def location(self, item):
        return reverse("series:detail", kwargs={"slug": item.slug_in(get_language())})


class PageSitemap(TranslatedSitemap):
    """The front page and the list of series, in every language."""

    def get_languages_for_item(self, item):
        return LANGUAGE_CODES

    def items(self):
        return ["articles:home", "series:index"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return None


@dataclass
class NewsItem:
    article: Article
    language: str
    title: str
    published: datetime
    publication: str = settings.SITE_NAME


class NewsSitemap(Sitemap):
    """Google News: one language's articles published in the last two days, newest first."""

    limit = NEWS_LIMIT

    def __init__(self, language: str):
        self.language = language

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        articles = (
            Article.objects.published()
            .available_in(self.language)
            .filter(publish_at__gte=since)
            .only("pk", "publish_at", "updated_at", f"slug_{self.language}", f"headline_{self.language}")
            .newest_first()[:NEWS_LIMIT]
        )
        return [
            NewsItem(article, self.language, getattr(article, f"headline_{self.language}"), article.publish_at)
            for article in articles
        ]

    def location(self, item):
        return item.article.url_in(item.language)

    def lastmod(self, item):
        return item.article.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    **{f"news-{language}": NewsSitemap(language) for language in LANGUAGE_CODES},
}


def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")


def sitemap_section(request, section: str):
    """Serve one section of the sitemap; the news sections in Google News' format."""
    template_name = "articles/sitemap_news.xml" if section.startswith("news-") else "sitemap.xml"
    return sitemap_views.sitemap(request, SITEMAPS, section=section, template_name=template_name)


@require_GET
def robots_txt(request):
    """Tell crawlers what to leave alone (admin, previews, search, the language switch) and where the sitemaps are."""
    disallowed = ["/admin/", "/language/"]
    for language in LANGUAGE_CODES:
        disallowed += [f"/{language}/preview/", f"/{language}/search/"]
    sitemaps = [reverse("sitemap-index")] + [
        reverse("sitemap-section", kwargs={"section": f"news-{language}"}) for language in LANGUAGE_CODES
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), ""]
    lines += [f"Sitemap: {request.build_absolute_uri(path)}" for path in sitemaps]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
