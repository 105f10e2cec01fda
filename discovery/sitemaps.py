"""
Sitemaps: the pages crawlers should find, and the Google News sitemaps.

Each page is listed once per language it can be read in, with `xhtml:link` alternates naming every
version (and `x-default`: `core.languages.x_default`); articles have a sitemap per language.
A page counts as readable in a language when it has something published in that language: an article
written in it, or a section, author or series with such an article. The Google News sitemaps list each
language's articles of the last two days.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from articles.models import Article, Section
from authors.models import Author
from core.languages import LANGUAGE_CODES, x_default
from core.models import filled
from core.text import without_control_characters
from series.models import Series

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
                url["alternates"].append({"lang_code": "x-default", "location": x_default(versions)})
        return urls

    def lastmod(self, item):
        return getattr(item, "last_change", None)


def with_article_facts(objects, field: str) -> list:
    """
    Return the objects that have published articles, each with `readable_<lang>` (it has a published
    article in that language) and `last_change` (when one of its published articles last changed) — from
    one grouped query per language instead of a subquery per object.
    """
    published = Article.objects.published().order_by()
    last_change = dict(published.values_list(field).annotate(Max("updated_at")))
    readable = {
        language: set(published.available_in(language).values_list(field, flat=True).distinct())
        for language in LANGUAGE_CODES
    }
    found = []
    for obj in objects.filter(pk__in=[pk for pk in last_change if pk is not None]):
        obj.last_change = last_change[obj.pk]
        for language in LANGUAGE_CODES:
            setattr(obj, f"readable_{language}", obj.pk in readable[language])
        found.append(obj)
    return found


class ArticleSitemap(Sitemap):
    """
    One language's articles, newest first, each with the alternates of every version.

    One sitemap per language (rather than Django's i18n sitemap, which builds every item of every language
    in memory to paginate) keeps the items a lazy queryset: a page is one LIMIT/OFFSET query.
    """

    # URLs per sitemap page. Each URL carries its alternates; 2,000 keep an uncached page under a second
    # (10,000 took several seconds to render on 100,000 articles) and the index well below its 50,000 entries.
    limit = 2_000

    def __init__(self, language: str):
        self.language = language

    def items(self):
        # as_teasers() tells, in the same query, which languages each article is written in (for its alternates).
        return (
            Article.objects.published()
            .available_in(self.language)
            .filter(filled(f"slug_{self.language}"))
            .as_teasers()
            .only("pk", "updated_at", "publish_at", *(f"slug_{language}" for language in LANGUAGE_CODES))
            .newest_first()
        )

    def location(self, item):
        return item.url_in(self.language)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            article = url["item"]
            versions = {
                language: f"{protocol}://{domain}{article.url_in(language)}"
                for language in LANGUAGE_CODES
                if article.is_available_in(language) and article.slug_in(language)
            }
            url["alternates"] = [{"lang_code": code, "location": location} for code, location in versions.items()]
            url["alternates"].append({"lang_code": "x-default", "location": x_default(versions)})
        return urls


class ArticleFactsSitemap(TranslatedSitemap):
    """A sitemap of the objects that have published articles (found once per request: the index asks twice)."""

    field: str

    def objects(self):
        raise NotImplementedError

    def items(self):
        if not hasattr(self, "_found"):
            self._found = with_article_facts(self.objects(), self.field)
        return self._found


class SectionSitemap(ArticleFactsSitemap):
    def objects(self):
        return Section.objects.all()

    field = "section"

    def get_languages_for_item(self, item):
        return [language for language in super().get_languages_for_item(item) if item.slug_in(language)]

    def location(self, item):
        return reverse("articles:section", kwargs={"slug": item.slug_in(get_language())})


class AuthorSitemap(ArticleFactsSitemap):
    def objects(self):
        return Author.objects.all()

    field = "bylines__author"

    def location(self, item):
        return item.get_absolute_url()


class SeriesSitemap(ArticleFactsSitemap):
    def objects(self):
        return Series.objects.order_by("pk")

    field = "series"

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
            NewsItem(
                article,
                self.language,
                without_control_characters(getattr(article, f"headline_{self.language}")),
                article.publish_at,
            )
            for article in articles
        ]

    def location(self, item):
        return item.article.url_in(item.language)

    def lastmod(self, item):
        return item.article.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    **{f"articles-{language}": ArticleSitemap(language) for language in LANGUAGE_CODES},
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    **{f"news-{language}": NewsSitemap(language) for language in LANGUAGE_CODES},
}
