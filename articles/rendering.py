"""
Stored article pages: each article's page in each language, rendered when the article or something it shows
changes, and read back by the reader's uncached page instead of rendered again (issue 17).

What is stored is the part of the page that only its article decides: the <meta> for social cards, the JSON-LD,
and the <article> element from headline to author box (the body with its outline, the byline, the series box,
the notes, the tags, the share links). The site's header and footer and the related articles, which change as
other articles are published, are rendered with every page as before. Both ways render the same includes with
the same context (`article_page_context`), so a stored page is the page a reader would otherwise get.

A stored page is never served stale:

* it records what it shows as tags (core/tags.py): the article, its section, type, series, authors, tags, notes
  and the articles its body links to. A save of any of them deletes the pages showing it in the same transaction
  (`forget_pages_showing`), so from the commit on readers get the page rendered afresh, and the pages are made
  again once the transaction has committed: at once for a few articles, by the worker for more;
* it records the version of the code, templates, translations and the interface's corrections that made it
  (`current_version`): after a deploy or a translator's correction, pages of an older version are not read;
* a page whose series has a part scheduled to appear is valid until then (`valid_until`).

Pages are made on save; `manage.py store_pages` makes those of articles saved before (or loaded in bulk), and
the worker's `store_pages_task` does the same after a change touching many articles (a section renamed).

Absolute addresses (the canonical URL, social cards, JSON-LD) are stored with a placeholder origin and given the
request's own when read, so one stored page serves every host the site answers to.
"""

import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Min, Prefetch, Q, prefetch_related_objects, signals
from django.db.models.fields.json import KeyTextTransform
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from core.background import background_task, enqueue_on_commit
from core.languages import LANGUAGE_CODES, x_default
from core.shapes import Shape
from core.tags import tag_for, tags_in

from .models import Article, ArticleRendering, Byline, RenderingKey
from .templatetags.articles_tags import RELATED_CARD_SIZES

logger = logging.getLogger(__name__)

# The origin absolute addresses are stored with; replaced by the request's when a page is read.
STORED_ORIGIN = "https://stored-page.invalid"
_ORIGIN_FORMS = (STORED_ORIGIN, quote(STORED_ORIGIN, safe=""))  # as written, and percent-encoded (share links)

# The article's card as each list shows it, named by the templates that ask for one ({% article_card %}): the
# template and the arguments it is rendered with. Stored with the page, rendered live when missing.
CARD = "includes/_article_item.html"
CARD_VARIANTS = {
    "lead": (CARD, {"is_lead": True, "show_section": True}),  # the front page's lead
    "list": (CARD, {}),  # a section's list
    "list-section": (CARD, {"show_section": True}),  # a tag's list
    "list-section-untyped": (CARD, {"show_section": True, "hide_type": True}),  # a type's list
    "list-3": (CARD, {"level": 3, "show_section": True}),  # the front page's latest, an author's list
    **{
        f"related-{count}": (CARD, {"level": 3, "show_section": True, "card_sizes": sizes})
        for count, sizes in RELATED_CARD_SIZES.items()
    },
    "compact": ("includes/_compact_item.html", {}),  # the front page's section blocks
}
RELATED_CARDS = tuple(f"related-{count}" for count in RELATED_CARD_SIZES)

# After a change, this many articles' pages are made again before the save returns; more go to the worker.
MADE_AT_ONCE = 12
BATCH = 200
# Folders of the checkout that render no page (the code_version digest leaves them out).
NOT_RENDERING = {"node_modules", "tests", "bench", "media", "staticfiles", "docs", "deploy", "static"}
SWEEP = 1_000  # articles a sweep of the worker makes before it queues the next

# What else a stored page was made with, from apps above this one (wording: the interface's corrections): each a
# callable returning a value that changes when what it stands for changes. Appended from AppConfig.ready().
BUILT_WITH: list[Callable[[], object]] = []
# What makes that current in a process about to make pages (the worker: load the newest corrections).
BEFORE_MAKING: list[Callable[[], object]] = []
# What other apps store with an article's page, by name: callables (article, language) -> JSON-ready data, rendered
# with the language active, appended from their AppConfig.ready() (discovery: the article's feed entry).
STORED_EXTRAS: dict[str, Callable[[Article, str], object]] = {}


