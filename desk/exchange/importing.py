"""
Applying an XLIFF file's translations: everything checked first, then every object saved in one transaction
through the desk's own save (desk.services.save_translation), or nothing saved at all.

The rules are the desk's: a translator changes only their own language's fields (the desk's form has no others),
an editor either language; the body is rebuilt from its segments and sanitised; the translation is confirmed and
kept in the history. An object whose source changed since the export is saved but left outdated, confirmed against
the source as exported, so the desk shows what changed.
"""

import html
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.roles import is_author, is_editor, language_name, translator_language
from core.text import localise_digits
from core.translated import text_fields, translated_models
from glossary.services import record_override

from .. import glossary_check, state
from ..forms import translation_form_class
from ..services import save_translation
from . import body as bodies
from .files import ObjectFile, Refused, read


@dataclass
class Translation:
    """What one object of a file brings: its new field values and the source they were translated from."""

    obj: object
    values: dict[str, str]  # form field ("headline_fa") -> value
    translated_from: tuple[dict[str, str], str]  # the source text as exported, and its fingerprint


@dataclass
class Outcome:
    language: str
    confirmed: list = field(default_factory=list)  # objects now up to date
    outdated: list = field(default_factory=list)  # objects saved, but whose source changed since the export
    untouched: list = field(default_factory=list)  # objects the file left untranslated


class GlossaryRefused(Refused):
    """A file whose translations lack approved glossary terms, imported without a reason: what each one lacks."""

    def __init__(self, message: str, found: list, language: str):
        super().__init__(message)
        self.found = found  # [(object, [glossary.checks.Missing])]
        self.pair = glossary_check.pair(language)


def import_file(data: bytes, *, by, glossary_reason: str = "") -> Outcome:
    """
    Apply an XLIFF file's translations as `by`, all or nothing; raise Refused with the reason.

    Every translation passes the desk's glossary check first: if any lacks approved terms, the whole file is
    refused (GlossaryRefused, with the list), unless `glossary_reason` is given, which is then kept for each of them.
    """
    language, files = read(data)
    _check_language(language, by)
    outcome = Outcome(language)
    translations = []
    for found in files:
        translation = _translation(found, language, by)
        if translation is None:
            outcome.untouched.append(_object(found))
        else:
            translations.append(translation)
    glossary_reason = glossary_reason.strip()
    with transaction.atomic():
        # Validation reads each row again, locked (core/locking.py): it, the check and the saves are one transaction.
        forms = [(translation, _validated_form(translation, language)) for translation in translations]
        lacking = _glossary_check(forms, language, glossary_reason)
        for translation, form in forms:
            confirmed = _save(translation, form, language, by)
            (outcome.confirmed if confirmed else outcome.outdated).append(translation.obj)
            if id(translation) in lacking:
                missing = lacking[id(translation)]
                record_override(obj=form.instance, language=language, missing=missing, reason=glossary_reason, by=by)
    return outcome


def _glossary_check(forms: list, language: str, reason: str) -> dict:
    """Return what each translation lacks of the glossary, by id; refuse the file if any lacks terms and no reason."""
    glossary = glossary_check.for_screen(language)
    if not glossary:
        return {}
    lacking, found = {}, []
    for translation, form in forms:
        missing = glossary_check.missing(form.instance, language, glossary)
        if missing:
            lacking[id(translation)] = missing
            found.append((translation.obj, missing))
    if not found:
        return {}
    problem = glossary_check.reason_problem(reason)
    if problem:
        raise Refused(problem)
    if not reason:
        count = sum(len(missing) for _obj, missing in found)
        raise GlossaryRefused(
            ngettext(
                "Nothing was imported: %(count)s approved glossary term is missing from the translations (listed "
                "below). Use it in your CAT tool, or choose the file again and give your reason for importing "
                "without it.",
                "Nothing was imported: %(count)s approved glossary terms are missing from the translations (listed "
                "below). Use them in your CAT tool, or choose the file again and give your reason for importing "
                "without them.",
                count,
            )
            % {"count": localise_digits(count, get_language())},
            found,
            language,
        )
    return lacking


