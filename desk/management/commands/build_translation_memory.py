"""Fill the translation memory from the confirmations already on record: `manage.py build_translation_memory`."""

from django.core.management.base import BaseCommand

from desk import state
from desk.models import TranslationConfirmation
from memory.recording import record


class Command(BaseCommand):
    help = (
        "Store every translation a translator confirmed that is still up to date in the translation memory, as "
        "aligned segments. Running it again replaces each object's segments; it never duplicates them."
    )

    def handle(self, *args, **options):
        recorded = objects = skipped = 0
        # Baselines (no one confirmed them: desk.state.record_baselines) are left out, as confirm() leaves them out.
        rows = (
            TranslationConfirmation.objects.filter(confirmed_by__isnull=False)
            .select_related("content_type", "confirmed_by")
            .order_by("pk")
        )
        by_type: dict = {}
        for row in rows:
            by_type.setdefault(row.content_type, []).append(row)
        for content_type, confirmations in by_type.items():
            model = content_type.model_class()
            if model is None:
                continue
            found = model._default_manager.in_bulk([row.object_id for row in confirmations])
            for row in confirmations:
                obj = found.get(row.object_id)
                # Only a translation that still matches the source it was confirmed against teaches the memory.
                if obj is None or state.translation_state(obj, row.language, {(obj.pk, row.language): row}) != (
                    state.UP_TO_DATE
                ):
                    skipped += 1
                    continue
                recorded += record(
                    obj,
                    source_language=row.source_language,
                    target_language=row.language,
                    by=row.confirmed_by,
                    when=row.confirmed_at,
                )
                objects += 1
        self.stdout.write(f"{recorded} segments from {objects} confirmed translations; {skipped} outdated skipped.")