@functools.cache
def code_version() -> str:
    """Return a digest of what renders a page: our Python, templates and translations, and the settings they read."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder, subfolders, names in os.walk(base):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_RENDERING and not name.startswith("."))
        for name in sorted(names):
            if name.endswith((".py", ".html", ".mo")):
                path = Path(folder, name)
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    digest.update(repr((settings.TIME_ZONE, settings.LANGUAGES, settings.MEDIA_URL, settings.STATIC_URL)).encode())
    return digest.hexdigest()[:16]


def current_version() -> str:
    """Return the version a page made now would carry; pages of another version are not read."""
    return ":".join([code_version(), *(str(part()) for part in BUILT_WITH)])[:64]


class StoredRequest(HttpRequest):
    """The request a stored page (or a stored feed entry) is made for: anonymous, on the placeholder origin."""

    def __init__(self, path: str):
        super().__init__()
        self.path = self.path_info = path
        self.method = "GET"
        self.META = {"SERVER_NAME": "stored-page.invalid", "SERVER_PORT": "443"}

    def get_host(self):
        return STORED_ORIGIN.removeprefix("https://")

    def _get_scheme(self):
        return "https"


def _page_context(article: Article, language: str) -> dict:
    """Return the context the stored parts are rendered with: the reader's (`article_page_context`)."""
    from .views import article_page_context  # views read stored pages through this module

    path = article.url_in(language)
    request = StoredRequest(path)
    context = article_page_context(article, language, request=request)
    alternates = {code: article.url_in(code) for code in article.available_languages()}
    context.update(
        request=request,
        language=language,
        other_language_urls={code: location for code, location in alternates.items() if code != language},
        alternates=alternates,
    )
    return context


def render_card(article: Article, variant: str, *, request=None) -> str:
    """Render an article's card as the lists named `variant` show it (CARD_VARIANTS), in the active language."""
    template, arguments = CARD_VARIANTS[variant]
    return render_to_string(template, {"article": article, **arguments}, request)


