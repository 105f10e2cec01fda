from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.caching import per_generation
from core.languages import LANGUAGE_CODES
from core.shapes import Shape, get_or_404
from core.views import KeptCountMixin, ReaderPageMixin, url_in
from series.models import Series
from series.reading import series_in, series_parts

from . import links, rendering, structured_data
from .models import PAGE_LENGTH, Article, ArticleType, Byline, Section, Tag, sections_in
from .outline import outline

RELATED_COUNT = 3
SECTION_BLOCK_SIZE = 4
SECTION_WINDOW = 300
HOME_SERIES_COUNT = 4
SERIES_WINDOW = 60  # newest series parts looked at for the home page's series: a part or two of each


class ReaderListMixin(KeptCountMixin, ReaderPageMixin):
    """A paginated list of the articles a reader of the active language may see, newest first."""

    paginate_by = PAGE_LENGTH
    context_object_name = "articles"
    card_variants: tuple[str, ...] = ()  # the cards the page shows its articles as (rendering.CARD_VARIANTS)

    def reader_articles(self):
        """Return the list's articles for the paginator, each page read in one compiled query (`CardPages`)."""
        scope, subject = self.list_scope()
        return Article.objects.card_pages(get_language(), self.card_variants, scope=scope, subject=subject)

    def list_scope(self) -> tuple[str, int]:
        """Return the list this page shows, as the kept counts name it: a tag's, a section's or the home page's."""
        if getattr(self, "tag", None) is not None:
            return "tag", self.tag.pk
        if getattr(self, "section", None) is not None:
            return "section", self.section.pk
        return "home", 0

    def kept_count(self) -> int | None:
        scope, object_id = self.list_scope()
        return Article.objects.kept_count(get_language(), scope=scope, object_id=object_id)

    def collection_data(self, name, context) -> dict:
        articles = context["articles"]
        return structured_data.collection_page(
            self.request,
            name=name,
            canonical_url=context["canonical_url"],
            language=get_language(),
            items=[(article.headline, article.reader_path()) for article in articles],
        )


def next_appearance():
    """Return when the next scheduled article appears: the front page's blocks change then with no edit."""
    return Article.page_cache_next_change()


