"""
What the newsroom's translated models share: the language-aware slug rules, control characters dropped on save,
and "written in a language" as one query condition.
"""

import uuid

from django.db import models
from django.db.models import Q

from .languages import LANGUAGE_CODES
from .text import slug_for, without_control_characters


def filled(field: str) -> Q:
    """Match rows whose field holds text: modeltranslation columns are nullable, so NULL and "" alike are empty."""
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def unused_slug(obj: models.Model, field: str, slug: str) -> str:
    """
    Return the slug, or the slug with the first free "-2", "-3", … suffix, so that no other row of the
    object's model has it in `field`: a derived slug must not collide with another row's (which would
    be an IntegrityError on save, as two articles may well share a headline).
    """
    taken = set(
        type(obj)._default_manager.filter(**{f"{field}__startswith": slug})
        .exclude(pk=obj.pk)
        .values_list(field, flat=True)
    )  # fmt: skip
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def drop_control_characters(obj: models.Model) -> None:
    """Remove control characters from every text field of the object, in every language, before it is saved."""
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(obj, field.attname)
            if isinstance(value, str):
                setattr(obj, field.attname, without_control_characters(value))


class TranslatedSlugMixin:
    """Fill each language's empty slug from that language's name or headline."""

    slug_source = "name"

    def fill_slugs(self):
        for language in LANGUAGE_CODES:
            source = getattr(self, f"{self.slug_source}_{language}")
            if source and not getattr(self, f"slug_{language}"):
                # A headline of punctuation alone gives no slug: make a short unique one instead.
                fallback = f"{self._meta.model_name}-{uuid.uuid4().hex[:8]}"
                slug = slug_for(source, language) or fallback
                setattr(self, f"slug_{language}", unused_slug(self, f"slug_{language}", slug))

    def slug_in(self, language: str) -> str | None:
        return getattr(self, f"slug_{language}", None)


def required_translation_fields(model) -> tuple[str, ...]:
    """Return the fields that make an object written in a language (a model may name them; else its first)."""
    from .translated import text_fields

    return getattr(model, "required_translation_fields", None) or tuple(text_fields(model)[:1])


def written_in(model, language: str, *, through: str = "") -> Q:
    """
    Match the rows written in a language: every required translated field holds text there. `through` is
    the lookup from another model to this one ("articles__"), to match on rows joined to it.
    """
    condition = Q()
    for name in required_translation_fields(model):
        condition &= filled(f"{through}{name}_{language}")
    return condition


def is_written(obj: models.Model, language: str) -> bool:
    """Return whether an object is written in a language (the instance twin of `written_in`)."""
    return all(getattr(obj, f"{name}_{language}", None) for name in required_translation_fields(type(obj)))


class TaskOutbox(models.Model):
    """A task queued by a committed transaction and not yet handed to the broker (core/background.py)."""

    task_path = models.CharField(max_length=300)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return self.task_path
