import functools
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import F, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core import media
from core.background import enqueue_on_commit
from core.caching import generation_known, per_generation
from core.languages import LANGUAGE_CODES
from core.models import TranslatedSlugMixin, drop_control_characters, filled, is_written, written_in
from core.primary import on_primary
from core.renditions import Renditions, delete_renditions_after_commit, is_pending, pending_manifest
from core.shapes import Shape
from core.text import reading_minutes, sanitise_body
from core.validators import validate_raster_image
from series.labels import part_label

# What the search app stores per language to find an article: no page shows it.
SEARCH_INDEX_COLUMNS = tuple(
    f"{prefix}_{code}" for prefix in ("search_text", "search_vector", "search_rank_vector") for code in LANGUAGE_CODES
)
# What a list item (a card, a feed entry, a sitemap entry) reads of an article: `ArticleQuerySet.as_teasers()`.
TEASER_COLUMNS = (
    "section",
    "article_type",
    "series",
    "part",
    "status",
    "publish_at",
    "first_published_at",
    "updated_at",
    "image_renditions",
    *(f"{name}_{code}" for name in ("headline", "slug", "standfirst", "reading_minutes") for code in LANGUAGE_CODES),
)
# The order of every "latest" list; search results without a rank follow it too.
NEWEST_FIRST = ("-publish_at", "-pk")
# The lists whose size the database keeps per language on PostgreSQL (migrations 0012 and 0013).
KEPT_LISTS = ("home", "section", "tag", "author", "type")
# The kept lists an article belongs to through a column of its own: the column, by list.
KEPT_BY_COLUMN = {"section": "section", "type": "article_type"}
# How a reader's list (a page or a feed) is narrowed to its subject: the lookup the subject's key is matched with.
LIST_LOOKUPS = {"home": None, **KEPT_BY_COLUMN, "tag": "tags", "author": "bylines__author", "series": "series"}
PAGE_LENGTH = 12  # the articles on a page of a reader's list

# Saves this soon after first publication (typo fixes) do not earn an "Updated" line.
UPDATE_GRACE = timedelta(minutes=10)


class NamedListing(TranslatedSlugMixin):
    """A section, tag or article type: a name and a slug per language, and a list page of its articles."""

    list_url_name: str

    def __str__(self):
        return self.name or ""

    def save(self, *args, **kwargs):
        drop_control_characters(self)
        self.fill_slugs()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        slug = self.slug_in(translation.get_language()) or self.slug_en
        return reverse(self.list_url_name, kwargs={"slug": slug})


class Section(NamedListing, models.Model):
    """A desk of the newsroom, such as Economy or Culture."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True, blank=True, null=True)  # noqa: DJ001 -- NULL: no slug in this language
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Sections are listed in this order.")
    )
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    page_cache_label = "section"
    list_url_name = "articles:section"

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="section_unique_slug_en"),
            models.UniqueConstraint(fields=["slug_fa"], name="section_unique_slug_fa"),
        ]

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages a change makes stale: every page, whose navigation lists the sections."""
        return {"site"}


class Tag(NamedListing, models.Model):
    """A topic label that cuts across sections."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True, blank=True, null=True)  # noqa: DJ001 -- NULL: no slug in this language
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    page_cache_label = "tag"
    list_url_name = "articles:tag"

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="tag_unique_slug_en"),
            models.UniqueConstraint(fields=["slug_fa"], name="tag_unique_slug_fa"),
        ]

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages besides its own that a change makes stale: the feeds and sitemaps."""
        return {"feeds", "sitemaps"}


