"""
What the page cache (pagecache/) reads from lower layers, as plain data, so that no view or content app
imports it: a view names the pages it is, and a restore tells every cache that the content changed.

A page's tags name what it shows: "<label>:<pk>" for each object in its context (models declare their
label, see pagecache/__init__.py) and the names views give themselves here ("home", "feeds", …).
"""

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.dispatch import Signal
from django.utils import timezone

from .primary import on_primary


def page_cache_tags(*tags: str) -> Callable:
    """
    Name what a function view's pages show beyond the objects in their context, e.g. "sitemaps".

    A class-based view or a callable object (a Feed) says the same with a `page_cache_tags` attribute.
    A page that names nothing and has no tagged object in its context is never cached.
    """

    def decorator(view):
        view.page_cache_tags = (*getattr(view, "page_cache_tags", ()), *tags)
        return view

    return decorator


# Sent when the site's content has been replaced wholesale (a restore): every page made from the old
# content is stale. Each receiver returns whether it made its copies stale (the page cache: whether the
# shared cache took the invalidation).
content_replaced = Signal()


# Site-wide data that changes only when the content does (the sections in every page's navigation), kept in
# each process for as long as the content generation stays the same. The page cache sets a new generation
# with every invalidation, on every app server (pagecache/invalidation.py), and plugs its reader in here
# when it starts; without it, or while the shared cache cannot tell the generation, it is built every time.
GENERATION_READER: dict[str, Callable[[], int | None] | None] = {"read": None}
_per_generation: dict[str, tuple[int, object, datetime | None]] = {}


def generation_known() -> bool:
    """Return whether `per_generation` keeps values now (the shared cache tells the generation, memos are on)."""
    read = GENERATION_READER["read"]
    return read is not None and getattr(settings, "PER_GENERATION_MEMO", True) and read() is not None


def per_generation(name: str, build: Callable[[], object], *, until: Callable[[], datetime | None] | None = None):
    """
    Return `build()` as of the current content generation, building it at most once per generation here.

    The generation is read before building, so a value built while an edit commits is stored under the old
    generation and rebuilt on the next call. Settings' PER_GENERATION_MEMO turns it off (the test runner
    does: its tests change rows in transactions that never commit, so no invalidation tells it).

    `until`, called when the value is built, says when it goes stale with no edit (a scheduled article appears
    then): from that moment it is built again, whatever the generation.
    """
    read = GENERATION_READER["read"]
    generation = read() if read is not None and getattr(settings, "PER_GENERATION_MEMO", True) else None
    if generation is None:
        return build()
    kept = _per_generation.get(name)
    if kept is not None and kept[0] == generation and (kept[2] is None or timezone.now() < kept[2]):
        return kept[1]
    with on_primary():  # kept for every later page: not from a replica a moment behind the generation
        stale_at = until() if until is not None else None
        value = build()
    _per_generation[name] = (generation, value, stale_at)
    return value
