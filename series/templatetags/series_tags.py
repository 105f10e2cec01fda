from django import template

from series.labels import names_part as _names_part

register = template.Library()


@register.filter
def names_part(text: str | None, number: int | None) -> bool:
    """Return whether the text already says which part of its series it is, in the active language."""
    return _names_part(text, number)