class ArticleType(NamedListing, models.Model):
    """
    What kind of piece an article is (news, analysis, opinion, …): a label readers see on cards and pages, a
    list page and feed of its own, and the schema.org type search engines read in the article's JSON-LD.
    """

    class SchemaType(models.TextChoices):
        # NewsArticle and its subtypes on schema.org (https://schema.org/NewsArticle, "More specific Types").
        # schema.org has no interview type: an interview is plain NewsArticle.
        NEWS = "NewsArticle", _("News article (NewsArticle)")
        ANALYSIS = "AnalysisNewsArticle", _("Analysis (AnalysisNewsArticle)")
        OPINION = "OpinionNewsArticle", _("Opinion (OpinionNewsArticle)")
        BACKGROUND = "BackgroundNewsArticle", _("Explainer or background (BackgroundNewsArticle)")
        REPORTAGE = "ReportageNewsArticle", _("Reportage (ReportageNewsArticle)")
        REVIEW = "ReviewNewsArticle", _("Review (ReviewNewsArticle)")
        ASK_PUBLIC = "AskPublicNewsArticle", _("Call for information (AskPublicNewsArticle)")

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, allow_unicode=True, blank=True, null=True)  # noqa: DJ001 -- NULL: no slug in this language
    schema_type = models.CharField(
        _("schema.org type"),
        max_length=40,
        choices=SchemaType,
        default=SchemaType.NEWS,
        help_text=_("What the article's structured data tells search engines it is."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Types are listed in this order.")
    )
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    page_cache_label = "type"
    list_url_name = "articles:type"

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("article type")
        verbose_name_plural = _("article types")
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="articletype_unique_slug_en"),
            models.UniqueConstraint(fields=["slug_fa"], name="articletype_unique_slug_fa"),
        ]

    def page_cache_stale_tags(self) -> set[str]:
        """
        Return the pages besides those tagged with it that a change makes stale: the feeds and sitemaps. Every
        page showing an article of the type (its card, its page) is tagged "type:<pk>" through the article.
        """
        return {"feeds", "sitemaps"}


def sections_in(language: str) -> list[Section]:
    """
    Return the sections with a page in this language, in order: the navigation's and the front page's.

    Read once per content generation in each process (every edit starts a new one), not once per page.
    """
    return per_generation(f"sections:{language}", lambda: list(Section.objects.filter(filled(f"slug_{language}"))))


def scheduled_lists(language: str) -> list[dict[str, set[int]]]:
    """
    Return, for each article scheduled to appear later in the language, the kept lists it will join (KEPT_LISTS:
    {"home": {0}, "section": {3}, "tag": {4, 9}, …}), which their kept counts already include.

    Read once per content generation (scheduling one is a save) and again when the first of them appears, so a
    list's count is its kept row less these, with no query of the scheduled articles per page.
    """

    def read() -> list[dict[str, set[int]]]:
        scheduled = (
            Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
            .available_in(language)
            .values_list("pk", "section_id", "article_type_id")
        )
        lists = {
            pk: {"home": {0}, "section": {section}, "type": {kind} - {None}, "tag": set(), "author": set()}
            for pk, section, kind in scheduled
        }
        for article, tag in Article.tags.through.objects.filter(article__in=lists).values_list("article", "tag"):
            lists[article]["tag"].add(tag)
        for article, author in Byline.objects.filter(article__in=lists).values_list("article", "author"):
            lists[article]["author"].add(author)
        return list(lists.values())

    return per_generation(f"scheduled-lists:{language}", read, until=Article.page_cache_next_change)


@functools.lru_cache(maxsize=64)
def _prebuilt(language: str, variants: tuple[str, ...] | None, version: str) -> "ArticleQuerySet":
    """
    The part of a reader's query that is the same on every page (which language, which columns, which cards),
    built once per process: building it took 1.0 ms a list page, filtering a copy of it 0.1 ms. Never evaluated
    itself: `ArticleQuerySet.readable()` and `card_list()` filter a copy, which is a query of its own.
    """
    articles = Article.objects.available_in(language)
    if variants is None:
        return articles.without_search_index()
    return articles.as_cards(language, *variants).as_teasers().newest_first()


@Shape  # built and compiled once per list, page and language (core/shapes.py), run with the list's subject
def _page_of_cards(language, variants, version, scope, start, stop, *, now, subject):
    return Article.objects.card_list(language, *variants, now=now).in_list(scope, subject)[start:stop]


