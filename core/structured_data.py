"""
Schema.org structured data (JSON-LD) that every reader page may carry, built as plain dicts: the site, its
publisher, breadcrumbs and lists. What an article, an author or a series says of itself lives with its app.

Templates emit them with the `json_ld` tag, which serialises with json.dumps and escapes <, > and & so
that no text (a headline containing "</script>") can end the script element early.
"""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def iso_datetime(value: datetime | None) -> str:
    """Return the machine-readable form for <time datetime=…> and structured data."""
    return value.isoformat(timespec="seconds") if value else ""


def absolute(request, location: str) -> str:
    return request.build_absolute_uri(location)


def publisher(request) -> dict:
    with translation.override(translation.get_language()):
        home = absolute(request, reverse("articles:home"))
    return {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME, "url": home}


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    """Return a BreadcrumbList for (name, location) pairs, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": absolute(request, location)}
            for position, (name, location) in enumerate(trail, start=1)
        ],
    }


def collection_page(request, *, name: str, canonical_url: str, language: str, items: list[tuple[str, str]]) -> dict:
    """Return a CollectionPage whose main entity lists the page's articles in order."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": str(name),
        "url": canonical_url,
        "inLanguage": language,
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "url": absolute(request, location), "name": str(title)}
                for position, (title, location) in enumerate(items, start=1)
            ],
        },
    }


def website(request, *, language: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": absolute(request, reverse("articles:home")),
        "inLanguage": language,
        "publisher": publisher(request),
    }
