"""
The public page cache: anonymous pages served from the configured cache, invalidated precisely.

Every cached page carries tags naming what it shows ("article:42", "author:7", "home", …), the same
names the Surrogate-Key header gives a CDN. Each tag has a version token in the cache; a page is
stored with the tokens it was rendered against and served only while they are all unchanged.
Saving an article, author, series, section or tag deletes the tokens of the tags it touches, so every
page that showed it is stale at once, on every app server sharing the cache.

A tag's token is the time it was last invalidated. A page whose tags were invalidated after it began
rendering is not stored: it may show rows read before the edit.

A page is also never kept past the next scheduled publication, so a scheduled article appears in lists
at its publish_at with no one acting.

The cache only speeds pages up; when it fails, pages come from the database. The backend turns cache
errors into misses (newsroom/redis_cache.py), and this module reads them as "nothing is known to be
fresh": while the generation cannot be read, no page is served from the cache or from this process's
memory, and none is stored. An invalidation that does not reach the cache is kept and retried, on the
next request this process handles and in the background, until it lands; it then sets new tokens and a
new generation, so pages stored before it are stale on every app server.

The guarantee: a page made stale during a cache outage is not served by any app server once the retry
has landed (a few seconds after the cache answers again: the backend's retry_after plus RETRY_SECONDS),
and never by the process that owes the retry; should that process die first, no stale page outlives
the outage by more than a page's life (PAGE_CACHE_SECONDS), after which every page stored before the
outage has expired.
"""

import functools
import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

# The tag every page carries: sections appear in every page's navigation.
SITE = "site"
PAGE_PREFIX = "page:"
TAG_PREFIX = "page-tag:"
NEXT_SCHEDULED_KEY = "page:next-scheduled"
# Query parameters that may vary a cached page; any other parameter bypasses the cache.
CACHEABLE_PARAMETERS = {"page", "full"}
# What a CDN and browsers are told; the page cache itself is invalidated precisely.
BROWSER_MAX_AGE = 15
STALE_WHILE_REVALIDATE = 30
# Allowance (µs) for app servers' clocks disagreeing about when an invalidation happened.
CLOCK_MARGIN = 1_000_000
# Every invalidation also sets a new generation number (random, so none is ever used twice). A page
# stored in the current generation is fresh without reading its tags' tokens, so a hit costs one round
# trip for two keys; after an edit, each process checks the tokens once per page and remembers the
# generation it found it fresh in.
GENERATION_KEY = "page-generation"
VERIFIED: dict[str, int] = {}
VERIFIED_LIMIT = 20_000
# Each process also keeps its most-read pages in memory and reads the generation from the shared cache
# at most every GENERATION_POLL seconds: a hot page then costs no round trip at all, and an edit made
# on another app server shows here within that time (at once on the server that made it).
GENERATION_POLL = 0.25
LOCAL_PAGES: OrderedDict[str, dict] = OrderedDict()
LOCAL_PAGES_LIMIT = 500
_generation = {"value": 0, "read_at": -1.0}

logger = logging.getLogger(__name__)


def new_generation() -> int:
    """A generation number no earlier one can equal (random, so app servers need not agree)."""
    return secrets.randbits(62)


def read_generation() -> int | None:
    """Return the shared cache's generation, or None when the cache cannot be read."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # None yet, or Redis restarted empty: a new number, never an earlier one, so that pages kept in
        # memory from before are checked against their tags (gone now) instead of taken as fresh.
        cache.add(GENERATION_KEY, new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_generation() -> int | None:
    """Return the generation, read from the shared cache at most every GENERATION_POLL seconds."""
    now = time.monotonic()
    if now - _generation["read_at"] > GENERATION_POLL:
        generation = read_generation()
        if generation is None:
            # The cache cannot tell us of invalidations: nothing this process holds is known to be fresh.
            forget_local_pages()
            return None
        _generation.update(value=generation, read_at=now)
    return _generation["value"]


def forget_local_pages() -> None:
    """Drop this process's copies and read the generation afresh on the next request."""
    LOCAL_PAGES.clear()
    _generation["read_at"] = -1.0