class CardPages:
    """
    A reader's list of cards as a paginator takes it (`ArticleQuerySet.card_pages`): each page it slices is
    read by one run of a query compiled once per list and page (`_page_of_cards`), its articles fetched with
    their stored cards. Its length is counted only where no count is kept (`kept_count`, KeptCountMixin).
    """

    ordered = True  # newest first

    def __init__(self, language: str, variants: tuple[str, ...], *, scope: str, subject: int = 0):
        self.language, self.variants, self.scope, self.subject = language, variants, scope, subject

    def count(self) -> int:
        return Article.objects.card_list(self.language, *self.variants).in_list(self.scope, self.subject).count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list["Article"]:
        from .rendering import current_version  # the stored pages' module imports this one

        if not isinstance(index, slice) or index.step is not None or index.stop is None:
            raise TypeError("A list of cards is read a page at a time: articles[start:stop].")
        start = index.start or 0
        if index.stop <= start:
            return []
        # A list's last page is shorter: read as a whole page, so that its length (which changes with every
        # article published) is not a shape of its own.
        stop = start + -(-(index.stop - start) // PAGE_LENGTH) * PAGE_LENGTH
        subject = self.subject if LIST_LOOKUPS[self.scope] else None
        found = _page_of_cards(
            self.language,
            self.variants,
            current_version(),
            self.scope,
            start,
            stop,
            now=timezone.now(),
            subject=subject,
        )
        return found[: index.stop - start]


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """
        Return the articles a reader may see now: published, and not scheduled for later. The stored search
        index, which no page shows, is left in the database (see `without_search_index`).
        """
        return self.filter(Article.published_condition()).without_search_index()

    def readable(self, language: str, *, now=None):
        """Return the articles a reader of the language may see now (or at `now`): `published().available_in()`."""
        from .rendering import current_version  # the stored pages' module imports this one

        return _prebuilt(language, None, current_version()).filter(Article.published_condition(now=now))

    def card_list(self, language: str, *variants: str, now=None):
        """
        Return the articles a reader of the language may see now, newest first, for a list of cards of these
        variants: `published().available_in(language).as_cards(language, *variants).as_teasers().newest_first()`.
        """
        from .rendering import current_version  # the stored pages' module imports this one

        return _prebuilt(language, variants, current_version()).filter(Article.published_condition(now=now))

    def card_pages(self, language: str, variants: tuple[str, ...], *, scope: str, subject: int = 0) -> "CardPages":
        """
        Return a reader's list of cards for a paginator (`CardPages`): the home page's, or a section's, a tag's,
        a type's or an author's (`scope`, LIST_LOOKUPS) whose key is `subject`.
        """
        return CardPages(language, variants, scope=scope, subject=subject)

    def without_search_index(self):
        """Leave each article's search text and vectors in the database: together larger than its body."""
        return self.defer(*SEARCH_INDEX_COLUMNS)

    def available_in(self, language: str):
        """Return the articles whose headline and body are written in the language."""
        return self.filter(written_in(Article, language))

    def by_author(self, author):
        return self.filter(bylines__author=author)

    def in_list(self, scope: str, subject):
        """Return the articles of a reader's list (LIST_LOOKUPS): all for the home page's, else its subject's."""
        lookup = LIST_LOOKUPS[scope]
        return self.filter(**{lookup: subject}) if lookup else self

    def with_slug(self, slug: str):
        """Return the articles whose slug in any language is this one."""
        condition = Q()
        for language in LANGUAGE_CODES:
            condition |= Q(**{f"slug_{language}": slug})
        return self.filter(condition)

    def newest_first(self):
        return self.order_by(*NEWEST_FIRST)

    def kept_count(self, language: str, *, scope: str, object_id: int = 0) -> int | None:
        """
        Return how many articles a reader's list holds in the language, from the counts PostgreSQL keeps in
        the same transaction as every change, less those scheduled for later (few, and found through the
        (status, publish_at) index); None where no count is kept (SQLite), for the caller to count instead.
        The list is the home page's, a section's, a tag's, an author's or a type's (KEPT_LISTS).
        """
        connection = connections[self.db]
        if connection.vendor != "postgresql":
            return None
        if generation_known():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT articles FROM articles_listcount WHERE scope = %s AND object_id = %s AND language = %s",
                    [scope, object_id, language],
                )
                row = cursor.fetchone()
            waiting = sum(object_id in lists[scope] for lists in scheduled_lists(language))
            return max(0, (row[0] if row else 0) - waiting)
        scheduled = (
            Article.objects.using(self.db)
            .filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
            .available_in(language)
        )
        if scope in KEPT_BY_COLUMN:
            scheduled = scheduled.filter(**{KEPT_BY_COLUMN[scope]: object_id})
        elif scope in {"tag", "author"}:
            # A scalar subquery, tested on each of the few scheduled articles. As a join (or EXISTS) PostgreSQL
            # read all of a prolific writer's 137,000 bylines to find their seven scheduled articles (48 ms).
            links = Article.tags.through.objects if scope == "tag" else Byline.objects
            first_link = links.filter(article=OuterRef("pk"), **{scope: object_id}).values("pk")[:1]
            scheduled = scheduled.annotate(link=Subquery(first_link)).filter(link__isnull=False)
        # One statement: the kept count less the scheduled ones, counted in a subquery.
        scheduled_sql, scheduled_params = scheduled.values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COALESCE((SELECT articles FROM articles_listcount"
                " WHERE scope = %s AND object_id = %s AND language = %s), 0)"
                f" - (SELECT COUNT(*) FROM ({scheduled_sql}) AS scheduled)",
                [scope, object_id, language, *scheduled_params],
            )
            (count,) = cursor.fetchone()
        # Never below none: a count that has gone wrong (kept counts loaded around their triggers) shows an
        # empty list, not an error page.
        return max(0, count)

    def as_cards(self, language: str, *variants: str):
        """
        For a list of cards: fetch each article's stored cards of these variants in the language
        (articles/rendering.py) with what they show, in the same query. An article whose page is not stored in the
        current version has no card here: `{% stored_cards %}` fetches its section, type and byline, and
        `{% article_card %}` renders it.
        """
        from .rendering import variant_attribute  # the stored pages' module imports this one

        return self.with_stored_page(language).annotate(
            # What the stored cards show, as the page cache tags a page showing them (core/tags.py).
            page_cache_carried_tags=F("stored__keys"),
            stored_path=KeyTextTransform(language, "stored__alternates"),  # its address (`reader_path`)
            **{variant_attribute(variant): KeyTextTransform(variant, "stored__cards") for variant in variants},
        )

    def with_stored_page(self, language: str):
        """Join each article's stored page in the language, when it is of the current version, as `stored`."""
        from .rendering import current_version  # the stored pages' module imports this one

        condition = Q(renderings__language=language, renderings__version=current_version())
        return self.annotate(stored=FilteredRelation("renderings", condition=condition))

    def with_stored_extra(self, language: str, name: str):
        """Fetch what another app stored with each article's page (rendering.STORED_EXTRAS) as `stored_<name>`."""
        return self.with_stored_page(language).annotate(**{f"stored_{name}": KeyTransform(name, "stored__extras")})

    def for_listing(self):
        """Fetch what a list item shows (section, type, bylines) without a query per item."""
        return self.select_related("section", "article_type").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.names())
        )

    def as_teasers(self):
        """
        For list items: fetch only the columns a card, a feed entry or a sitemap entry reads, and know which
        languages each article is written in, in the same query.

        Naming the columns rather than deferring the large ones trims a list's query (modeltranslation gives
        each translated field a column per language plus the original's: 45 columns where a card reads 17;
        the related articles fell from 3.6 to 3.0 ms of CPU in one process, issue 17). A card never reads
        the bodies, the image's alt text, caption or credit, or the search index.
        """
        availability = {
            f"written_in_{language}": models.ExpressionWrapper(
                written_in(Article, language), output_field=models.BooleanField()
            )
            for language in LANGUAGE_CODES
        }
        return self.only(*TEASER_COLUMNS).annotate(**availability)


