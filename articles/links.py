"""
Links in an article's body to our own articles: found in the sanitised body, resolved in one query.

A link may be written relative ("/fa/articles/<slug>/") or absolute with one of our hosts (ALLOWED_HOSTS), in
either language's address. On a page in language L, a link to one of our articles written with another
language's address points at its L version when readers can see it in L (`in_language`); the pre-publish checks
read the same resolution to find links to articles readers cannot see (prepublish/checks.py).

Nothing is stored: the page resolves its links as it renders, in one query, and keeps the linked articles in
its context, so that the page cache tags the page with them and a change to one (its Persian version
published) makes the page stale.
"""

import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.db.models import Q
from django.http.request import validate_host
from django.urls import Resolver404, resolve
from django.utils import translation

from core.languages import LANGUAGE_CODES

from .models import Article

# An <a> start tag of the sanitised body and its href: nh3 writes every attribute value in double quotes, with
# '"' escaped, so a value may hold ">" but not '"' (the pattern core.text reads the same output with).
_HREF = re.compile(r'(<a\b(?:\s+[^\s=>"]+(?:="[^"]*")?)*?\s+href=")([^"]*)(")')


@dataclass(frozen=True)
class ArticleAddress:
    """An article page's address: the language of the address and the slug in it."""

    language: str
    slug: str


@dataclass(frozen=True)
class BodyLink:
    href: str  # as written (unescaped)
    address: ArticleAddress


@dataclass
class ResolvedLinks:
    """The body's links to our articles, and the articles they point at (absent: no such article)."""

    links: list[BodyLink] = field(default_factory=list)
    articles: dict[ArticleAddress, Article] = field(default_factory=dict)

    def article_for(self, link: BodyLink) -> Article | None:
        return self.articles.get(link.address)

    def linked_articles(self) -> list[Article]:
        return list({article.pk: article for article in self.articles.values()}.values())


def _our_hosts() -> list[str]:
    # "*" would make every site's article addresses ours.
    return [host for host in settings.ALLOWED_HOSTS if host != "*"]


def article_address(href: str) -> ArticleAddress | None:
    """Return the article page an address points at, when it is one of ours (else None)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    if parts.netloc and not (parts.hostname and validate_host(parts.hostname, _our_hosts())):
        return None
    path = unquote(parts.path)
    language = path.split("/")[1] if path.startswith("/") and path.count("/") > 1 else ""
    if language not in LANGUAGE_CODES:
        return None
    # i18n_patterns resolves only the active language's prefix.
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    if match.view_name != "articles:detail":
        return None
    return ArticleAddress(language, match.kwargs["slug"])


def body_links(body: str | None) -> list[BodyLink]:
    """Return the links of a (sanitised) body that point at our article pages, in order."""
    links = []
    for match in _HREF.finditer(body or ""):
        href = html.unescape(match.group(2))
        if address := article_address(href):
            links.append(BodyLink(href, address))
    return links


def resolve_addresses(addresses: Iterable[ArticleAddress]) -> dict[ArticleAddress, Article]:
    """Return the articles at these addresses, in one query (none for no address)."""
    slugs: dict[str, set[str]] = defaultdict(set)
    for address in addresses:
        slugs[address.language].add(address.slug)
    if not slugs:
        return {}
    condition = Q()
    for language, wanted in slugs.items():
        condition |= Q(**{f"slug_{language}__in": wanted})
    found = {}
    # A card's columns and which languages each is written in: all a link needs (articles.models.as_teasers).
    for article in Article.objects.as_teasers().filter(condition):
        for language, wanted in slugs.items():
            if (slug := article.slug_in(language)) in wanted:
                found[ArticleAddress(language, slug)] = article
    return found


def resolve_links(body: str | None) -> ResolvedLinks:
    """Return the body's links to our articles with the articles they point at: one query, none without links."""
    links = body_links(body)
    return ResolvedLinks(links, resolve_addresses(link.address for link in links))


@dataclass
class LanguageBody:
    html: str
    linked_articles: list[Article]


def in_language(body: str | None, language: str) -> LanguageBody:
    """
    Return the (sanitised) body with each link to one of our articles written with another language's address
    pointing at the article's version in `language`, when readers can see it there; other links as written.
    The address's fragment is dropped with its language (subheading anchors are made from each language's text).
    """
    body = body or ""
    resolved = resolve_links(body)
    if not resolved.links:
        return LanguageBody(body, [])

    def follow(match) -> str:
        href = html.unescape(match.group(2))
        address = article_address(href)
        article = resolved.articles.get(address) if address else None
        if (
            article is None
            or address.language == language
            or not (article.is_published() and article.is_available_in(language))
        ):
            return match.group(0)
        parts = urlsplit(href.strip())
        location = urlunsplit((parts.scheme, parts.netloc, article.url_in(language), "", ""))
        return f"{match.group(1)}{html.escape(location)}{match.group(3)}"

    return LanguageBody(_HREF.sub(follow, body), resolved.linked_articles())
