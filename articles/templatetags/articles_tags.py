"""Template filters that write numbers, dates and reading times the way each language's readers expect."""

import json
from datetime import date, datetime
from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext, ngettext, pgettext

from core import dates
from core import structured_data as core_structured_data
from core.languages import LANGUAGES
from core.text import localise_digits

register = template.Library()


@register.filter
def local_digits(value) -> str:
    """Write a number (or any text's digits) in the active language's digits."""
    if value is None:
        return ""
    return localise_digits(value, translation.get_language())


@register.filter
def local_date(value: datetime | date | None) -> str:
    """Return "22 November 2026" in English and the Jalali «۱ آذر ۱۴۰۵» in Persian."""
    return dates.format_date(value, "j F Y")


@register.filter
def iso_datetime(value: datetime | None) -> str:
    """Return the machine-readable form for <time datetime=…> and structured data."""
    return core_structured_data.iso_datetime(value)


@register.filter
def reading_time(minutes: int | None) -> str:
    """Return "9 min read" / «۹ دقیقه مطالعه»."""
    if not minutes:
        return ""
    text = ngettext("%(minutes)s min read", "%(minutes)s min read", minutes)
    return text % {"minutes": local_digits(minutes)}


# JSON in a <script> element must not contain "</script>" or "<!--": escape the characters that start them.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data: dict) -> str:
    """Emit structured data as <script type="application/ld+json">, serialised with json.dumps and escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    # A data block is not executed, but carrying the nonce keeps it valid under any reading of the policy.
    nonce = context.get("csp_nonce")
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', str(nonce)) if nonce is not None else "",
        mark_safe(text),  # noqa: S308 -- JSON with <, > and & escaped above
    )


def share_targets(url: str, text: str, language: str) -> list[dict]:
    """Return the share links for a page: each network's own share address, URL and text percent-encoded."""
    url_q, text_q = quote(url, safe=""), quote(text, safe="")
    targets = {
        "x": (
            pgettext("network", "X"),
            gettext("Share on X"),
            f"https://twitter.com/intent/tweet?text={text_q}&url={url_q}",
        ),
        "facebook": (
            pgettext("network", "Facebook"),
            gettext("Share on Facebook"),
            f"https://www.facebook.com/sharer/sharer.php?u={url_q}",
        ),
        "linkedin": (
            pgettext("network", "LinkedIn"),
            gettext("Share on LinkedIn"),
            f"https://www.linkedin.com/sharing/share-offsite/?url={url_q}",
        ),
        "telegram": (
            pgettext("network", "Telegram"),
            gettext("Share on Telegram"),
            f"https://t.me/share/url?url={url_q}&text={text_q}",
        ),
        "whatsapp": (
            pgettext("network", "WhatsApp"),
            gettext("Share on WhatsApp"),
            f"https://wa.me/?text={quote(f'{text} {url}', safe='')}",
        ),
        "email": (pgettext("network", "Email"), gettext("Share by email"), f"mailto:?subject={text_q}&body={url_q}"),
    }
    order = LANGUAGES[language].share_networks if language in LANGUAGES else tuple(targets)
    return [
        {"network": key, "name": targets[key][0], "label": targets[key][1], "url": targets[key][2]} for key in order
    ]


@register.inclusion_tag("includes/_share_links.html")
def share_links(url: str, text: str) -> dict:
    return {"targets": share_targets(url, text, translation.get_language()), "url": url}


@register.inclusion_tag("includes/_section_nav.html", takes_context=True)
def section_nav(context) -> dict:
    """The sections named in the site header (one query per content generation)."""
    from articles.models import sections_in

    return {"sections": sections_in(translation.get_language()), "current_section": context.get("current_section")}


# Widths of the related-articles cards, from site.css's `.related .grid` (auto-fit columns of at least
# 15rem in a 72rem wrap with 2rem padding and 2rem gaps): one column below 45rem; above it the cards share
# the row, so one card alone spans the wrap and is as wide as a featured image.
RELATED_CARD_SIZES = {
    1: "(min-width: 72rem) 68rem, calc(100vw - 2rem)",
    2: "(min-width: 72rem) 33rem, (min-width: 45rem) calc(50vw - 3rem), calc(100vw - 2rem)",
    3: "(min-width: 72rem) 22rem, (min-width: 45rem) calc(50vw - 3rem), calc(100vw - 2rem)",
}


@register.simple_tag(takes_context=True)
def article_card(context, article, variant: str, cards=None) -> str:
    """
    An article's card as the lists named `variant` show it: stored with its page (articles/rendering.py, our
    own escaped rendering of the same template) when it was fetched with the article (`as_cards()`) or `cards`
    holds it, else rendered now.
    """
    from articles.rendering import render_card, variant_attribute

    stored = article.__dict__.get(variant_attribute(variant)) or (cards or {}).get(article.pk, {}).get(variant)
    if stored is not None:
        return mark_safe(stored)  # noqa: S308 -- the card template's own output, escaped as it rendered

    return render_card(article, variant, request=context.get("request"))


@register.simple_tag
def stored_cards(articles) -> dict:
    """
    Return the stored cards of a list's articles in the active language (fetched with them, or in one query),
    and fetch the bylines of those whose card is rendered now.
    """
    from articles.rendering import stored_cards as cards_of

    return cards_of(articles, translation.get_language())


@register.filter
def related_variant(related) -> str:
    """Return the card variant of related articles when these share the row."""
    return f"related-{min(len(related), max(RELATED_CARD_SIZES))}"


@register.filter
def related_card_sizes(count: int) -> str:
    """Return the `sizes` of a related card's picture when `count` cards share the row."""
    return RELATED_CARD_SIZES.get(count, RELATED_CARD_SIZES[3])


@register.filter
def local_number(value) -> str:
    """Write a count the way the language groups digits: 5,000 / ۵٬۰۰۰."""
    if value is None:
        return ""
    language = translation.get_language()
    grouped = f"{int(value):,}"
    if language in LANGUAGES and LANGUAGES[language].persian_digits:
        return localise_digits(grouped.replace(",", "٬"), language)
    return grouped


@register.inclusion_tag("includes/_language_nav.html", takes_context=True)
def language_links(context) -> dict:
    """Link to this page in each other language when it exists there, else to that language's front page."""
    current = translation.get_language()
    versions = context.get("other_language_urls") or {}
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        with translation.override(code):
            home = reverse("articles:home")
        target = versions.get(code, home)
        links.append({"code": code, "name": get_language_info(code)["name_local"], "next": target})
    return {"links": links}


@register.simple_tag(takes_context=True)
def absolute_url(context, location: str) -> str:
    """Return an absolute URL for a path (media on another host keeps its own)."""
    request = context.get("request")
    return request.build_absolute_uri(location) if request else location
