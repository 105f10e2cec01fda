"""The files crawlers and browsers ask for: robots.txt, the sitemaps and the OpenSearch description."""

from datetime import UTC, date, datetime, time

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
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
@sitemap_views.x_robots_tag
def sitemap_index(request):
    """
    The sitemap index, as Django's index view makes it (each sitemap's pages with its last change, and the
    Last-Modified header), written directly rather than through its template: a million articles make a
    few hundred pages to list.
    """
    origin = f"{request.scheme}://{get_current_site(request).domain}"
    entries, latest, every_lastmod = [], None, True
    for section, site in SITEMAPS.items():
        site = site() if callable(site) else site
        location = f"{origin}{reverse('crawlers:sitemap-section', kwargs={'section': section})}"
        lastmod = site.get_latest_lastmod()
        if every_lastmod and lastmod is not None:
            latest = lastmod if latest is None else max(_as_datetime(latest), _as_datetime(lastmod))
        every_lastmod = every_lastmod and lastmod is not None
        entries.append((location, lastmod))
        entries += [(f"{location}?p={page}", lastmod) for page in range(2, site.paginator.num_pages + 1)]
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for location, lastmod in entries:
        parts.append(f"<sitemap><loc>{_escape(location)}</loc>")
        if lastmod:
            parts.append(f"<lastmod>{_iso(lastmod)}</lastmod>")
        parts.append("</sitemap>")
    parts.append("\n</sitemapindex>\n")
    headers = {"Last-Modified": http_date(_as_datetime(latest).timestamp())} if every_lastmod and latest else None
    return HttpResponse("".join(parts), content_type="application/xml", headers=headers)


@page_cache_tags("sitemaps")
@require_safe
def sitemap_section(request, section: str):
    """Serve one section of the sitemap; the news sections in Google News' format."""
    if section.startswith("news-"):  # at most 1,000 URLs, through their own template
        return sitemap_views.sitemap(request, SITEMAPS, section=section, template_name="discovery/sitemap_news.xml")
    return sitemap_page(request, section)


@sitemap_views.x_robots_tag
def sitemap_page(request, section: str) -> HttpResponse:
    """
    Serve a page of a sitemap as Django's sitemap view does (its URLs, the Last-Modified header, 404 for a
    page that is not there), writing the XML of Django's sitemap.xml directly: through the template, a page
    of 2,000 URLs with their alternates took several times longer to render than to read from the database.
    """
    if section not in SITEMAPS:
        raise Http404(f"No sitemap available for section: {section!r}")
    site = SITEMAPS[section]
    site = site() if callable(site) else site
    try:
        urls = site.get_urls(page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(f"No such page of the sitemap: {error}") from error
    latest = getattr(site, "latest_lastmod", None)
    headers = {"Last-Modified": http_date(_as_datetime(latest).timestamp())} if latest else None
    return HttpResponse(urlset_xml(urls), content_type="application/xml", headers=headers)


def urlset_xml(urls: list[dict]) -> str:
    """Return the <urlset> of Django's sitemap.xml for these URLs, every value escaped."""
    zone = timezone.get_current_timezone()
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for url in urls:
        parts.append(f"<url><loc>{_escape(url['location'])}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{_day(url['lastmod'], zone)}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{_escape(url['changefreq'])}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{_escape(url['priority'])}</priority>")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang="{_escape(alternate["lang_code"])}" '
            f'href="{_escape(alternate["location"])}"/>'
            for alternate in url.get("alternates", ())
        )
        parts.append("</url>")
    parts.append("\n</urlset>\n")
    return "".join(parts)


def _escape(value) -> str:
    """Escape text for XML (what the template's autoescaping does, in a fraction of its time)."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _day(value: date | datetime, zone) -> str:
    """The date of a lastmod as the template's `date:"Y-m-d"` gives it (in the current time zone, `zone`)."""
    if isinstance(value, datetime):
        value = value.astimezone(zone) if timezone.is_aware(value) else value
        return value.date().isoformat()
    return value.isoformat()


def _iso(value: date | datetime) -> str:
    """A lastmod as the template's `date:"c"` gives it (ISO 8601, in the current time zone)."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


def _as_datetime(value: date | datetime) -> datetime:
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    return value if timezone.is_aware(value) else timezone.make_aware(value, UTC)


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
