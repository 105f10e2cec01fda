"""Glossary terms marked in a source text, with their approved translation beside them."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
from django.utils.translation import gettext

from core.languages import direction

from ..checks import Glossary

register = template.Library()


def _plain(text: str) -> SafeString:
    return mark_safe(conditional_escape(normalize_newlines(text)).replace("\n", "<br>"))  # noqa: S308 -- escaped on the line before


@register.simple_tag
def glossary_marked(text: str, glossary: Glossary | None) -> SafeString:
    """
    Return the text escaped, each glossary term in it wrapped in <mark> and followed by its approved translation
    (or "do not translate"), the term's note as the gloss's title and, for screen readers, in words.
    """
    if not glossary:
        return _plain(text or "")
    language = glossary.target_language
    pieces = []
    for piece, term in glossary.segments(text or ""):
        if term is None:
            pieces.append(_plain(piece))
            continue
        label = gettext("do not translate") if term.do_not_translate else gettext("glossary:")
        approved = "" if term.do_not_translate else term.target_term
        pieces.append(
            format_html(
                '<mark class="glossary-term">{}</mark><small class="glossary-gloss"{}> '
                '<span class="glossary-label">{}</span>{}{}</small>',
                piece,
                format_html(' title="{}"', term.note) if term.note else "",
                label,
                format_html(
                    ' <bdi class="glossary-target" lang="{}" dir="{}">{}</bdi>', language, direction(language), approved
                )
                if approved
                else "",
                format_html('<span class="visually-hidden"> ({})</span>', term.note) if term.note else "",
            )
        )
    return mark_safe("".join(pieces))  # noqa: S308 -- every piece above is escaped or built by format_html