def _series_valid_until(article: Article) -> datetime | None:
    """Return when a scheduled part of the article's series appears (changing its series box), if one is."""
    if not article.series_id:
        return None
    return (
        Article.objects.filter(series=article.series_id, status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
        .aggregate(first=Min("publish_at"))
        .get("first")
    )


def render_parts(article: Article, language: str) -> ArticleRendering:
    """Render the stored parts of an article's page in a language (the language is activated here)."""
    with translation.override(language):
        context = _page_context(article, language)
        keys: set[str] = set()
        tags_in({name: value for name, value in context.items() if name != "related"}, keys)
        series = [f"series:{article.series_id}"] if article.series_id else []
        return ArticleRendering(
            article=article,
            language=language,
            slug=article.slug_in(language),
            version=current_version(),
            title=article.headline,
            description=article.standfirst,
            head=render_to_string("articles/includes/_article_meta.html", context),
            main=render_to_string("articles/includes/_article_main.html", context),
            structured_data=json.dumps(context["structured_data"], cls=DjangoJSONEncoder, ensure_ascii=False),
            cards={name: render_card(article, name, request=context["request"]) for name in CARD_VARIANTS},
            extras={name: make(article, language) for name, make in STORED_EXTRAS.items()},
            alternates=context["alternates"],
            related_by={
                "section": article.section_id,
                "series": article.series_id,
                "tags": [tag.pk for tag in context["tags"]],
            },
            keys=sorted(keys | set(series)),
            valid_until=_series_valid_until(article),
        )


def store_pages(article_ids: Iterable[int]) -> int:
    """
    Make and store the pages of these articles in each language they are published in, and delete the stored
    pages they no longer have (a draft, a withdrawn article, a language taken out); return how many were made.
    """
    from .views import with_page_relations

    for prepare in BEFORE_MAKING:
        prepare()
    made = 0
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        renderings = []
        for language in LANGUAGE_CODES:
            # Fetched in the language, as a reader's page fetches them: translated fields order in it (tags).
            with translation.override(language):
                articles = with_page_relations(Article.objects.filter(pk__in=chunk, status=Article.Status.PUBLISHED))
                renderings += [
                    render_parts(article, language)
                    for article in articles
                    if article.is_available_in(language) and article.slug_in(language)
                ]
        with transaction.atomic():
            ArticleRendering.objects.filter(article__in=chunk).only("pk").delete()
            ArticleRendering.objects.bulk_create(renderings)
            RenderingKey.objects.bulk_create(
                RenderingKey(rendering=rendering, key=key) for rendering in renderings for key in rendering.keys
            )
        made += len(renderings)
    return made


def missing_or_outdated() -> list[int]:
    """
    Return the published articles with a language whose page is not stored in the current version, the newest
    first: those readers and crawlers ask for most are made first after a deploy.
    """
    for prepare in BEFORE_MAKING:
        prepare()
    version = current_version()
    current = ArticleRendering.objects.filter(version=version)
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    found = {}
    for language in LANGUAGE_CODES:
        written = published.available_in(language).exclude(**{f"slug_{language}": ""})
        stored = current.filter(language=language).values("article")
        found.update(written.exclude(pk__in=stored).values_list("pk", "publish_at"))
    return sorted(found, key=lambda pk: (found[pk], pk), reverse=True)


@background_task(queue_name="default", attempts=3, backoff_seconds=30)
def store_pages_task(article_ids: list[int] | None = None) -> int:
    """
    Make the pages of these articles in the background; without ids, of the first SWEEP articles missing or
    outdated, queueing itself again while more are (a deploy or new wording outdates every page at once).
    """
    if article_ids is not None:
        return store_pages(article_ids)
    waiting = missing_or_outdated()
    made = store_pages(waiting[:SWEEP])
    if len(waiting) > SWEEP:
        enqueue_on_commit(store_pages_task, None)
    else:
        refresh_statistics()
    return made


def refresh_statistics() -> None:
    """
    After many pages were made, have PostgreSQL count them again: with the statistics of the pages before,
    which are all of another version, it joins a list's cards by reading every page of the language (a section's
    list: 1.5 ms, and growing with the archive) instead of looking each one up by article (0.4 ms).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_articlerendering, articles_renderingkey")


# ---- Reading --------------------------------------------------------------------------------------------------


def with_origin(text: str, origin: str) -> str:
    """Return stored text with its absolute addresses on this origin ("https://example.org"), not STORED_ORIGIN."""
    stored, encoded = _ORIGIN_FORMS
    return text.replace(stored, origin).replace(encoded, quote(origin, safe=""))


@Shape
def _stored_page(language: str, *, slug: str, version: str, now: datetime):
    return (
        ArticleRendering.objects.filter(language=language, version=version, slug=slug)
        .filter(article__status=Article.Status.PUBLISHED, article__publish_at__lte=now)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
        .defer("built_at", "cards")[:1]  # its cards are for lists
    )


def stored_page(slug: str, language: str) -> ArticleRendering | None:
    """Return the stored page of the published article at this address in this language, if it is current."""
    found = _stored_page(language, slug=slug, version=current_version(), now=timezone.now())
    return found[0] if found else None


def page_context(rendering: ArticleRendering, request) -> dict:
    """Return the template context of a stored page (articles/article_stored.html) for this request."""
    origin = request.build_absolute_uri("/").rstrip("/")
    alternates = [(code, request.build_absolute_uri(path)) for code, path in rendering.alternates.items()]
    language = rendering.language
    return {
        "stored": rendering,
        # Our own templates' output, escaped as it was rendered (render_parts); only the origin is put in here.
        "stored_head": mark_safe(with_origin(rendering.head, origin)),  # noqa: S308
        "stored_main": mark_safe(with_origin(rendering.main, origin)),  # noqa: S308
        "structured_data": json.loads(with_origin(rendering.structured_data, origin)),
        "alternates": alternates if len(alternates) > 1 else [],
        "x_default": x_default(dict(alternates)) or "",
        "other_language_urls": {code: path for code, path in rendering.alternates.items() if code != language},
        "canonical_url": request.build_absolute_uri(rendering.alternates[rendering.language]),
        "language": rendering.language,
        "current_section": _Key(rendering.related_by.get("section")),
    }


class StoredCards(dict):
    """{article pk: {variant: card}}, carrying the tags of what the cards show for the page cache (core/tags.py)."""

    page_cache_carried_tags: set[str]


def variant_attribute(variant: str) -> str:
    """Return the attribute an article fetched `as_cards()` holds its stored card of this variant in."""
    return "stored_card_" + variant.replace("-", "_")


def stored_cards(articles, language: str) -> StoredCards:
    """
    Return the stored cards of these articles in the language: those fetched with them (`as_cards()`) without a
    query, the others' in one; the sections, types and bylines of those without one are fetched (their card is
    rendered now, with them).
    """
    articles = list(articles)
    cards = StoredCards()
    cards.page_cache_carried_tags = set()
    for article in articles:
        if article.__dict__.get("page_cache_carried_tags") is not None:  # fetched as_cards(), with its page stored
            cards[article.pk] = {
                variant: article.__dict__[attribute]
                for variant in CARD_VARIANTS
                if (attribute := variant_attribute(variant)) in article.__dict__
            }
    asked = [article.pk for article in articles if "page_cache_carried_tags" not in article.__dict__]
    if asked:
        rows = ArticleRendering.objects.filter(article__in=asked, language=language, version=current_version())
        for pk, variants, keys in rows.values_list("article_id", "cards", "keys"):
            cards[pk] = variants
            cards.page_cache_carried_tags.update(keys)
    missing = [article for article in articles if article.pk not in cards]
    prefetch_related_objects(missing, "section", "article_type", Prefetch("bylines", queryset=Byline.names()))
    return cards


@Shape
def _related_cards(language: str, variant: str, *, ids: list[int], version: str):
    rows = ArticleRendering.objects.filter(language=language, version=version, article__in=ids)
    return rows.values_list("article_id", KeyTextTransform(variant, "cards"), "keys")


def related_cards(ids: list[int], language: str) -> tuple[list[Article], StoredCards]:
    """
    Return the related articles of a stored page (`views.related_ids`) and their stored cards, in one query: the
    articles with a card stand for themselves by their key (`_Key`); those without are fetched, bylines and
    all, to be rendered now.
    """
    cards = StoredCards()
    cards.page_cache_carried_tags = set()
    if not ids:
        return [], cards
    variant = f"related-{len(ids)}"
    for pk, card, keys in _related_cards(language, variant, ids=list(ids), version=current_version()):
        cards[pk] = {variant: card}
        cards.page_cache_carried_tags.update(keys)
    missing = [pk for pk in ids if pk not in cards]
    fetched = Article.objects.select_related("section", "article_type").as_teasers().in_bulk(missing) if missing else {}
    prefetch_related_objects(list(fetched.values()), Prefetch("bylines", queryset=Byline.names()))
    related = [_Key(pk) if pk in cards else fetched[pk] for pk in ids if pk in cards or pk in fetched]
    return related, cards


class _Key:
    """An object a stored page names by its key alone: its section (for the navigation), a related article."""

    def __init__(self, pk):
        self.pk = pk


# ---- Forgetting on change ---------------------------------------------------------------------------------------


def keys_changed_by(instance) -> set[str]:
    """
    Return the tags of what a save or delete of `instance` changes on stored pages: itself, and the article it
    belongs to (a byline, a note); for an article, its series as well (the series box of every part).
    """
    keys = {tag_for(instance)} - {None}
    if hasattr(instance, "page_cache_stale_tags") and not isinstance(instance, Article):
        keys.update(tag for tag in instance.page_cache_stale_tags() if tag.startswith("article:"))
    if isinstance(instance, Article):
        keys.update(f"series:{pk}" for pk in {instance.series_id, *instance.__dict__.get("_stored_series", ())} if pk)
    return keys


def forget_pages_showing(keys: Iterable[str], *, article_ids: Iterable[int] = ()) -> None:
    """
    Delete the stored pages showing any of these tags, now, inside the caller's transaction (so no reader gets
    one after the commit), and make them again (with these articles') once it has committed.
    """
    keys = {key for key in keys if key}
    if not keys:
        return
    showing = ArticleRendering.objects.filter(key_rows__key__in=keys)
    affected = set(showing.values_list("article_id", flat=True)) | set(article_ids)
    if not affected:
        return
    ArticleRendering.objects.filter(article__in=affected).only("pk").delete()  # not the pages' text
    if len(affected) <= MADE_AT_ONCE:
        transaction.on_commit(lambda: _store_after_commit(affected), robust=True)
    else:
        enqueue_on_commit(store_pages_task, sorted(affected))


def _store_after_commit(article_ids: set[int]) -> None:
    try:
        store_pages(article_ids)
    except Exception:  # the page is rendered afresh for readers meanwhile; the worker's sweep makes it later
        logger.exception("Stored pages of articles %s could not be made; readers get them rendered.", article_ids)


def refresh_outdated(**kwargs) -> bool:
    """Have the worker make every page missing or no longer current (new wording, a restored backup)."""
    enqueue_on_commit(store_pages_task, None)
    return True


def _remember_series(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        stored = Article.objects.filter(pk=instance.pk).values_list("series_id", flat=True).first()
        instance.__dict__["_stored_series"] = (stored,)


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    article_ids = [instance.pk] if isinstance(instance, Article) else []
    forget_pages_showing(keys_changed_by(instance), article_ids=article_ids)


def _deleted(sender, instance, **kwargs):
    forget_pages_showing(keys_changed_by(instance))


def _relation_receiver(field):
    """Return a receiver for a many-to-many relation of a labelled model (an article's tags): its pages change."""
    through = field.remote_field.through
    owner = field.model.page_cache_label
    cleared = f"_stored_cleared_{field.name}"

    def changed(sender, instance, action, reverse, model, pk_set, **kwargs):
        if not reverse:  # article.tags.add(tag): the article's own pages
            if action in ("post_add", "post_remove", "post_clear"):
                forget_pages_showing([tag_for(instance)])
            return
        if action == "pre_clear":  # tag.articles.clear(): the articles it had
            column = through._meta.get_field(field.m2m_field_name()).attname
            links = through._default_manager.filter(**{field.m2m_reverse_field_name(): instance.pk})
            instance.__dict__[cleared] = set(links.values_list(column, flat=True))
        elif action in ("post_add", "post_remove", "post_clear"):
            pks = pk_set or instance.__dict__.pop(cleared, ())
            forget_pages_showing([f"{owner}:{pk}" for pk in pks])

    return changed, through


def connect(models) -> None:
    """Forget stored pages on every change to what they show: the models the page cache watches, too."""
    for model in models:
        if not (hasattr(model, "page_cache_label") or hasattr(model, "page_cache_stale_tags")):
            continue
        label = model._meta.label
        signals.post_save.connect(_saved, sender=model, dispatch_uid=f"rendering:{label}:save")
        signals.pre_delete.connect(_deleted, sender=model, dispatch_uid=f"rendering:{label}:delete")
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created and hasattr(field.related_model, "page_cache_label"):
                receiver, through = _relation_receiver(field)
                signals.m2m_changed.connect(
                    receiver, sender=through, weak=False, dispatch_uid=f"rendering:{through._meta.label}"
                )
    signals.pre_save.connect(_remember_series, sender=Article, dispatch_uid="rendering:article:series")