class HomeView(ReaderListMixin, ListView):
    """The front page: the lead story, the latest articles, each section's newest, series in progress."""

    template_name = "articles/home.html"
    card_variants = ("lead", "list-3")
    page_cache_tags = ("home",)  # what the page cache invalidates when its lists change

    def get_queryset(self):
        return self.reader_articles()

    def alternate_locations(self):
        return {language: url_in(language, "articles:home") for language in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        articles = list(context["articles"])
        first_page = context["page_obj"].number == 1
        context.update(
            lead=articles[0] if first_page and articles else None,
            latest=articles[1:] if first_page else articles,
            # Site-wide, like the navigation: read once per content generation, or when a scheduled article appears.
            section_blocks=per_generation(
                f"front-sections:{language}", lambda: self.section_blocks(language), until=next_appearance
            )
            if first_page
            else [],
            series_in_progress=per_generation(
                f"front-series:{language}", lambda: self.series_in_progress(language), until=next_appearance
            )
            if first_page
            else [],
            structured_data=[structured_data.website(self.request, language=language)],
        )
        return context

    def section_blocks(self, language: str) -> list[tuple[Section, list[Article]]]:
        """Return each section with its newest few articles in this language, in three small queries.

        Only the newest few hundred articles are looked at, so the cost does not grow with the archive; a
        section with nothing among them has no block on the front page (it keeps its place in the navigation).
        """
        sections = sections_in(language)
        recent = Article.objects.published().available_in(language).newest_first()
        chosen: dict[int, list[int]] = {}
        for pk, section_id in recent.values_list("pk", "section_id")[:SECTION_WINDOW]:
            picks = chosen.setdefault(section_id, [])
            if len(picks) < SECTION_BLOCK_SIZE:
                picks.append(pk)
        picked = [pk for picks in chosen.values() for pk in picks]
        articles = Article.objects.as_cards(language, "compact").as_teasers().in_bulk(picked)
        return [(section, [articles[pk] for pk in chosen[section.pk]]) for section in sections if section.pk in chosen]

    def series_in_progress(self, language: str) -> list[Series]:
        """
        Return the series with the newest parts readable in this language, newest first.

        Only the series of the newest few dozen such parts are counted, found through the index of series
        articles by date, so the cost does not grow with the archive's series (every series' parts were
        counted to pick four: 70-80 ms with 2,000 series, issue 17).
        """
        newest_parts = (
            Article.objects.published()
            .available_in(language)
            .filter(series__isnull=False)
            .newest_first()
            .values("series")[:SERIES_WINDOW]
        )
        return list(series_in(language).filter(pk__in=newest_parts).order_by("-latest_part_at")[:HOME_SERIES_COUNT])


class SectionView(ReaderListMixin, ListView):
    template_name = "articles/section_detail.html"
    card_variants = ("list",)

    def get_queryset(self):
        language, slug = get_language(), self.kwargs["slug"]
        # From the sections the navigation reads once per content generation: no query of its own.
        self.section = next((section for section in sections_in(language) if section.slug_in(language) == slug), None)
        if self.section is None:
            raise Http404("No such section")
        return self.reader_articles()

    def alternate_locations(self):
        return {
            language: location
            for language in LANGUAGE_CODES
            if (location := url_in(language, "articles:section", slug=self.section.slug_in(language)))
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(section=self.section, current_section=self.section, **kwargs)
        home = reverse("articles:home")
        context["structured_data"] = [
            self.collection_data(self.section.name, context),
            structured_data.breadcrumbs(self.request, [(_("Home"), home), (self.section.name, self.request.path)]),
        ]
        return context


class TagView(ReaderListMixin, ListView):
    template_name = "articles/tag_detail.html"
    card_variants = ("list-section",)

    def get_queryset(self):
        self.tag = get_or_404(Tag, **{f"slug_{get_language()}": self.kwargs["slug"]})
        return self.reader_articles()

    def alternate_locations(self):
        return {
            language: location
            for language in LANGUAGE_CODES
            if (location := url_in(language, "articles:tag", slug=self.tag.slug_in(language)))
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        context["structured_data"] = [self.collection_data(self.tag.name, context)]
        return context


class TypeView(ReaderListMixin, ListView):
    """The articles of one type (all the analysis, all the opinion) in the active language, newest first."""

    template_name = "articles/articletype_detail.html"
    card_variants = ("list-section-untyped",)

    def get_queryset(self):
        self.article_type = get_or_404(ArticleType, **{f"slug_{get_language()}": self.kwargs["slug"]})
        return self.reader_articles()

    def list_scope(self) -> tuple[str, int]:
        return "type", self.article_type.pk  # kept by the database since migration 0020

    def alternate_locations(self):
        return {
            language: location
            for language in LANGUAGE_CODES
            if (location := url_in(language, "articles:type", slug=self.article_type.slug_in(language)))
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(article_type=self.article_type, **kwargs)
        home = reverse("articles:home")
        context["structured_data"] = [
            self.collection_data(self.article_type.name, context),
            structured_data.breadcrumbs(self.request, [(_("Home"), home), (self.article_type.name, self.request.path)]),
        ]
        return context


# What other apps show on the article page, fetched with the article (lookups or Prefetch objects): each app
# appends its own from its AppConfig.ready() (corrections: the article's notes), as articles imports no app above it.
PAGE_PREFETCHES: list = []


def with_page_relations(articles):
    """
    Fetch what the article page shows beside the article (section, series, type, tags, other apps'
    PAGE_PREFETCHES) with it; its byline is fetched with the related articles' bylines, in one query
    (`article_page_context`).
    """
    return articles.select_related("section", "series", "article_type").prefetch_related("tags", *PAGE_PREFETCHES)


def related_articles(article: Article, language: str) -> list[Article]:
    """Return the newest few articles sharing the article's series, section or a tag (see `related_to`)."""
    tags = [tag.pk for tag in article.tags.all()]
    return related_to(article.pk, language, section=article.section_id, series=article.series_id, tags=tags)


def related_queryset(pk: int, language: str, *, section: int, series: int | None, tags: list[int], now=None):
    """Return the newest articles sharing this article's series, section or a tag: a few more than are shown, an
    article with two of the tags coming once per tag (`related_ids` and `related_to` keep the first of each).

    Ordered by date alone so that the database walks its publication index and stops after a few rows,
    however large the archive; the series' own parts are listed in full in the series box.
    """
    # Joined, so that the tags are tested row by row as the date index is walked (an index probe each): as a
    # subquery (`IN`, even `EXISTS`) PostgreSQL first read every article carrying the tags, 25,000 rows and
    # 70 ms for two common tags at a million articles.
    condition = Q(section=section)
    if tags:
        condition |= Q(tags__in=tags)
    if series:
        condition |= Q(series=series)
    articles = Article.objects.readable(language, now=now).exclude(pk=pk).filter(condition).newest_first()
    return articles[: RELATED_COUNT * max(1, len(tags))]


@Shape  # built and compiled once per language and shape (whether in a series, how many tags): core/shapes.py
def _related_ids(language: str, **shared):
    return related_queryset(language=language, **shared).values_list("pk", flat=True)


def related_ids(pk: int, language: str, *, section: int, series: int | None, tags: list[int]) -> list[int]:
    """Return the related articles' keys alone (a stored page's, whose cards are stored: `rendering.related_cards`)."""
    rows = _related_ids(language, pk=pk, section=section, series=series, tags=list(tags), now=timezone.now())
    return list(dict.fromkeys(rows))[:RELATED_COUNT]


def related_to(pk: int, language: str, **shared) -> list[Article]:
    """Return the related articles for their cards, each with its stored card when it has one, in one query
    (their bylines are fetched with the article's, by `article_page_context`)."""
    once = {}
    rows = related_queryset(pk, language, **shared).select_related("section", "article_type")
    for row in rows.as_cards(language, *rendering.RELATED_CARDS).as_teasers():
        once.setdefault(row.pk, row)
    return list(once.values())[:RELATED_COUNT]


def article_page_context(article: Article, language: str, *, request: HttpRequest) -> dict:
    """
    Return the context of `articles/article_detail.html` for an article in a language (active while it
    renders): the body with its outline, byline, tags, series, related articles and structured data.

    The reader's page and the staff preview both build it here, so that the preview shows what readers will
    see (it once showed no body at all, from a context of its own that left out the outline). The page's head
    (its versions in other languages) is the caller's: `ReaderPageMixin` for readers, the preview its own.
    """
    parts = series_parts(article.series, language, current=article) if article.series_id else []
    readable = [part for part in parts if part.url]
    here = next((index for index, part in enumerate(readable) if part.is_current), None)
    # Its address in this language; a preview of a language it is not written in has none yet.
    location = article.url_in(language) if article.slug_in(language) else request.path
    canonical_url = request.build_absolute_uri(location)
    home = reverse("articles:home")
    related = related_articles(article, language)
    # One query for the article's byline and the related articles' (a preview's byline is already in hand).
    prefetch_related_objects([article, *related], Prefetch("bylines", queryset=Byline.objects.select_related("author")))
    # Links to our articles point at their version in this language (one query, only for a body with such links).
    body = links.in_language(article.body, language)
    return {
        "article": article,
        "canonical_url": canonical_url,
        "outline": outline(body.html),
        # In the context so that the page cache tags the page with them: a change to one makes the page stale.
        "linked_articles": body.linked_articles,
        "authors": article.ordered_authors(),
        "tags": list(article.tags.all()),
        "series_parts": parts,
        "previous_part": readable[here - 1] if here else None,
        "next_part": readable[here + 1] if here is not None and here + 1 < len(readable) else None,
        "related": related,
        "current_section": article.section,
        "published_at": article.first_published_at or article.publish_at,
        "structured_data": [
            structured_data.news_article(request, article, canonical_url=canonical_url, language=language),
            structured_data.breadcrumbs(
                request,
                [
                    (_("Home"), home),
                    (article.section.name, article.section.get_absolute_url()),
                    (article.headline, request.path),
                ],
            ),
        ],
    }


def taken_down_response(request: HttpRequest, article: Article, language: str) -> HttpResponse:
    """
    Answer a taken-down article's address: 410 Gone, with a short notice in the page's language (or the
    notice the editor wrote for it), never indexed, never stored by the page cache or the edge (not a 200,
    and no surrogate keys). Nothing of the article (headline, picture) is shown.
    """
    response = render(
        request,
        "articles/article_gone.html",
        {"legal_notice": article.takedown_notice_in(language), "language": language},
        status=410,
    )
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


class ArticleView(ReaderPageMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return with_page_relations(Article.objects.published())

    def get(self, request, *args, **kwargs):
        language = get_language()
        if stored := rendering.stored_page(kwargs["slug"], language):
            return self.stored_response(stored, language)
        # Another article may have this slug in the other language: the one with it in this language wins.
        candidates = list(self.get_queryset().with_slug(kwargs["slug"]))
        article = next((c for c in candidates if c.slug_in(language) == kwargs["slug"]), None) or next(
            iter(candidates), None
        )
        if article is None or not article.available_languages():
            if gone := Article.objects.filter(status=Article.Status.TAKEN_DOWN).with_slug(kwargs["slug"]).first():
                return taken_down_response(request, gone, language)
            raise Http404("No such article")
        if not article.is_available_in(language):
            # Not written in this language: send the reader to a version that exists.
            return redirect(article.url_in(article.available_languages()[0]))
        if article.slug_in(language) != kwargs["slug"]:
            return redirect(article.url_in(language), permanent=True)
        self.object = article
        return self.render_to_response(self.get_context_data(object=article))

    def stored_response(self, stored, language: str):
        """Answer from the article's stored page (articles/rendering.py), with its related articles found now."""
        related_by = stored.related_by
        ids = related_ids(
            stored.article_id,
            language,
            section=related_by["section"],
            series=related_by["series"],
            tags=related_by["tags"],
        )
        related, cards = rendering.related_cards(ids, language)
        context = {**rendering.page_context(stored, self.request), "related": related, "related_cards": cards}
        return self.response_class(
            request=self.request,
            template="articles/article_stored.html",
            context={**context, "view": self},
            using=self.template_engine,
        )

    def alternate_locations(self):
        return {language: self.object.url_in(language) for language in self.object.available_languages()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(article_page_context(self.object, get_language(), request=self.request))
        return context