# Pages that are not rendered from a template get their tags from their URL's namespace.
TAGS_BY_NAMESPACE = {"feeds": ["feeds"], "sitemaps": ["sitemaps"]}
TAGS_BY_URL_NAME = {
    "robots": ["sitemaps"],
    "sitemap-index": ["sitemaps"],
    "sitemap-section": ["sitemaps"],
    "home": ["home"],
    "index": ["series-index"],
}


def page_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def tag_for(obj) -> str | None:
    """Return the tag naming a model instance, e.g. "article:42"."""
    label = TAGGED_MODELS.get(obj._meta.label)
    return f"{label}:{obj.pk}" if label and obj.pk else None


TAGGED_MODELS = {
    "articles.Article": "article",
    "articles.Section": "section",
    "articles.Tag": "tag",
    "authors.Author": "author",
    "series.Series": "series",
}


def tags_in(value, tags: set[str], depth: int = 0) -> None:
    """
    Collect the tags of what a template context holds, without running a query.

    Model instances give their own tag and those of the relations already loaded with them
    (select_related / prefetch_related); querysets count only when already evaluated.
    """
    if depth > 6 or value is None:
        return
    if isinstance(value, models.Model):
        if tag := tag_for(value):
            tags.add(tag)
        for related in value._state.fields_cache.values():
            tags_in(related, tags, depth + 1)
        for related in getattr(value, "_prefetched_objects_cache", {}).values():
            tags_in(related, tags, depth + 1)
        for name in ("section_id", "series_id", "author_id", "article_id"):
            if (pk := getattr(value, name, None)) is not None:
                tags.add(f"{name.removesuffix('_id')}:{pk}")
        return
    if isinstance(value, models.QuerySet):
        if value._result_cache is not None:
            for item in value._result_cache:
                tags_in(item, tags, depth + 1)
        return
    if isinstance(value, list | tuple | set):
        for item in value:
            tags_in(item, tags, depth + 1)
        return
    if isinstance(value, dict):
        for item in value.values():
            tags_in(item, tags, depth + 1)
        return
    object_list = getattr(value, "object_list", None)  # a paginator's page
    if object_list is not None:
        tags_in(object_list, tags, depth + 1)


def now_token() -> int:
    """A tag token: the time in microseconds (an integer, which the Redis backend stores unpickled)."""
    return time.time_ns() // 1000


def tag_tokens(tags: list[str]) -> dict[str, int] | None:
    """Return, by cache key, when each tag was last invalidated (0 for never); None if the cache fails."""
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, 0, timeout=None)  # atomic: an invalidation racing with us wins
            token = cache.get(key)
            if token is None:
                return None
            found[key] = token
    return {key: found[key] for key in keys}


# Invalidations this process has not yet written to the shared cache (it was unreachable), retried on
# each request and every RETRY_SECONDS in the background until they land. Past PENDING_LIMIT tags, the
# site tag, which every page carries, stands for them all.
PENDING: set[str] = set()
PENDING_LIMIT = 1_000
RETRY_SECONDS = 1.0
_pending_lock = threading.Lock()
_retry: dict[str, threading.Timer | None] = {"timer": None}


def invalidate(*tags: str) -> None:
    """Make every cached page showing one of these tags stale, now and on every app server."""
    tags = {tag for tag in tags if tag}
    if tags:
        forget_local_pages()
        with _pending_lock:
            PENDING.update(tags)
            if len(PENDING) > PENDING_LIMIT:
                PENDING.clear()
                PENDING.add(SITE)
        write_pending()


