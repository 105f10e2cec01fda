"""Writing to the glossary: keeping a translator's reason for confirming over its warning."""

from django.contrib.contenttypes.models import ContentType

from .checks import Missing
from .models import Override


def record_override(*, obj, language: str, missing: list[Missing], reason: str, by) -> Override:
    """Keep the reason a translation was confirmed with approved terms missing, who gave it, and which terms."""
    return Override.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        title=str(obj)[:300],
        language=language,
        terms=[item.as_record() for item in missing],
        reason=reason,
        by=by,
    )
