"""
RSS 2.0 and Atom feeds in each language: the latest articles, and those of a section, a type, an author or a
series.

Items carry the standfirst as their summary; `?full=1` adds the whole body (sanitised again on the way
out) as RSS `content:encoded` or Atom `content`.
"""

import io
import re

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe

from articles import rendering
from articles.models import Article, ArticleType, Byline, Section
from authors.models import Author
from core.caching import page_cache_tags
from core.shapes import Shape, get_or_404
from core.text import plain_text, without_control_characters
from series.models import Series

_SITE_PATH = re.compile(r'\b(src|href)="/(?!/)')

FEED_LENGTH = 20
SUMMARY_WORDS = 60


class StoredEntries:
    """
    A feed whose entries may be written as they were stored with the article's page (`stored_entry`): the same
    XML this feed writes for them, made once when the article last changed rather than on every request.
    """

    entry_element: str  # the element of one entry: RSS "item", Atom "entry"
    stored_as: str  # the name the entries of this format are stored under
    origin = rendering.STORED_ORIGIN  # the request's, for the stored entries' addresses (`ArticleFeed.get_feed`)

    def write_items(self, handler):
        for item in self.items:
            if "stored_xml" in item:
                # Our own XML, escaped when it was written by `entry_xml`: copied out as it is.
                handler.ignorableWhitespace(item["stored_xml"])
            else:
                self.write_entry(handler, item)

    def write_entry(self, handler, item):
        handler.startElement(self.entry_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.entry_element)

    def entry_xml(self, item: dict) -> str:
        """Return one entry's XML, as `write_items` writes it in the feed."""
        out = io.StringIO()
        self.write_entry(SimplerXMLGenerator(out, "utf-8", short_empty_elements=True), item)
        return out.getvalue()

    def write(self, outfile, encoding):
        # Written whole and then handed to the response once (not in a write per element), with the stored
        # entries' addresses put on the request's origin.
        out = io.StringIO()
        super().write(out, encoding)
        outfile.write(rendering.with_origin(out.getvalue(), self.origin))


class RssWithContent(StoredEntries, Rss201rev2Feed):
    """RSS 2.0 whose items may carry their full HTML in <content:encoded>."""

    entry_element = "item"
    stored_as = "rss"

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomWithContent(StoredEntries, Atom1Feed):
    """Atom whose entries may carry their full HTML in <content type="html">."""

    entry_element = "entry"
    stored_as = "atom"

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


FEED_TYPES = {"rss": RssWithContent, "atom": AtomWithContent}


class ArticleFeed(Feed):
    """The newest published articles in the active language (subclasses narrow them to one subject)."""

    def __init__(self, *, feed_type=RssWithContent, full: bool = False):
        super().__init__()
        self.feed_type = feed_type
        self.full = full

    list_scope = "home"  # the reader's list a subclass's feed is (articles.models.LIST_LOOKUPS), of its object

    def articles(self, obj):
        """Return the feed's articles: those of its subject."""
        return Article.objects.readable(get_language()).in_list(self.list_scope, obj)

    def items(self, obj):
        language = get_language()
        if self.full:
            self.entries = list(self.articles(obj).newest_first()[:FEED_LENGTH])
        else:
            subject = obj.pk if obj is not None else None
            self.entries = _entries(
                language, rendering.current_version(), self.list_scope, now=timezone.now(), subject=subject
            )
        # The entries to make now (those stored are written as stored, by `get_feed`).
        live = [item for item in self.entries if self.stored_item(item) is None]
        prefetch_related_objects(live, "section", "article_type", Prefetch("bylines", queryset=Byline.names()), "tags")
        return live

    def stored_item(self, item) -> dict | None:
        """Return the feed's item for an entry stored with the article's page, when it was fetched with it."""
        entry = item.__dict__.get("stored_feed") or {}
        if xml := entry.get(self.feed_type.stored_as):
            return {"stored_xml": xml, "pubdate": item.publish_at, "updateddate": item.updated_at}
        return None

    def title(self, obj):
        return _("%(site)s — latest articles") % {"site": _("Newsroom")}

    def link(self, obj):
        return reverse("articles:home")

    def description(self, obj):
        return _("Independent analysis in English and Persian.")

    def item_title(self, item):
        return item.headline

    def item_link(self, item):
        return item.url_in(get_language())

    def item_description(self, item):
        """Return the standfirst, or the body's opening words when there is none, as HTML-escaped text."""
        summary = item.standfirst
        if not summary:
            words = plain_text(item.body).split()
            summary = " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")
        return escape(summary)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return _(", ").join(author.name for author in item.ordered_authors()) or None

    def item_categories(self, item):
        kind = [item.article_type.name] if item.article_type_id and item.article_type.name else []
        return [item.section.name, *kind, *(tag.name for tag in item.tags.all())]

    def item_extra_kwargs(self, item):
        if not self.full:
            return {}
        # Feed readers show content away from our site: make our own links and images absolute.
        site = self.request.build_absolute_uri("/").rstrip("/")
        return {"content_html": _SITE_PATH.sub(rf'\1="{site}/', str(item.body_html()))}

    def __call__(self, request, *args, **kwargs):
        self.request = request  # each request builds its own feed object (see feed_view)
        return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        """
        Build the feed with its text made fit for XML: a control character would make writing it fail.
        Saving drops them (`drop_control_characters`); this keeps rows saved before that rule readable.
        """
        feed = super().get_feed(obj, request)  # with the entries made now (`items`)
        feed.feed = _fit_for_xml(feed.feed)
        made = iter([_fit_for_xml(item) for item in feed.items])
        feed.items = [self.stored_item(entry) or next(made) for entry in self.entries]
        feed.origin = request.build_absolute_uri("/").rstrip("/")
        return feed


