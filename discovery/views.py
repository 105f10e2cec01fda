"""The files crawlers and browsers ask for: robots.txt, the sitemaps and the OpenSearch description."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.caching import page_cache_tags
from core.languages import LANGUAGE_CODES

from .sitemaps import SITEMAPS


@page_cache_tags("sitemaps")
@require_safe
def robots_txt(request):
    """
    Tell crawlers what to leave alone (the admin, where the staff preview lives too; search results; the
    language switch) and where the sitemaps are.
    """
    disallowed = ["/admin/", "/language/", *(f"/{language}/search/" for language in LANGUAGE_CODES)]
    sitemaps = [reverse("crawlers:sitemap-index")] + [
        reverse("crawlers:sitemap-section", kwargs={"section": f"news-{language}"}) for language in LANGUAGE_CODES
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), ""]
    lines += [f"Sitemap: {request.build_absolute_uri(path)}" for path in sitemaps]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@page_cache_tags("sitemaps")
@require_safe
def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="crawlers:sitemap-section")


@page_cache_tags("sitemaps")
@require_safe
def sitemap_section(request, section: str):
    """Serve one section of the sitemap; the news sections in Google News' format."""
    template_name = "discovery/sitemap_news.xml" if section.startswith("news-") else "sitemap.xml"
    return sitemap_views.sitemap(request, SITEMAPS, section=section, template_name=template_name)


@require_safe
def opensearch_description(request):
    """The OpenSearch description that lets a reader's browser search Newsroom in this language from its address bar."""
    context = {
        "search_url": request.build_absolute_uri(reverse("search:results")),
        "icon_url": request.build_absolute_uri(static("img/favicon.svg")),
    }
    return render(
        request,
        "discovery/opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