class Article(TranslatedSlugMixin, models.Model):
    """A piece of analysis, written in one or both languages."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # Taken away from readers in every language at once (a legal or safety reason): its addresses answer
        # 410 Gone and its images are withheld from public media (articles/takedown.py).
        TAKEN_DOWN = "taken_down", _("Taken down")

    headline = models.CharField(_("headline"), max_length=200, blank=True)
    slug = models.SlugField(  # noqa: DJ001 -- NULL: no slug in this language, so unique per language
        _("slug"),
        max_length=80,
        allow_unicode=True,
        blank=True,
        null=True,
        help_text=_("The article's address in this language; filled from the headline when left empty."),
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("The one- or two-sentence summary under the headline.")
    )
    body = models.TextField(_("body"), blank=True)
    image = models.ImageField(
        _("featured image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        validators=[validate_raster_image],
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB."),
    )
    image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    image_renditions = models.JSONField(_("image renditions"), default=dict, blank=True, editable=False)

    authors = models.ManyToManyField(
        "authors.Author", through="Byline", related_name="articles", verbose_name=_("authors")
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles")
    # Nullable so that every way of making an article (the desk, imports, tests) need not name one: an article
    # without a type reads as plain news (NewsArticle) and shows no label. Migration 0015 typed every existing
    # article as News, and the admin offers News for a new one.
    article_type = models.ForeignKey(
        ArticleType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("Shown to readers above the headline and told to search engines."),
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    series = models.ForeignKey(
        "series.Series",
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    part = models.PositiveSmallIntegerField(
        _("part"), null=True, blank=True, help_text=_("Its number within the series.")
    )

    # Indexed with publish_at (Meta.indexes): an index of status alone tempted PostgreSQL to combine it with a
    # search's GIN index, a bitmap of nearly every article built for nothing.
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Published articles appear to readers from this moment; a future time schedules them."),
    )
    # Publishing cannot pass it (articles.services.embargo_refusal): nor a schedule before it, nor "now" before it.
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Not to be published before this moment, whatever its publication time says."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), null=True, blank=True, editable=False
    )
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    # A takedown (articles/services.py): why, by whom and when; the notice readers see, per language, if any.
    takedown_reason = models.TextField(_("takedown reason"), blank=True, editable=False)
    takedown_notice = models.JSONField(_("takedown notice"), default=dict, blank=True, editable=False)
    taken_down_at = models.DateTimeField(_("taken down"), null=True, blank=True, editable=False)
    taken_down_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken down by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # The search index, kept current by the search app (search/signals.py): normalised text per language and, on
    # PostgreSQL, its weighted vector behind a GIN index plus a small headline-and-summary vector to rank by.
    search_text_en = models.TextField(_("search text (English)"), blank=True, default="", editable=False)
    search_text_fa = models.TextField(_("search text (Persian)"), blank=True, default="", editable=False)
    search_vector_en = SearchVectorField(_("search vector (English)"), null=True, editable=False)
    search_vector_fa = SearchVectorField(_("search vector (Persian)"), null=True, editable=False)
    search_rank_vector_en = SearchVectorField(_("ranking vector (English)"), null=True, editable=False)
    search_rank_vector_fa = SearchVectorField(_("ranking vector (Persian)"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    slug_source = "headline"
    page_cache_label = "article"
    # Which tags an article carries also decides which tag pages the sitemaps list.
    page_cache_relation_tags = {"tags": {"sitemaps"}}
    # An article is written in a language when its headline and body are (core.models.written_in).
    required_translation_fields = ("headline", "body")

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish, schedule and withdraw articles"))]
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="article_unique_slug_en"),
            models.UniqueConstraint(fields=["slug_fa"], name="article_unique_slug_fa"),
            models.UniqueConstraint(
                fields=["series", "part"],
                name="article_unique_series_part",
                violation_error_message=_("Another article is already this part of the series."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="article_status_publish_idx"),
            # A section's newest articles (its page, its feed) without walking every other section's.
            models.Index(fields=["section", "publish_at"], name="article_section_publish_idx"),
            # A type's newest articles (its page, its feed), as for sections.
            models.Index(fields=["article_type", "publish_at"], name="article_type_publish_idx"),
            # The sitemaps' last change (the newest updated_at) read from the end of an index, not the table.
            models.Index(fields=["updated_at"], name="article_updated_idx"),
            # A section's and a type's last change (their sitemap's lastmod) from the end of their own index: walking
            # the one above for a type or section with few articles read all the others' (a type with none: 2 s
            # at a million articles).
            models.Index(fields=["section", "updated_at"], name="article_section_updated_idx"),
            models.Index(fields=["article_type", "updated_at"], name="article_type_updated_idx"),
            # The newest parts of series (the home page's series in progress): one article in a hundred.
            models.Index(
                fields=["publish_at", "id"], condition=Q(series__isnull=False), name="article_series_publish_idx"
            ),
        ]

    def __str__(self):
        return self.headline_en or self.headline_fa or str(_("(untitled)"))

    def save(self, *args, **kwargs):
        self.derive_fields()
        update_fields = kwargs.get("update_fields")
        # The new upload is stored before the row (and removed if the save fails); the renditions it replaces
        # are deleted once the save has committed (media.py), and the worker makes the new ones after it.
        with media.files_first(self, using=kwargs.get("using"), update_fields=update_fields):
            image_changed = (update_fields is None or "image" in update_fields) and self.note_new_image()
            if image_changed and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "image_renditions"}
            super().save(*args, **kwargs)
            # Pending after the save: a new image, or a restored revision saved while its image was pending
            # (its task ended when the image was replaced). A duplicate task finds the renditions made.
            if self.image and is_pending(self.image_renditions) and (image_changed or update_fields is None):
                from .tasks import make_article_renditions  # the task module imports this one

                enqueue_on_commit(make_article_renditions, self.pk, self.image.name)

    def get_absolute_url(self):
        """Return the address in the active language, or in a language the article is written in."""
        languages = self.available_languages() or [lang for lang in LANGUAGE_CODES if self.slug_in(lang)]
        language = translation.get_language()
        return self.url_in(language if language in languages else languages[0])

    def reader_path(self) -> str:
        """Return the address in the active language: as stored with its page when fetched `as_cards()`."""
        return self.__dict__.get("stored_path") or self.get_absolute_url()

    def clean(self):
        # Judge the body as it will be stored: markup outside the allow-list is removed on save.
        emptied = {}
        for language in LANGUAGE_CODES:
            typed = getattr(self, f"body_{language}")
            setattr(self, f"body_{language}", sanitise_body(typed))
            if typed and typed.strip() and not getattr(self, f"body_{language}"):
                emptied[f"body_{language}"] = ValidationError(
                    _("Nothing of this text would be kept: it holds only markup articles may not carry "
                      "(scripts, styles, frames, forms)."),
                    code="nothing_left",
                )  # fmt: skip
        if emptied:
            raise ValidationError(emptied)
        if (self.series_id is None) != (self.part is None):
            raise ValidationError(
                {"part": _("A series article needs a part number, and a part number needs a series.")}
            )
        if (
            not any(self.is_available_in(language) for language in LANGUAGE_CODES)
            and self.status == self.Status.PUBLISHED
        ):
            raise ValidationError(_("An article needs a headline and a body in at least one language to be published."))

    def derive_fields(self) -> None:
        """
        Derive what is stored beside what was written: text without control characters, sanitised bodies,
        reading times, empty slugs filled, publication dates. `save()` calls it, and so does the preview of an
        unsaved form (articles/preview.py), on an article it never saves.
        """
        drop_control_characters(self)
        for language in LANGUAGE_CODES:
            body = sanitise_body(getattr(self, f"body_{language}"))
            setattr(self, f"body_{language}", body)
            setattr(self, f"reading_minutes_{language}", reading_minutes(body, language) if body else None)
        self.fill_slugs()
        if self.status == self.Status.PUBLISHED:
            self.publish_at = self.publish_at or timezone.now()
            self.first_published_at = self.first_published_at or self.publish_at

    def url_in(self, language: str) -> str:
        """Return the address of the article's version in a language."""
        with translation.override(language):
            return reverse("articles:detail", kwargs={"slug": self.slug_in(language)})

    def is_available_in(self, language: str) -> bool:
        if f"written_in_{language}" in self.__dict__:  # annotated by ArticleQuerySet.as_teasers()
            return bool(self.__dict__[f"written_in_{language}"])
        return is_written(self, language)

    def available_languages(self) -> list[str]:
        return [language for language in LANGUAGE_CODES if self.is_available_in(language)]

    @classmethod
    def published_condition(cls, *, through: str = "", now=None) -> Q:
        """
        Match the articles a reader may see now (`published()`), or at `now` when given, through a lookup from
        another model ("articles__") when given, to match on articles joined to it.
        """
        return Q(**{f"{through}status": cls.Status.PUBLISHED, f"{through}publish_at__lte": now or timezone.now()})

    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at <= timezone.now()
        )

    def is_taken_down(self) -> bool:
        return self.status == self.Status.TAKEN_DOWN

    def takedown_notice_in(self, language: str) -> str:
        """Return the notice an editor wrote for readers of this language when taking it down, if any."""
        return (self.takedown_notice or {}).get(language, "")

    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at > timezone.now()

    def note_new_image(self) -> bool:
        """
        When the image is new, replaced or removed, mark its renditions pending (none for no image) and return
        True; the caller saves and queues them. The replaced renditions go once the save has committed.
        """
        source = self.image.name if self.image else ""
        if self.image_renditions.get("source", "") == source:
            return False
        replaced = self.image_renditions
        self.image_renditions = pending_manifest(source) if source else {}
        delete_renditions_after_commit(replaced)
        return True

    @property
    def renditions(self) -> Renditions:
        return Renditions(self.image_renditions)

    def reading_minutes_in(self, language: str) -> int | None:
        return getattr(self, f"reading_minutes_{language}")

    def body_html(self) -> str:
        """Return the body for a template: passed through the allow-list again, then marked safe."""
        return mark_safe(sanitise_body(self.body))  # noqa: S308 -- sanitised on the line above

    def part_label(self, language: str | None = None) -> str:
        return part_label(self.part, language) if self.part else ""

    def ordered_authors(self) -> list:
        """Return the byline's authors in their chosen order (uses prefetched bylines when present)."""
        return [byline.author for byline in self.bylines.all()]

    def updated_after_publication(self) -> bool:
        return bool(
            self.first_published_at and self.updated_at and self.updated_at - self.first_published_at > UPDATE_GRACE
        )

    def schema_type(self) -> str:
        """Return the schema.org type of the article's JSON-LD: its type's, or NewsArticle without one."""
        return self.article_type.schema_type if self.article_type_id else ArticleType.SchemaType.NEWS

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages an article appears on besides its own: its lists, the feeds and sitemaps."""
        tags = {"home", "feeds", "sitemaps", "series-index", f"section:{self.section_id}"}
        if self.article_type_id:
            tags.add(f"type:{self.article_type_id}")
        if self.series_id:
            tags.add(f"series:{self.series_id}")
        tags.update(f"author:{pk}" for pk in self.bylines.values_list("author_id", flat=True))
        tags.update(f"tag:{pk}" for pk in self.tags.values_list("pk", flat=True))
        return tags

    def page_cache_stale_tags_before_save(self) -> set[str]:
        """Return the lists a save may take the article out of: its section, type and series as stored."""
        stored = Article.objects.filter(pk=self.pk).values_list("section_id", "series_id", "article_type_id").first()
        if stored is None:
            return set()
        section_id, series_id, type_id = stored
        return {
            f"section:{section_id}",
            *([f"series:{series_id}"] if series_id else []),
            *([f"type:{type_id}"] if type_id else []),
        }

    @classmethod
    def page_cache_next_change(cls) -> datetime | None:
        """Return when the next scheduled article appears, changing the lists with no save."""
        with on_primary():  # kept in the shared cache for every page's lifetime: not from a replica behind
            return (
                cls.objects.filter(status=cls.Status.PUBLISHED, publish_at__gt=timezone.now())
                .order_by("publish_at")
                .values_list("publish_at", flat=True)
                .first()
            )


class Byline(models.Model):
    """An author's place on an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines", verbose_name=_("article"))
    author = models.ForeignKey(
        "authors.Author", on_delete=models.PROTECT, related_name="bylines", verbose_name=_("author")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author_per_article"),
        ]
        # A writer's newest bylines (the authors sitemap's last change) without reading all of them.
        indexes = [models.Index(fields=["author", "article"], name="byline_author_article_idx")]

    def __str__(self):
        return f"{self.article} — {self.author}"

    @classmethod
    def names(cls):
        """Bylines with their authors' names and addresses only: what a list item shows (not bios or links)."""
        return cls.objects.select_related("author").only(
            "article", "author__slug", "position", *(f"author__name_{code}" for code in LANGUAGE_CODES)
        )

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages a change to the byline makes stale: the article's, the author's, the lists."""
        return {f"article:{self.article_id}", f"author:{self.author_id}", "home", "feeds"}


class ArticleRendering(models.Model):
    """
    An article's page in one language as it was rendered when the article, or something it shows, last changed:
    what an uncached reader's page (a crawler's, the first reader's after an edit) reads instead of rendering it
    (articles/rendering.py, issue 17). Derived data: never edited, rebuilt from the article at any time.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="renderings")
    language = models.CharField(max_length=8)
    slug = models.CharField(max_length=255)  # the article's address in the language, as the page was made
    # What made it (rendering.current_version()): the code and templates, and the interface's wording.
    version = models.CharField(max_length=64)
    title = models.TextField()
    description = models.TextField(blank=True)
    head = models.TextField()  # the page's <meta> for social cards, our own escaped rendering
    main = models.TextField()  # the <article> element, our own escaped rendering
    structured_data = models.TextField()  # JSON-LD documents, as JSON text
    cards = models.JSONField(default=dict)  # the article's card in lists, as each list shows it (CARD_VARIANTS)
    # What other apps store with the page ({"feed": the feed entry}), each from rendering.STORED_EXTRAS.
    extras = models.JSONField(default=dict)
    alternates = models.JSONField(default=dict)  # {language: path} of each version of the article
    # What the related articles are found by, so that a stored page needs no article row: section, series, tags.
    related_by = models.JSONField(default=dict)
    keys = models.JSONField(default=list)  # the tags of what it shows (core/tags.py), for the page cache too
    # When a scheduled part of its series appears, the series box changes with no save: stale from then on.
    valid_until = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stored page")
        verbose_name_plural = _("stored pages")
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="rendering_unique_language"),
            models.UniqueConstraint(fields=["language", "slug"], name="rendering_unique_address"),
        ]

    def __str__(self):
        return f"{self.article_id}/{self.language}"

    @property
    def page_cache_carried_tags(self) -> list[str]:
        """What the page shows, for the page cache's tags (core/tags.py), as recorded when it was made."""
        return self.keys


class RenderingKey(models.Model):
    """One thing a stored page shows ("article:42", "section:3"): a change to it makes the page go."""

    rendering = models.ForeignKey(ArticleRendering, on_delete=models.CASCADE, related_name="key_rows")
    key = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("stored page key")
        verbose_name_plural = _("stored page keys")

    def __str__(self):
        return self.key