@Shape  # built and compiled once per feed and language (core/shapes.py), run with the feed's subject
def _entries(language: str, version: str, scope: str, *, now, subject):
    """
    The feed's newest articles with the columns an entry reads (not the bodies: read one by one for an entry with
    no standfirst) and the entries stored with their pages (articles/rendering.py).
    """
    articles = Article.objects.available_in(language).as_teasers().with_stored_extra(language, "feed")
    articles = articles.filter(Article.published_condition(now=now)).newest_first()
    return articles.in_list(scope, subject)[:FEED_LENGTH]


class _OneEntry(ArticleFeed):
    """The feed of one article alone, for the entry stored with its page."""

    def items(self, obj):
        self.entries = [obj]
        return [obj]


def stored_entry(article, language: str) -> dict:
    """
    Return the article's feed entry in the active language, in each format, to be stored with its page
    (articles/rendering.STORED_EXTRAS) and copied into every feed listing it rather than made again.
    Its addresses are on the stored pages' placeholder origin, which each feed replaces with its own.
    """
    request = rendering.StoredRequest(article.url_in(language))
    entries = {}
    for feed_type in FEED_TYPES.values():
        feed = _OneEntry(feed_type=feed_type).get_feed(article, request)
        entries[feed_type.stored_as] = feed.entry_xml(feed.items[0])
    return entries


def _fit_for_xml(value):
    if isinstance(value, str):
        return without_control_characters(value)
    if isinstance(value, dict):
        return {key: _fit_for_xml(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_fit_for_xml(item) for item in value)
    return value


class LatestFeed(ArticleFeed):
    pass


class SectionFeed(ArticleFeed):
    list_scope = "section"

    def get_object(self, request, slug):
        return get_or_404(Section, **{f"slug_{get_language()}": slug})

    def title(self, obj):
        return _("%(name)s — %(site)s") % {"name": obj.name, "site": _("Newsroom")}

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The latest articles in %(name)s.") % {"name": obj.name}


class TypeFeed(ArticleFeed):
    list_scope = "type"

    def get_object(self, request, slug):
        return get_or_404(ArticleType, **{f"slug_{get_language()}": slug})

    def title(self, obj):
        return _("%(name)s — %(site)s") % {"name": obj.name, "site": _("Newsroom")}

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The latest articles of the type %(name)s.") % {"name": obj.name}


class AuthorFeed(ArticleFeed):
    list_scope = "author"

    def get_object(self, request, slug):
        return get_or_404(Author, slug=slug)

    def title(self, obj):
        return _("%(name)s — %(site)s") % {"name": obj.name, "site": _("Newsroom")}

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The latest articles by %(name)s.") % {"name": obj.name}


class SeriesFeed(ArticleFeed):
    list_scope = "series"

    def get_object(self, request, slug):
        return get_or_404(Series, **{f"slug_{get_language()}": slug})

    def title(self, obj):
        return _("%(name)s — %(site)s") % {"name": obj.title, "site": _("Newsroom")}

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("The latest parts of the series %(name)s.") % {"name": obj.title}


def feed_view(feed_class: type[ArticleFeed], format: str):
    """Return a view serving the feed in a format, with full content when asked for with ?full=1."""

    def view(request, *args, **kwargs):
        feed = feed_class(feed_type=FEED_TYPES[format], full=request.GET.get("full") == "1")
        return feed(request, *args, **kwargs)

    view.__name__ = f"{feed_class.__name__}_{format}"
    # Only GET and HEAD: a POST would skip the page cache and render the whole feed every time.
    return page_cache_tags("feeds")(require_safe(view))
