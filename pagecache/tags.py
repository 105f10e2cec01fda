"""What a page shows, as tags: the labelled objects in its context (core/tags.py) and the names its view declares."""

from core.tags import foreign_labels, tag_for, tags_in

__all__ = ["foreign_labels", "tag_for", "tags_in", "view_tags"]


def view_tags(view) -> set[str]:
    """Return the tags a view declares for its pages: `page_cache_tags` on the function or its class."""
    declared = getattr(view, "page_cache_tags", None)
    if declared is None:  # as_view() copies no class attribute to the function it returns
        declared = getattr(getattr(view, "view_class", None), "page_cache_tags", ())
    return set(declared)
