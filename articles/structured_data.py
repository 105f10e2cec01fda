"""What an article page says of the article to search engines (JSON-LD), beside the site-wide builders it re-uses."""

from authors.structured_data import person
from core.structured_data import absolute, breadcrumbs, collection_page, iso_datetime, publisher, website

# The article views build every kind of JSON-LD through this module.
__all__ = ["NEWS_ARTICLE_EXTENSIONS", "breadcrumbs", "collection_page", "news_article", "website"]

# Other apps' additions to an article's JSON-LD: callables (request, article, data, *, language) that change `data`
# in place, appended from their AppConfig.ready() (corrections: `correction`, `publishingPrinciples`).
NEWS_ARTICLE_EXTENSIONS: list = []


def news_article(request, article, *, canonical_url: str, language: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": article.schema_type(),  # NewsArticle or the subtype its article type names
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
    for extend in NEWS_ARTICLE_EXTENSIONS:
        extend(request, article, data, language=language)
    return data
