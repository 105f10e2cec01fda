"""
The media files the database refers to, and which of them storage has lost.

Every file field of every installed model counts, so an image field added later is covered without
a change here. A file field `x` with a JSON field `x_renditions` beside it (Article.image and
image_renditions) also refers to every rendition its manifest names.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models

from core.renditions import rendition_names

RENDITIONS_SUFFIX = "_renditions"


@dataclass(frozen=True)
class MediaReference:
    name: str
    model: str
    pk: object
    field: str

    def __str__(self) -> str:
        return f"{self.name} ({self.model} {self.pk}, {self.field})"


def referenced_media(using: str = "default") -> Iterator[MediaReference]:
    """Yield every media file the database refers to, model by model."""
    for model in apps.get_models():
        fields = {field.name: field for field in model._meta.concrete_fields}
        label = model._meta.label
        for field in fields.values():
            if not isinstance(field, models.FileField):
                continue
            manifest_field = fields.get(field.name + RENDITIONS_SUFFIX)
            columns = ["pk", field.attname] + ([manifest_field.attname] if manifest_field else [])
            rows = (
                model._base_manager.using(using)
                .exclude(**{f"{field.attname}__isnull": True})
                .exclude(**{field.attname: ""})
                .order_by("pk")
                .values_list(*columns)
            )
            for pk, name, *manifest in rows.iterator():
                yield MediaReference(name, label, pk, field.name)
                for rendition in rendition_names(manifest[0] or {}) if manifest else ():
                    yield MediaReference(rendition, label, pk, manifest_field.name)


def missing_media(references: Iterable[MediaReference], storage=default_storage) -> list[MediaReference]:
    """Return the references whose file storage does not have."""
    return [reference for reference in references if not storage.exists(reference.name)]
