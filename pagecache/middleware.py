"""Serve anonymous public pages from the cache, and store them with the tags of what they show."""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response

from . import invalidation, tokens
from .expiry import page_lifetime, page_seconds
from .headers import cache_control, public_headers
from .tags import tags_in, view_tags

# Query parameters that may vary a cached page; any other parameter bypasses the cache.
CACHEABLE_PARAMETERS = {"page", "full"}


def page_key(request) -> str:
    return tokens.PAGE_PREFIX + hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()


def cacheable_request(request) -> bool:
    """An anonymous GET of a public, language-prefixed page with no parameters but pagination."""
    if request.method not in ("GET", "HEAD") or page_seconds() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # signed-in staff see live pages — never from the cache
    if not request.path_info.startswith(public_prefixes()):
        return False  # the admin, its previews and the desk among them
    return not request.GET or set(request.GET) <= CACHEABLE_PARAMETERS


@functools.cache
def public_prefixes() -> tuple[str, ...]:
    """Return where public pages live: PAGE_CACHE_PREFIXES, or else the language prefixes (i18n_patterns)."""
    prefixes = getattr(settings, "PAGE_CACHE_PREFIXES", None)
    return tuple(prefixes or (f"/{code}/" for code, _name in settings.LANGUAGES))


def cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


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
        if invalidation.PENDING:
            invalidation.write_pending()  # an invalidation the cache missed: it must land before pages are served
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        if entry := self.fresh_entry(key):
            return self.from_entry(request, entry)
        started = tokens.now_token()
        generation = tokens.read_generation()  # as it was before rendering
        if generation is None or invalidation.PENDING:
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
        generation = tokens.current_generation()
        if generation is None or invalidation.PENDING:
            return None  # no page is known to be fresh while invalidations cannot be read or written
        local_pages = tokens.LOCAL_PAGES
        entry = local_pages.get(key)
        if entry is not None:
            local_pages.move_to_end(key)
        else:
            entry = cache.get(key)
            if entry is None:
                return None
            local_pages[key] = entry
            if len(local_pages) > tokens.LOCAL_PAGES_LIMIT:
                local_pages.popitem(last=False)
        if entry["expires"] <= time.time() + 1:
            local_pages.pop(key, None)
            return None
        if generation in (entry.get("generation"), tokens.VERIFIED.get(key)):
            return entry
        local_pages.pop(key, None)
        entry = cache.get(key)
        if entry is None or cache.get_many(list(entry["tokens"])) != entry["tokens"]:
            return None
        if len(tokens.VERIFIED) >= tokens.VERIFIED_LIMIT:
            tokens.VERIFIED.clear()
        tokens.VERIFIED[key] = generation
        local_pages[key] = entry
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
        return tags | view_tags(match.func)

    def store(self, request, response, key: str) -> None:
        tags = self.page_tags(request)
        if not tags:
            return  # a page whose contents we cannot name is never cached
        tags.add(tokens.SITE)
        seconds = page_lifetime()
        if seconds <= 0:
            return
        found = tokens.tag_tokens(sorted(tags))
        if found is None:
            return  # the cache failed: nothing to store against
        # The page shows rows as they were when it started, or earlier when they were read from a replica behind
        # the primary (replicas/middleware.py says by how much): a page older than an edit is not stored.
        rendered_at = request._page_cache_started - int(getattr(request, "rows_read_behind_seconds", 0) * 1_000_000)
        if max(found.values()) > rendered_at - tokens.CLOCK_MARGIN:
            # Edited while we rendered, or within the clocks' margin (tokens.py): not stored here, and kept by
            # an edge for the margin alone. Without any cache headers an edge that has just been purged would
            # send every reader of a hot page to the app for that second (bench/edge.py: the home page took
            # 1.1-1.5 s to show an edit through Varnish, its requests queued behind two sync workers).
            public_headers(response, list(tags), last_modified=rendered_at / 1_000_000,
                           seconds=tokens.CLOCK_MARGIN // 1_000_000)  # fmt: skip
            return
        public_headers(response, list(tags), last_modified=rendered_at / 1_000_000, seconds=seconds)
        entry = {
            "content": response.content,
            "headers": {name: response[name] for name in self.STORED_HEADERS if response.has_header(name)},
            "tokens": found,
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
