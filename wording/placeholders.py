"""
What a wording must keep so that no page breaks: its placeholders (%(name)s, %s, {0}, {name}) and its HTML.

A message's translation is formatted by the code that shows it (`gettext(...) % {...}`, `.format()`,
`{% blocktranslate %}`), and a template's own words are written out unescaped. So a wording is refused,
with a message naming what is wrong, when formatting it would fail (a placeholder the code does not
supply, a lone %, an unbalanced brace, positional placeholders in another number or order) or when its
tags differ from the source's (a tag added, dropped or altered, or left open). A placeholder the source
has may be left out only by a plural form (Persian's singular, «یک مقاله»), as gettext's own check allows.
"""

import re
import string
from collections import Counter
from collections.abc import Sequence

from django.utils.translation import get_language, gettext

from core.text import localise_digits

from .catalogue import BRACE_FORMAT, PYTHON_FORMAT, CatalogueMessage

MAX_LENGTH = 10_000

PRINTF = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +\-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conversion>[diouxXeEfFgGcrsa%])"
)
BRACE_FIELD = re.compile(r"(?<!\{)\{(?:\d*|[A-Za-z_]\w*)(?:[.\[][^{}]*)?(?:![rsa])?(?::[^{}]*)?\}(?!\})")
TAG = re.compile(r"<(?P<closing>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\s*(?P<self_closing>/?)>")
TAG_LIKE = re.compile(r"<[A-Za-z/!?]")
# Tags a translation may add where the source has none: bidi isolation without attributes, which keeps an English
# name inside Persian in its own order («<bdi>%(name)s</bdi>»).
ADDABLE_TAGS = {"<bdi>", "</bdi>"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class PlaceholderError(ValueError):
    pass


def printf_placeholders(text: str) -> list[tuple[str | None, str]]:
    """Return the %-placeholders of a text as (name or None, conversion), refusing a % that begins none."""
    found = []
    position = text.find("%")
    while position != -1:
        match = PRINTF.match(text, position)
        if match is None:
            raise PlaceholderError(
                gettext("A percent sign on its own must be written %%: «%(text)s» is not a placeholder.")
                % {"text": text[position : position + 4]}
            )
        if match["conversion"] != "%":
            found.append((match["name"], match["conversion"]))
        position = text.find("%", match.end())
    return found


def brace_fields(text: str) -> list[str]:
    """Return the str.format() fields of a text by name ("" for {}), refusing unbalanced braces."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise PlaceholderError(
            gettext("A brace on its own must be doubled ({{ or }}): the braces here do not pair up.")
        ) from error
    names = []
    for _literal, name, _spec, _conversion in parsed:
        if name is not None:
            names.append(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names


def tags(text: str) -> list[str]:
    return [" ".join(match.group(0).split()) for match in TAG.finditer(text)]


def uses_printf(message: CatalogueMessage) -> bool:
    return PYTHON_FORMAT in message.flags or any(PRINTF.search(source.replace("%%", "")) for source in message.sources)


def uses_braces(message: CatalogueMessage) -> bool:
    return BRACE_FORMAT in message.flags or any(BRACE_FIELD.search(source) for source in message.sources)


def problems(message: CatalogueMessage, forms: Sequence[str], nplurals: int) -> list[str]:
    """Return what is wrong with a wording for a message (one text, or one per plural form); [] if nothing."""
    expected = nplurals if message.has_plural else 1
    if len(forms) != expected:
        return [gettext("This message needs %(count)s forms.") % {"count": localise_digits(expected, get_language())}]
    errors = []
    for number, form in enumerate(forms):
        label = gettext("Form %(number)s: ") % {"number": localise_digits(number + 1, get_language())}
        errors.extend((label if message.has_plural else "") + problem for problem in form_problems(message, form))
    return errors


def form_problems(message: CatalogueMessage, form: str) -> list[str]:
    """Return what is wrong with one form of a wording."""
    if not form.strip():
        return [gettext("Write the wording. To go back to the catalogue’s, revert the change in the history.")]
    if len(form) > MAX_LENGTH:
        return [
            gettext("The wording is too long (at most %(count)s characters).")
            % {"count": localise_digits(MAX_LENGTH, get_language())}
        ]
    if CONTROL.search(form):
        return [gettext("The wording contains a control character.")]
    errors = []
    for edge, ends in (("\n", "start"), ("\n", "end")):
        source_has = message.msgid.startswith(edge) if ends == "start" else message.msgid.endswith(edge)
        form_has = form.startswith(edge) if ends == "start" else form.endswith(edge)
        if source_has != form_has:
            errors.append(gettext("Begin and end with a line break exactly where the source does."))
            break
    if uses_printf(message):
        errors.extend(_printf_problems(message, form))
    if uses_braces(message):
        errors.extend(_brace_problems(message, form))
    errors.extend(_tag_problems(message, form))
    return errors


def _missing(names: set[str], message: CatalogueMessage) -> list[str]:
    if message.has_plural or not names:
        return []
    return [
        gettext("Keep the placeholder %(placeholder)s: the page fills it in.") % {"placeholder": name}
        for name in sorted(names)
    ]


def _printf_problems(message: CatalogueMessage, form: str) -> list[str]:
    try:
        wanted = printf_placeholders(message.msgid) + (
            printf_placeholders(message.msgid_plural) if message.msgid_plural else []
        )
        found = printf_placeholders(form)
    except PlaceholderError as error:
        return [str(error)]
    named = {f"%({name})" + conversion: name for name, conversion in wanted if name is not None}
    if named:
        written = {f"%({name})" + conversion for name, conversion in found if name is not None}
        errors = [
            gettext("The placeholder %(placeholder)s is not one this message has; use those of the source.")
            % {"placeholder": placeholder}
            for placeholder in sorted(written - set(named))
        ]
        if any(name is None for name, _conversion in found):
            errors.append(gettext("Use the named placeholders of the source (such as %(example)s), not %%s.")
                          % {"example": next(iter(sorted(named)))})  # fmt: skip
        return errors + _missing(set(named) - written, message)
    positional = [conversion for _name, conversion in printf_placeholders(message.msgid)]
    written = [f"%{conversion}" if name is None else f"%({name}){conversion}" for name, conversion in found]
    if written and not positional:
        return [gettext("This message has no placeholders: write a percent sign as %%.")]
    if written != [f"%{conversion}" for conversion in positional]:
        return [
            gettext("Keep the placeholders %(placeholders)s, as many and in the same order as the source.")
            % {"placeholders": " ".join(f"%{conversion}" for conversion in positional) or "—"}
        ]
    return []


def _brace_problems(message: CatalogueMessage, form: str) -> list[str]:
    try:
        wanted = {name for source in message.sources for name in brace_fields(source)}
        found = brace_fields(form)
    except PlaceholderError as error:
        return [str(error)]
    errors = [
        gettext("The placeholder %(placeholder)s is not one this message has; use those of the source.")
        % {"placeholder": "{" + name + "}"}
        for name in sorted(set(found) - wanted)
    ]
    if "" in wanted and Counter(found)[""] != Counter(brace_fields(message.msgid))[""]:
        errors.append(gettext("Keep as many {} placeholders as the source has."))
    return errors + _missing({"{" + name + "}" for name in wanted - set(found) - {""}}, message)


def _tag_problems(message: CatalogueMessage, form: str) -> list[str]:
    wanted = Counter(tags(message.msgid))
    if message.has_plural:
        wanted |= Counter(tags(message.msgid_plural))
    found = Counter(tags(form))
    added = Counter({tag: count for tag, count in (found - wanted).items() if tag not in ADDABLE_TAGS})
    errors = []
    if len(TAG_LIKE.findall(form)) != sum(found.values()):
        errors.append(gettext("Something here looks like a broken tag: keep the source’s tags as they are."))
    if not wanted:
        if added:
            errors.append(gettext("This message has no HTML: write < as text followed by a space, or leave it out."))
        return errors
    for tag in sorted(added):
        errors.append(
            gettext("The tag %(tag)s is not in the source: keep the source’s tags as they are.") % {"tag": tag}
        )
    if not message.has_plural:
        for tag in sorted(wanted - found):
            errors.append(gettext("Keep the tag %(tag)s of the source.") % {"tag": tag})
    if not errors and not _nested(form):
        errors.append(gettext("The tags must open and close in order, as in the source."))
    return errors


def _nested(text: str) -> bool:
    """Return whether the text's tags open and close in order."""
    open_tags: list[str] = []
    for match in TAG.finditer(text):
        name = match["name"].lower()
        if name in VOID_ELEMENTS or match["self_closing"]:
            continue
        if not match["closing"]:
            open_tags.append(name)
        elif not open_tags or open_tags.pop() != name:
            return False
    return not open_tags
