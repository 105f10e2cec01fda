"""
{% per_generation "name" [vary …] %}…{% end_per_generation %}: a part of every page that changes only with the
content (the navigation's sections, the search form, the footer), rendered once per content generation in each
process, per language and per value of what it varies by (core.caching.per_generation).

Only for parts whose output depends on nothing but the content, the active language and the values named:
never on the request, the reader, or a query string.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.caching import per_generation

register = template.Library()


class PerGenerationNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context):
        values = [str(value.resolve(context)) for value in self.vary]
        key = ":".join(["fragment", self.name.resolve(context), get_language() or "", *values])
        # Our own templates' output, escaped as it rendered the first time (what it shows depends on nothing else).
        return per_generation(key, lambda: mark_safe(self.nodelist.render(context)))  # noqa: S308


@register.tag("per_generation")
def do_per_generation(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('per_generation needs a name: {% per_generation "footer" %}')
    nodelist = parser.parse(("end_per_generation",))
    parser.delete_first_token()
    return PerGenerationNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
