"""
What each save makes stale, as the models declare it (see pagecache/__init__.py).

Connected in PageCacheConfig.ready(): every write path (admin, bulk actions, the desk, shell, load_demo)
goes through these, so no caller has to remember to invalidate.
"""

from django.db.models import signals

from .invalidation import invalidate_on_commit
from .tags import tag_for


def stale_tags(instance) -> set[str]:
    """Return the tags of the pages showing an object: its own, and those its model names."""
    tags = set(instance.page_cache_stale_tags()) if hasattr(instance, "page_cache_stale_tags") else set()
    if tag := tag_for(instance):
        tags.add(tag)
    return tags


def remember_before_save(sender, instance, raw=False, **kwargs):
    """Before an object is saved, note the pages it may be leaving (the lists of its old section)."""
    if not raw and instance.pk is not None:
        instance._page_cache_before_save = set(instance.page_cache_stale_tags_before_save())


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        invalidate_on_commit(*stale_tags(instance), *instance.__dict__.pop("_page_cache_before_save", ()))


def object_deleted(sender, instance, **kwargs):
    # Before the delete (pre_delete), while the object's relations can still be read; at commit.
    invalidate_on_commit(*stale_tags(instance))


def relation_receiver(field):
    """Return a receiver for changes to a many-to-many relation between two labelled models."""
    through = field.remote_field.through
    ends = (field.m2m_field_name(), field.m2m_reverse_field_name())  # e.g. ("article", "tag")
    extra = tuple(getattr(field.model, "page_cache_relation_tags", {}).get(field.name, ()))
    cleared = f"_page_cache_cleared_{field.name}"

    def relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
        source, target = reversed(ends) if reverse else ends
        if action == "pre_clear":
            target_column = through._meta.get_field(target).attname
            links = through._default_manager.filter(**{source: instance.pk})
            instance.__dict__[cleared] = set(links.values_list(target_column, flat=True))
        elif action in ("post_add", "post_remove", "post_clear"):
            pks = pk_set or instance.__dict__.pop(cleared, ())
            label = model.page_cache_label
            invalidate_on_commit(tag_for(instance), *extra, *(f"{label}:{pk}" for pk in pks))

    return relation_changed


def connect(models) -> None:
    """Connect invalidation for every model that declares what its changes make stale."""
    for model in models:
        label = model._meta.label
        if hasattr(model, "page_cache_stale_tags_before_save"):
            signals.pre_save.connect(remember_before_save, sender=model, dispatch_uid=f"pagecache:{label}:pre_save")
        if hasattr(model, "page_cache_label") or hasattr(model, "page_cache_stale_tags"):
            signals.post_save.connect(object_saved, sender=model, dispatch_uid=f"pagecache:{label}:save")
            signals.pre_delete.connect(object_deleted, sender=model, dispatch_uid=f"pagecache:{label}:delete")
        if not hasattr(model, "page_cache_label"):
            continue
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created and hasattr(field.related_model, "page_cache_label"):
                signals.m2m_changed.connect(
                    relation_receiver(field),
                    sender=through,
                    weak=False,
                    dispatch_uid=f"pagecache:{through._meta.label}",
                )