def write_pending() -> bool:
    """Write the pending invalidations to the shared cache; return whether none is left."""
    with _pending_lock:
        tags = set(PENDING)  # they stay pending, and pages unserved here, until written
    if not tags:
        return True
    now = now_token()
    written = False
    try:
        # One command: the tags' tokens, a new generation, and the next scheduled publication forgotten.
        not_written = cache.set_many(
            {
                **{TAG_PREFIX + tag: now for tag in tags},
                GENERATION_KEY: new_generation(),
                NEXT_SCHEDULED_KEY: None,
            },
            timeout=None,
        )
        written = not not_written
    finally:
        if written:
            with _pending_lock:
                PENDING.difference_update(tags)
        else:
            schedule_retry()
    if written:
        forget_local_pages()  # what this process kept while the invalidation was pending
    return written


def schedule_retry() -> None:
    """Try the pending invalidations again in RETRY_SECONDS, in a thread, if no retry is due."""
    with _pending_lock:
        if _retry["timer"] is not None:
            return
        timer = _retry["timer"] = threading.Timer(RETRY_SECONDS, retry_pending)
    timer.daemon = True
    timer.start()


def retry_pending() -> None:
    """Write the pending invalidations, in the retry thread."""
    with _pending_lock:
        _retry["timer"] = None
    try:
        write_pending()
    except Exception:
        logger.exception("Retrying the page cache's pending invalidations failed.")


def discard_pending() -> None:
    """Drop the invalidations not yet written and their retry (a cleared cache needs none)."""
    with _pending_lock:
        PENDING.clear()
        timer, _retry["timer"] = _retry["timer"], None
    if timer is not None:
        timer.cancel()


def invalidate_on_commit(*tags: str) -> None:
    """Invalidate when the surrounding transaction commits, so no page is re-cached from old rows."""
    # Robust: the rows are committed, so the save has succeeded whatever happens here; an invalidation
    # that fails is kept and retried by invalidate() itself.
    transaction.on_commit(lambda: invalidate(*tags), robust=True)


