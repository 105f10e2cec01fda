"""
Schema.org structured data (JSON-LD) for reader pages, built as plain dicts.

Templates emit them with the `json_ld` tag, which serialises with json.dumps and escapes <, > and & so
that no text (a headline containing "</script>") can end the script element early.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from articles.templatetags.articles_tags import iso_datetime


def absolute(request, location: str) -> str:
    return request.build_absolute_uri(location)


def publisher(request) -> dict:
    with translation.override(translation.get_language()):
        home = absolute(request, reverse("articles:home"))
    return {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME, "url": home}


def person(request, author, *, same_as: bool = False) -> dict:
    data = {"@type": "Person", "name": author.name, "url": absolute(request, author.get_absolute_url())}
    if author.job_title:
        data["jobTitle"] = author.job_title
    if same_as:
        links = [url for _network, url in author.social_links()]
        if links:
            data["sameAs"] = links
        if author.avatar:
            data["image"] = absolute(request, author.avatar.url)
        if author.bio:
            data["description"] = author.bio
    return data


def news_article(request, article, *, canonical_url: str, language: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url},
        "url": canonical_url,
        "headline": article.headline,
        "description": article.standfirst,
        "inLanguage": language,
        "datePublished": iso_datetime(article.first_published_at or article.publish_at),
        "dateModified": iso_datetime(max(filter(None, [article.updated_at, article.publish_at]))),
        "author": [person(request, author) for author in article.ordered_authors()],
        "publisher": publisher(request),
        "articleSection": article.section.name,
    }
    tags = [tag.name for tag in article.tags.all()]
    if tags:
        data["keywords"] = tags
    images = article.renditions
    if images:
        data["image"] = [absolute(request, images.open_graph["url"]), absolute(request, images.fallback["url"])]
    if article.series_id and article.series.slug_in(language):
        data["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": article.series.title,
            "url": absolute(request, article.series.get_absolute_url()),
            "position": article.part,
        }
        data["position"] = article.part
    return data


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


def creative_work_series(request, series, *, canonical_url: str, language: str, parts) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWorkSeries",
        "name": series.title,
        "url": canonical_url,
        "inLanguage": language,
        "publisher": publisher(request),
        "hasPart": [
            {
                "@type": "NewsArticle",
                "headline": part.headline,
                "url": absolute(request, part.url),
                "position": part.number,
            }
            for part in parts
            if part.url
        ],
    }
    if series.description:
        data["description"] = series.description
    return data


def website(request, *, language: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": absolute(request, reverse("articles:home")),
        "inLanguage": language,
        "publisher": publisher(request),
    }
