"""The reader's search page: /<lang>/search/?q=…"""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles.models import Article
from core.languages import other_languages
from core.text import plain_text

from .backends import marked_terms, search
from .forms import SearchForm
from .highlight import highlight, snippet
from .query import Query

RESULTS_PER_PAGE = 10
NEWEST = "newest"  # ?sort=newest: newest first instead of best match first


@dataclass
class SearchResult:
    article: Article
    headline: SafeString
    snippet: SafeString | None


@require_safe
def search_page(request):
    """
    Show the published articles in the reader's language that match the query, best first or newest first.

    Template: search/results.html. Context: form, query_text, elsewhere (the same search in the other
    languages), asked, searchable, common_words, page_obj, newest, results (`SearchResult`s).
    """
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
        "elsewhere": [(code, search_url(code, query_text)) for code in other_languages(language)],
        "asked": bool(raw.strip()),
        "searchable": bool(query),
        "common_words": query.common,
        "page_obj": page,
        "newest": newest,
        "results": results,
    }
    return render(request, "search/results.html", context)


def search_url(language: str, query_text: str) -> str:
    """Return the address of the same search in another language."""
    with translation.override(language):
        return f"{reverse('search:results')}?{urlencode({'q': query_text})}"
