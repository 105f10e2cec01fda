from django import template

from wording.access import editable_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def wording_languages(context) -> list[str]:
    """{% wording_languages as languages %}: the languages whose interface wording the signed-in user may change."""
    request = context.get("request")
    return editable_languages(request.user) if request is not None else []
