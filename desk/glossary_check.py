"""
The glossary on the desk: the source's terms marked with their approved translation, and the check before a
translation is confirmed, which a translator may override with a reason the editors can read.

One check for every way a translation is confirmed: the desk's form (`passes`), the admin's "Save and confirm"
(`passes`, registered with the core admin in desk/apps.py) and an XLIFF import (`missing` and `reason_problem`,
desk/exchange/importing.py).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext, ngettext

from core.languages import direction
from core.text import localise_digits
from glossary.checks import Glossary, Missing, object_texts
from glossary.services import record_override

from . import state

REASON_FIELD = "glossary_reason"
REASON_MAX_LENGTH = 2000
TEMPLATE = "desk/includes/_glossary_check.html"


def for_screen(language: str) -> Glossary:
    """Return the glossary of the pair the desk translates into `language`, to mark the source with."""
    return Glossary(state.source_language(language), language)


def missing(instance, language: str, glossary: Glossary | None = None) -> list[Missing]:
    """Return the approved terms of the instance's source that its translation into `language` lacks."""
    source = state.source_language(language)
    glossary = glossary if glossary is not None else Glossary(source, language)
    if not glossary:
        return []
    return glossary.missing(object_texts(instance, source), object_texts(instance, language))


def pair(language: str) -> dict[str, str]:
    """Return the languages of the check and their directions, for marking up the terms it lists."""
    source = state.source_language(language)
    return {
        "source": source,
        "source_dir": direction(source),
        "language": language,
        "language_dir": direction(language),
    }


def summary(count: int) -> str:
    return ngettext(
        "%(count)s approved glossary term is missing from the translation.",
        "%(count)s approved glossary terms are missing from the translation.",
        count,
    ) % {"count": localise_digits(count, get_language())}


def reason_problem(reason: str) -> str:
    """Return why a reason cannot be kept (too long), or an empty string."""
    if len(reason) > REASON_MAX_LENGTH:
        return gettext("The reason is too long: at most %(count)s characters.") % {
            "count": localise_digits(REASON_MAX_LENGTH, get_language())
        }
    return ""


def passes(form, language: str, *, by) -> bool:
    """
    Return whether the valid form may be saved and confirmed as far as the glossary goes.

    When approved terms of the source are missing from the translation, the form carries them
    (`form.glossary_missing`, shown by TEMPLATE) and an error, unless the translator gave a reason: that is kept,
    with who, when and which terms, and the save goes ahead. Call it inside the save's transaction.
    """
    found = missing(form.instance, language)
    form.glossary_missing = found
    if not found:
        return True
    form.glossary_pair = pair(language)
    form.confirm_check_template = TEMPLATE
    form.confirm_check_stylesheet = "glossary/glossary.css"
    form.glossary_summary = summary(len(found))
    reason = (form.data.get(REASON_FIELD) or "").strip()
    problem = reason_problem(reason)
    if problem:
        form.add_error(None, ValidationError(problem))
        return False
    if not reason:
        form.add_error(
            None,
            ValidationError(
                gettext(
                    "Nothing was saved: approved glossary terms are missing from the translation (listed below). "
                    "Use them, or give your reason for confirming without them and save again."
                )
            ),
        )
        return False
    record_override(obj=form.instance, language=language, missing=found, reason=reason, by=by)
    return True
