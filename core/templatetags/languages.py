"""Template filters that read the language registry (core/languages.py), so templates never compare codes."""

from django import template

from core.languages import LANGUAGES, direction

register = template.Library()


@register.filter(name="direction")
def direction_filter(code: str) -> str:
    """Return "rtl" or "ltr" for a language code."""
    return direction(code)


@register.filter
def open_graph_locale(code: str) -> str:
    return LANGUAGES[code].open_graph_locale if code in LANGUAGES else ""


@register.filter
def font_preload(code: str) -> str:
    """Return the static path of the font a language's pages preload, or ""."""
    return LANGUAGES[code].font_preload if code in LANGUAGES else ""