def _check_language(language: str, user) -> None:
    if is_author(user) or not (is_editor(user) or translator_language(user)):
        raise Refused(_("Only editors and translators may import translations."))
    own = translator_language(user)
    if own and language != own:
        raise Refused(
            _("This file is a translation into %(language)s; you translate into %(own)s. Nothing was imported.")
            % {"language": language_name(language), "own": language_name(own)}
        )
    if language not in state.LANGUAGE_CODES:
        raise Refused(_("The file's target language is not one of the site's languages."))


def _object(found: ObjectFile):
    payload = found.payload
    try:
        model = apps.get_model(payload["object"])
    except (LookupError, ValueError) as error:
        raise Refused(_("The file is for something the desk does not translate.")) from error
    if model not in translated_models():
        raise Refused(_("The file is for something the desk does not translate."))
    obj = model._default_manager.filter(pk=payload["pk"]).first()
    if obj is None:
        raise Refused(_("The file is for a %(model)s that no longer exists.") % {"model": model._meta.verbose_name})
    return obj


def _translation(found: ObjectFile, language: str, user) -> Translation | None:
    """Read one object's translations from its units; None when none of them is translated."""
    obj = _object(found)
    opts = obj._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise Refused(_("You may not change “%(object)s”. Nothing was imported.") % {"object": obj})
    payload = found.payload
    translated = {unit_id: unit for unit_id, unit in found.units.items() if unit.target and unit.target.strip()}
    if not translated:
        return None
    if len(translated) < len(found.units):
        raise Refused(
            _(
                "“%(object)s” is only partly translated (%(missing)s of %(total)s segments are empty). Translate "
                "them all, or clear them all to leave it for later. Nothing was imported."
            )
            % {
                "object": obj,
                "missing": localise_digits(len(found.units) - len(translated), get_language()),
                "total": localise_digits(len(found.units), get_language()),
            }
        )
    values, exported = {}, dict.fromkeys(text_fields(type(obj)), "")
    prefix = f"{payload['object']}.{payload['pk']}."
    targets: dict[str, dict[str, str]] = {}
    sources: dict[str, dict[str, str]] = {}
    for unit_id, unit in found.units.items():
        field_name, _dot, rest = unit_id.removeprefix(prefix).partition(".")
        if field_name not in exported:
            raise Refused(
                _("The file was changed after it was exported: segment %(id)s does not belong to it.") % {"id": unit_id}
            )
        if field_name in payload["skeletons"]:
            key = rest.split(".", 1)[0]
            codes = payload["codes"].get(unit_id, {})
            targets.setdefault(field_name, {})[key] = _segment_html(unit.rich_target[0], codes, unit_id, payload)
            sources.setdefault(field_name, {})[key] = _segment_html(unit.rich_source[0], codes, unit_id, payload)
        else:
            values[f"{field_name}_{language}"] = unit.target.strip()
            exported[field_name] = unit.source
    for field_name, skeleton in payload["skeletons"].items():
        values[f"{field_name}_{language}"] = bodies.rebuild(skeleton, targets.get(field_name, {}))
        exported[field_name] = bodies.rebuild(skeleton, sources.get(field_name, {}))
    return Translation(obj, values, (exported, payload["fingerprint"]))


def _segment_html(content, codes: dict, unit_id: str, payload: dict) -> str:
    # An image's description goes into an attribute: its text only, escaped for one.
    if unit_id in payload.get("plain", ()):
        return html.escape(str(content), quote=True)
    return bodies.render(content, codes)


def _validated_form(translation: Translation, language: str):
    """Return the desk's form for one object's translation, validated; raise Refused if the form refuses it."""
    obj = translation.obj
    form_class = translation_form_class(type(obj), language)
    opened = form_class(instance=obj)
    data = {name: opened[name].value() or "" for name in opened.fields}
    data.update(translation.values)
    form = form_class(data, instance=obj)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
            for name, errors in form.errors.items()
        )
        raise Refused(
            _("“%(object)s” could not be saved: %(problems)s. Nothing was imported.")
            % {"object": obj, "problems": problems}
        )
    return form


def _save(translation: Translation, form, language: str, by) -> bool:
    """Save one object's validated translation through the desk's save; return whether it was confirmed."""
    comment = _("Translation (%(language)s) imported from an XLIFF file: %(fields)s") % {
        "language": language_name(language),
        "fields": ", ".join(form.changed_data) or "—",
    }
    return save_translation(form, language, by=by, translated_from=translation.translated_from, comment=comment)
