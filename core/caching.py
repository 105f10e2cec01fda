"""
What the page cache (pagecache/) reads from lower layers, as plain data, so that no view or content app
imports it: a view names the pages it is, and a restore tells every cache that the content changed.

A page's tags name what it shows: "<label>:<pk>" for each object in its context (models declare their
label, see pagecache/__init__.py) and the names views give themselves here ("home", "feeds", …).
"""

from collections.abc import Callable

from django.dispatch import Signal


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