def seconds_until_next_scheduled() -> int | None:
    """Return how long until the next scheduled article appears, read from the cache when known."""
    from articles.models import Article

    stamp = cache.get(NEXT_SCHEDULED_KEY)
    if stamp is None:
        next_at = (
            Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        stamp = next_at.timestamp() if next_at else 0
        cache.set(NEXT_SCHEDULED_KEY, stamp, timeout=page_seconds())
    if not stamp:
        return None
    return max(0, int(stamp - time.time()))


def page_key(request) -> str:
    return PAGE_PREFIX + hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()


def cacheable_request(request) -> bool:
    """An anonymous GET of a public, language-prefixed page with no parameters but pagination."""
    if request.method not in ("GET", "HEAD") or page_seconds() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # signed-in staff see live pages (and previews) — never from the cache
    path = request.path_info
    if not path.startswith(public_prefixes()) or "/preview/" in path:
        return False
    return not request.GET or set(request.GET) <= CACHEABLE_PARAMETERS


@functools.cache
def public_prefixes() -> tuple[str, ...]:
    return (*(f"/{code}/" for code, _name in settings.LANGUAGES), "/sitemap", "/robots.txt")


def cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def cache_control(seconds: int) -> str:
    return (
        f"public, max-age={min(BROWSER_MAX_AGE, seconds)}, s-maxage={seconds}, "
        f"stale-while-revalidate={STALE_WHILE_REVALIDATE}"
    )


def public_headers(response, tags: list[str], *, last_modified: float, seconds: int) -> None:
    """Headers for browsers and a CDN: short browser life, a shared-cache life, purge keys, validators."""
    response["Cache-Control"] = cache_control(seconds)
    response["Surrogate-Key"] = " ".join(sorted(tags))
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    response["Last-Modified"] = http_date(last_modified)
    # Our public pages depend on the URL alone: the session and language cookies do not change them.
    vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
    remaining = [value for value in vary if value.lower() not in {"cookie", "accept-language"}]
    if remaining:
        response["Vary"] = ", ".join(remaining)
    elif response.has_header("Vary"):
        del response["Vary"]


class PageCacheMiddleware:
    """Serve anonymous public pages from the cache; store the ones whose tags are known."""

    STORED_HEADERS = (
        "Content-Type",
        "Content-Language",
        "Content-Security-Policy",
        "ETag",
        "Last-Modified",
        "Surrogate-Key",
        "Vary",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if PENDING:
            write_pending()  # an invalidation the cache missed: it must land before pages are served
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        if entry := self.fresh_entry(key):
            return self.from_entry(request, entry)
        started = now_token()
        generation = read_generation()  # as it was before rendering
        if generation is None or PENDING:
            return self.get_response(request)  # the cache is failing: render from the database, store nothing
        request._page_cache_started = started
        request._page_cache_generation = generation
        response = self.get_response(request)
        if cacheable_response(response):
            self.store(request, response, key)
            response["X-Page-Cache"] = "miss"
        return response

    def fresh_entry(self, key: str) -> dict | None:
        """Return the stored page if none of its tags changed since it was stored."""
        generation = current_generation()
        if generation is None or PENDING:
            return None  # no page is known to be fresh while invalidations cannot be read or written
        entry = LOCAL_PAGES.get(key)
        if entry is not None:
            LOCAL_PAGES.move_to_end(key)
        else:
            entry = cache.get(key)
            if entry is None:
                return None
            LOCAL_PAGES[key] = entry
            if len(LOCAL_PAGES) > LOCAL_PAGES_LIMIT:
                LOCAL_PAGES.popitem(last=False)
        if entry["expires"] <= time.time() + 1:
            LOCAL_PAGES.pop(key, None)
            return None
        if generation in (entry.get("generation"), VERIFIED.get(key)):
            return entry
        LOCAL_PAGES.pop(key, None)
        entry = cache.get(key)
        if entry is None or cache.get_many(list(entry["tokens"])) != entry["tokens"]:
            return None
        if len(VERIFIED) >= VERIFIED_LIMIT:
            VERIFIED.clear()
        VERIFIED[key] = generation
        LOCAL_PAGES[key] = entry
        return entry

    def process_template_response(self, request, response):
        if hasattr(request, "_page_cache_started") and response.context_data is not None:

            def collect_tags(rendered):
                # After rendering, the context's querysets hold what the page actually showed.
                tags: set[str] = set()
                tags_in(rendered.context_data, tags)
                request._page_tags = tags

            response.add_post_render_callback(collect_tags)
        return response

    def page_tags(self, request) -> set[str]:
        tags = set(getattr(request, "_page_tags", set()))
        try:
            match = request.resolver_match or resolve(request.path_info)
        except Resolver404:
            return set()
        tags.update(TAGS_BY_NAMESPACE.get(match.namespace, []))
        tags.update(TAGS_BY_URL_NAME.get(match.url_name, []))
        return tags

    def store(self, request, response, key: str) -> None:
        tags = self.page_tags(request)
        if not tags:
            return  # a page whose contents we cannot name is never cached
        tags.add(SITE)
        seconds = page_seconds()
        until_scheduled = seconds_until_next_scheduled()
        if until_scheduled is not None:
            seconds = min(seconds, until_scheduled)
        if seconds <= 0:
            return
        tokens = tag_tokens(sorted(tags))
        if tokens is None:
            return  # the cache failed: nothing to store against
        rendered_at = request._page_cache_started
        if max(tokens.values()) > rendered_at - CLOCK_MARGIN:
            return  # edited while we rendered: see the module docstring
        public_headers(response, list(tags), last_modified=rendered_at / 1_000_000, seconds=seconds)
        entry = {
            "content": response.content,
            "headers": {name: response[name] for name in self.STORED_HEADERS if response.has_header(name)},
            "tokens": tokens,
            "generation": request._page_cache_generation,
            "last_modified": rendered_at // 1_000_000,
            "expires": time.time() + seconds,
        }
        cache.set(key, entry, timeout=seconds)

    def from_entry(self, request, entry) -> HttpResponse:
        response = HttpResponse(entry["content"], headers=entry["headers"])
        response["Cache-Control"] = cache_control(int(entry["expires"] - time.time()))
        response["X-Page-Cache"] = "hit"
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=entry["last_modified"], response=response
        )


# What each save makes stale. Connected in ArticlesConfig.ready(): every write path (admin, bulk
# actions, shell, load_demo) goes through these, so no caller has to remember to invalidate.
# QuerySet.update() sends no signals: code that uses it calls invalidate() itself.


def article_tags(article) -> set[str]:
    """Tags of the pages an article appears on: its own, its lists, its feeds and sitemaps."""
    from articles.models import Byline

    tags = {tag_for(article), "home", "feeds", "sitemaps", "series-index", f"section:{article.section_id}"}
    if article.series_id:
        tags.add(f"series:{article.series_id}")
    tags.update(f"author:{pk}" for pk in Byline.objects.filter(article=article).values_list("author_id", flat=True))
    tags.update(f"tag:{pk}" for pk in article.tags.values_list("pk", flat=True))
    return tags


def remember_article_lists(sender, instance, raw=False, **kwargs):
    """Before an article is saved, note the section and series whose lists it may be leaving."""
    if raw or instance.pk is None:
        return
    instance._previous_lists = {
        f"{name}:{pk}"
        for name, pk in zip(
            ("section", "series"),
            type(instance).objects.filter(pk=instance.pk).values_list("section_id", "series_id").first() or (),
            strict=False,
        )
        if pk
    }


def article_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    invalidate_on_commit(*article_tags(instance), *getattr(instance, "_previous_lists", ()))


def article_deleted(sender, instance, **kwargs):
    invalidate_on_commit(
        tag_for(instance), "home", "feeds", "sitemaps", "series-index", f"section:{instance.section_id}"
    )


def byline_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        invalidate_on_commit(f"article:{instance.article_id}", f"author:{instance.author_id}", "home", "feeds")


def article_tags_changed(sender, instance, action, pk_set, model, **kwargs):
    if action == "pre_clear":
        instance._cleared_tags = list(instance.tags.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        pks = pk_set or getattr(instance, "_cleared_tags", [])
        invalidate_on_commit(tag_for(instance), "sitemaps", *(f"tag:{pk}" for pk in pks))


def object_changed(sender, instance, raw=False, **kwargs):
    """An author, series, section or tag changed: stale wherever it shows (sections show everywhere)."""
    if raw:
        return
    label = TAGGED_MODELS[sender._meta.label]
    if label == "section":
        invalidate_on_commit(SITE)
    elif label == "series":
        invalidate_on_commit(tag_for(instance), "series-index", "feeds", "sitemaps")
    else:
        invalidate_on_commit(tag_for(instance), "feeds", "sitemaps")


def connect_invalidation() -> None:
    from django.db.models import signals

    from articles.models import Article, Byline, Section, Tag
    from authors.models import Author
    from series.models import Series

    signals.pre_save.connect(remember_article_lists, sender=Article, dispatch_uid="page_cache_article_pre")
    signals.post_save.connect(article_changed, sender=Article, dispatch_uid="page_cache_article")
    signals.post_delete.connect(article_deleted, sender=Article, dispatch_uid="page_cache_article_delete")
    signals.post_save.connect(byline_changed, sender=Byline, dispatch_uid="page_cache_byline")
    signals.post_delete.connect(byline_changed, sender=Byline, dispatch_uid="page_cache_byline_delete")
    signals.m2m_changed.connect(article_tags_changed, sender=Article.tags.through, dispatch_uid="page_cache_tags")
    for model in (Author, Series, Section, Tag):
        signals.post_save.connect(object_changed, sender=model, dispatch_uid=f"page_cache_{model.__name__}")
        signals.post_delete.connect(object_changed, sender=model, dispatch_uid=f"page_cache_{model.__name__}_del")
