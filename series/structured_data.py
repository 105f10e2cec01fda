"""What a series page says of it to search engines (JSON-LD; see core/structured_data.py)."""

from core.structured_data import absolute, publisher


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
