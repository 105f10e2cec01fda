"""Saving a translation: one path for the desk's form and the XLIFF import, with its confirmation and history."""

import reversion
from django.utils.translation import gettext

from core.roles import language_name

from . import state


def save_translation(
    form, language: str, *, by, translated_from: tuple[dict[str, str], str] | None = None, comment: str = ""
) -> bool:
    """
    Save a translator's validated form and record it; confirm the translation as matching its source, unless
    the source changed while they translated (then it stays outdated, and the desk shows what changed).
    Return whether it was confirmed.

    `translated_from` is the source the translation was made from, as text and fingerprint, when it was not the
    form's (an XLIFF file's export): the translation is confirmed against it, so it is up to date only when the
    source has not changed since.
    """
    source_moved = bool(form.changed_elsewhere & set(form.watched_fields))
    if translated_from is not None:
        source = state.source_language(language)
        source_moved = translated_from[1] != state.fingerprint(state.source_text(form.instance, source))
    with reversion.create_revision():
        state.record_baselines(form.instance)
        saved = form.save()
        if not source_moved:
            state.confirm(saved, language, by=by)
        elif translated_from is not None:
            state.confirm(saved, language, by=by, translated_from=translated_from)
        reversion.set_user(by)
        reversion.set_comment(
            comment
            or gettext("Translation (%(language)s) saved and confirmed: %(fields)s")
            % {"language": language_name(language), "fields": ", ".join(form.changed_data) or "—"}
        )
    return not source_moved
