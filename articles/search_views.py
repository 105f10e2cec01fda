"""The reader's search page: /<lang>/search/?q=…"""

from dataclasses import dataclass

from django import forms
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.languages import LANGUAGE_CODES
from core.text import localise_digits, plain_text

from .models import Article
from .search import MAX_QUERY_LENGTH, Query, highlight, marked_terms, search, snippet

RESULTS_PER_PAGE = 10
NEWEST = "newest"  # ?sort=newest: newest first instead of best match first


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        error_messages={"null_characters_not_allowed": _("Your search contains characters that cannot be searched.")},
    )

    def clean_q(self) -> str:
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            language = get_language()
            raise forms.ValidationError(
                _("Please shorten your search to %(limit)s characters or fewer (it has %(length)s).")
                % {"limit": localise_digits(MAX_QUERY_LENGTH, language), "length": localise_digits(len(text), language)}
            )
        return text


@dataclass
class SearchResult:
    article: Article
    headline: SafeString
    snippet: SafeString | None


@require_safe
def search_page(request):
    """Show the published articles in the reader's language that match the query, best first or newest first."""
    language = get_language()
    form = SearchForm(request.GET)
    query = Query.parse(form.cleaned_data["q"] if form.is_valid() else "", language)
    newest = request.GET.get("sort") == NEWEST
    found = search(Article.objects.published().available_in(language).for_listing(), query, language, newest=newest)
    page = found.page(request.GET.get("page"), RESULTS_PER_PAGE)
    terms = marked_terms(query, language)
    results = [
        SearchResult(
            article=article,
            headline=highlight(article.headline, terms),
            snippet=snippet(plain_text(article.body), terms) or snippet(article.standfirst, terms),
        )
        for article in page
    ]
    raw = form.data.get("q", "")
    query_text = form.cleaned_data.get("q", "") if form.is_valid() else ""
    context = {
        "form": form,
        "query_text": query_text,
        "elsewhere": [(code, search_url(code, query_text)) for code in LANGUAGE_CODES if code != language],
        "asked": bool(raw.strip()),
        "searchable": bool(query),
        "common_words": query.common,
        "page_obj": page,
        "newest": newest,
        "results": results,
    }
    return render(request, "articles/search_results.html", context)


def search_url(language: str, query_text: str) -> str:
    """Return the address of the same search in another language."""
    with translation.override(language):
        return f"{reverse('articles:search')}?{urlencode({'q': query_text})}"


@require_safe
def opensearch_description(request):
    """The OpenSearch description that lets a reader's browser search Newsroom in this language from its address bar."""
    context = {
        "search_url": request.build_absolute_uri(reverse("articles:search")),
        "icon_url": request.build_absolute_uri(static("img/favicon.svg")),
    }
    return render(
        request, "articles/opensearch.xml", context, content_type="application/opensearchdescription+xml; charset=utf-8"
    )
