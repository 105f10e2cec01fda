"""
Sitemaps: the pages crawlers should find, and the Google News sitemaps.

Each page is listed once per language it can be read in, with `xhtml:link` alternates naming every
version (and `x-default`: `core.languages.x_default`); articles have a sitemap per language.
A page counts as readable in a language when it has something published in that language: an article
written in it, or a section, type, author or series with such an article. The Google News sitemaps list each
language's articles of the last two days.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Exists, Max, OuterRef, Subquery
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language

from articles.models import Article, ArticleType, Byline, Section
from authors.models import Author
from core.languages import LANGUAGE_CODES, x_default
from core.models import filled
from core.text import without_control_characters
from series.models import Series

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap
AUTHOR_RECENT_BYLINES = 24  # a writer's page shows 12 articles a page: its first two pages


# What reverse() leaves unquoted in a URL (django.urls.resolvers): an address filled in below matches its output.
_URL_SAFE = RFC3986_SUBDELIMS + "/~:@"
_SLUG_TO_FILL = "slug-to-fill"


def addresses(viewname: str):
    """
    Return a function giving the path of the view in a language for a slug, as reverse() would, without a
    reverse() per URL: the path is reversed once per language with a stand-in slug, and the slug quoted
    into it. A sitemap page of thousands of URLs once spent most of its time in reverse().
    """
    parts = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            parts[language] = reverse(viewname, kwargs={"slug": _SLUG_TO_FILL}).split(_SLUG_TO_FILL)

    def address(language: str, slug: str) -> str:
        before, after = parts[language]
        return f"{before}{quote(slug, safe=_URL_SAFE)}{after}"

    return address


class TranslatedSitemap(Sitemap):
    """A sitemap listing each item in the languages it has, with hreflang alternates and x-default."""

    i18n = True
    alternates = True

    def get_languages_for_item(self, item):
        return [language for language in LANGUAGE_CODES if getattr(item, f"readable_{language}")]

    def path_in(self, item, language: str) -> str:
        """Return the item's path in a language (subclasses may find it without activating the language)."""
        with translation.override(language):
            return self.location(item)

    def get_urls(self, page=1, site=None, protocol=None):
        """
        Return the URLs of a page as Django's Sitemap does for an i18n sitemap (an entry per item and
        language, each with every version as an alternate, plus x-default), each version's path found once.
        """
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls, versions_of, latest, every_lastmod = [], {}, None, True
        for item, language in self.paginator.page(page).object_list:
            if id(item) not in versions_of:
                versions_of[id(item)] = {
                    code: f"{origin}{self.path_in(item, code)}" for code in self.get_languages_for_item(item)
                }
            versions = versions_of[id(item)]
            lastmod = self.lastmod(item)
            every_lastmod = every_lastmod and lastmod is not None
            if every_lastmod and (latest is None or lastmod > latest):
                latest = lastmod
            alternates = [{"location": location, "lang_code": code} for code, location in versions.items()]
            alternates.append({"lang_code": "x-default", "location": x_default(versions)})
            urls.append(
                {
                    "item": (item, language),
                    "location": versions[language],
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        if every_lastmod and latest:
            self.latest_lastmod = latest
        return urls

    def lastmod(self, item):
        return getattr(item, "last_change", None)


def with_article_facts(
    objects, relation: str, *, changed_among=None, by_newest: bool = False, window: slice | None = None
) -> list:
    """
    Return the objects that have published articles, each with `readable_<lang>` (it has a published
    article in that language) and `last_change` (when one of its published articles last changed, or, given
    `changed_among`, one of the articles that subquery names) — in one query whose subqueries each stop at the
    first article they find through an index (the newest change, any article in the language; `by_newest`:
    the newest article in the language), so that its cost follows the number of objects, not of articles.
    `window` takes a slice of the objects, in their order, before their facts are found.
    """
    published = Article.objects.published().order_by()
    mine = published.filter(**{relation: OuterRef("pk")})
    changed = mine if changed_among is None else published.filter(pk__in=changed_among)
    if by_newest:
        # For an object holding a large share of the archive (a section), PostgreSQL answers EXISTS with a
        # sequential scan that stops early; asked for the newest article, it reads the end of an index.
        readable = {
            f"readable_{language}": IsNull(
                Subquery(mine.available_in(language).order_by("-publish_at").values("publish_at")[:1]), False
            )
            for language in LANGUAGE_CODES
        }
    else:
        readable = {f"readable_{language}": Exists(mine.available_in(language)) for language in LANGUAGE_CODES}
    annotated = objects.annotate(
        last_change=Subquery(changed.order_by("-updated_at").values("updated_at")[:1]), **readable
    )
    if window is not None:
        annotated = annotated[window]
    return [obj for obj in annotated if any(getattr(obj, name) for name in readable)]


class ObjectPagesPaginator(Paginator):
    """
    Pages of a sitemap of objects (sections, writers, series): each page takes its share of the objects, in
    their order, and finds the facts of those alone; each object gives a URL per language it is readable in.
    The number of pages comes from a count of the objects, so the index knows it without their facts; a
    page may list fewer URLs than it could (objects with no articles, or not in every language).
    """

    def __init__(self, sitemap: "ArticleFactsSitemap"):
        super().__init__(sitemap.objects(), max(1, sitemap.limit // len(LANGUAGE_CODES)))
        self.sitemap = sitemap

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        found = self.sitemap.facts(window=slice(bottom, bottom + self.per_page))
        pairs = [(item, language) for item in found for language in self.sitemap.get_languages_for_item(item)]
        return self._get_page(pairs, number, self)


class IdRangePaginator(Paginator):
    """
    Pages of a sitemap by ranges of ids: page n lists the articles with ids from (n - 1) × per_page + 1 to
    n × per_page, newest first. A page is read through the primary key and counting the pages takes the
    newest id, so that the last page of a million articles costs what the first does (an OFFSET would read
    every article before it); and a page keeps its articles as new ones are published. A page holds at most
    `per_page` URLs, fewer where ids went to drafts or to the other language.
    """

    @cached_property
    def num_pages(self):
        last = self.object_list.order_by("-pk").values_list("pk", flat=True).first()
        return math.ceil(last / self.per_page) if last else 1

    @cached_property
    def count(self):
        return self.num_pages * self.per_page  # an upper bound; nothing here reads it

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list.filter(pk__gt=bottom, pk__lte=bottom + self.per_page), number, self)


class ArticleSitemap(Sitemap):
    """
    One language's articles, newest first, each with the alternates of every version.

    One sitemap per language (rather than Django's i18n sitemap, which builds every item of every language
    in memory to paginate) keeps the items a lazy queryset: a page is one LIMIT/OFFSET query.
    """

    # Ids per sitemap page (IdRangePaginator). Each URL carries its alternates; 1,000 keep an uncached page
    # well under 200 ms and the index of a million articles at about 2,000 entries, far below its 50,000.
    limit = 1_000

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

    @property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def location(self, item):
        return item.url_in(self.language)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        """Return the URLs of a page as Django's Sitemap does, each with the alternates of every version."""
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        address = addresses("articles:detail")
        urls, latest = [], None
        for article in self.paginator.page(page).object_list:
            versions = {
                language: f"{origin}{address(language, article.slug_in(language))}"
                for language in LANGUAGE_CODES
                if article.is_available_in(language) and article.slug_in(language)
            }
            alternates = [{"lang_code": code, "location": location} for code, location in versions.items()]
            alternates.append({"lang_code": "x-default", "location": x_default(versions)})
            latest = article.updated_at if latest is None else max(latest, article.updated_at)
            urls.append(
                {
                    "item": article,
                    "location": versions[self.language],
                    "lastmod": article.updated_at,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        if latest:
            self.latest_lastmod = latest
        return urls


class ArticleFactsSitemap(TranslatedSitemap):
    """A sitemap of the objects that have published articles, a page of objects at a time (ObjectPagesPaginator)."""

    relation: str  # the lookup from an article to the object
    by_newest = False  # find "has an article in the language" as its newest one (see with_article_facts)

    def objects(self):
        raise NotImplementedError

    def facts(self, window: slice | None = None) -> list:
        """Return the objects (those in the window of their order) that have published articles, with facts."""
        return with_article_facts(self.objects(), self.relation, by_newest=self.by_newest, window=window)

    def items(self):
        return self.facts()

    def get_latest_lastmod(self):
        """The newest change among the published articles with such an object, from the end of an index."""
        changed = Article.objects.published().filter(**{f"{self.relation}__isnull": False}).order_by("-updated_at")
        return changed.values_list("updated_at", flat=True).first()

    # URLs per page, each with its alternates: 1,000 render well under 200 ms.
    limit = 1_000

    @property
    def paginator(self):
        return ObjectPagesPaginator(self)


class SectionSitemap(ArticleFactsSitemap):
    def objects(self):
        return Section.objects.order_by("position", "pk").only(
            "pk", *(f"slug_{language}" for language in LANGUAGE_CODES)
        )

    relation = "section"
    by_newest = True  # a few objects, each with a large share of the archive

    def get_languages_for_item(self, item):
        return [language for language in super().get_languages_for_item(item) if item.slug_in(language)]

    def location(self, item):
        return reverse("articles:section", kwargs={"slug": item.slug_in(get_language())})

    def path_in(self, item, language):
        if not hasattr(self, "_address"):
            self._address = addresses("articles:section")
        return self._address(language, item.slug_in(language))


class TypeSitemap(SectionSitemap):
    """The article types' list pages, as the sections' (a few objects, each with a share of the archive)."""

    def objects(self):
        return ArticleType.objects.order_by("position", "pk").only(
            "pk", *(f"slug_{language}" for language in LANGUAGE_CODES)
        )

    relation = "article_type"

    def facts(self, window: slice | None = None) -> list:
        """
        Each type's facts asked with its id in the query, not correlated: PostgreSQL then knows from its
        statistics that a type holds most of the archive or almost none, and reads each from the right index.
        Correlated (with_article_facts), a type with no articles walked the whole date index three times while
        another held the million (16 s); the list of types is short, so three small queries each cost less.
        """
        kinds = self.objects() if window is None else self.objects()[window]
        found = []
        for kind in kinds:
            mine = Article.objects.published().filter(article_type=kind.pk).order_by()
            for language in LANGUAGE_CODES:
                # Its newest article in the language, from the end of an index (as with_article_facts' by_newest):
                # asked whether one exists, PostgreSQL scanned the table until it found one.
                newest = mine.available_in(language).order_by("-publish_at").values_list("publish_at", flat=True)
                setattr(kind, f"readable_{language}", newest.first() is not None)
            if any(getattr(kind, f"readable_{language}") for language in LANGUAGE_CODES):
                kind.last_change = mine.order_by("-updated_at").values_list("updated_at", flat=True).first()
                found.append(kind)
        return found

    def location(self, item):
        return reverse("articles:type", kwargs={"slug": item.slug_in(get_language())})

    def path_in(self, item, language):
        if not hasattr(self, "_address"):
            self._address = addresses("articles:type")
        return self._address(language, item.slug_in(language))


class AuthorSitemap(ArticleFactsSitemap):
    """
    The writers with published articles. A writer's page lists their newest articles first, and their
    bylines hold no date: its last change is read from their newest bylines (by article id, through an index)
    rather than from every article they ever wrote, which for a prolific writer is thousands.
    """

    def objects(self):
        return Author.objects.order_by("name", "pk").only("pk", "slug")

    relation = "bylines__author"

    def facts(self, window: slice | None = None) -> list:
        newest = Byline.objects.filter(author=OuterRef(OuterRef("pk"))).order_by("-article_id")
        recent = newest.values("article_id")[:AUTHOR_RECENT_BYLINES]
        return with_article_facts(self.objects(), self.relation, changed_among=recent, window=window)

    def location(self, item):
        return item.get_absolute_url()

    def path_in(self, item, language):
        if not hasattr(self, "_address"):
            self._address = addresses("authors:detail")
        return self._address(language, item.slug)


class SeriesSitemap(ArticleFactsSitemap):
    def objects(self):
        return Series.objects.order_by("pk").only("pk", *(f"slug_{language}" for language in LANGUAGE_CODES))

    relation = "series"

    def get_languages_for_item(self, item):
        return [language for language in super().get_languages_for_item(item) if item.slug_in(language)]

    def location(self, item):
        return reverse("series:detail", kwargs={"slug": item.slug_in(get_language())})

    def path_in(self, item, language):
        if not hasattr(self, "_address"):
            self._address = addresses("series:detail")
        return self._address(language, item.slug_in(language))


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
    "types": TypeSitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    **{f"news-{language}": NewsSitemap(language) for language in LANGUAGE_CODES},
}
