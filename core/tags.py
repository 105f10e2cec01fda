"""
What a page shows, as tags: the labelled objects in its context ("article:42", "section:3").

The page cache stores pages under these tags (pagecache/) and an article's stored rendering records them as what
it was made from (articles/rendering.py): both name what they show the same way.
"""

import functools

from django.db import models


def tag_for(obj) -> str | None:
    """Return the tag naming a model instance, e.g. "article:42" (None for a model with no label)."""
    label = getattr(obj, "page_cache_label", None)
    return f"{label}:{obj.pk}" if label and obj.pk else None


@functools.cache
def foreign_labels(model: type[models.Model]) -> tuple[tuple[str, str], ...]:
    """Return (attname, label) for each of the model's foreign keys (and one-to-ones) to a labelled model."""
    return tuple(
        (field.attname, label)
        for field in model._meta.concrete_fields
        if field.is_relation and (label := getattr(field.related_model, "page_cache_label", None))
    )


def tags_in(value, tags: set[str], depth: int = 0) -> None:
    """
    Collect the tags of what a template context holds, without running a query.

    Model instances give their own tag, those of the objects their foreign keys point to, and those
    of the relations already loaded with them (select_related / prefetch_related); querysets count
    only when already evaluated.
    """
    if depth > 6 or value is None:
        return
    carried = getattr(value, "page_cache_carried_tags", None)  # what a stored rendering was made from
    if carried is not None:
        tags.update(carried)
    if isinstance(value, models.Model):
        if tag := tag_for(value):
            tags.add(tag)
        for related in value._state.fields_cache.values():
            tags_in(related, tags, depth + 1)
        for related in getattr(value, "_prefetched_objects_cache", {}).values():
            tags_in(related, tags, depth + 1)
        for attname, label in foreign_labels(type(value)):
            if (pk := getattr(value, attname, None)) is not None:
                tags.add(f"{label}:{pk}")
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
