from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from articles import structured_data
from articles.models import Article
from articles.views import ReaderPageMixin
from core.languages import LANGUAGE_CODES

from .models import Author


class AuthorView(ReaderPageMixin, ListView):
    """An author's page: who they are, then their articles in the reader's language."""

    template_name = "authors/author_detail.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return (
            Article.objects.published()
            .available_in(get_language())
            .by_author(self.author)
            .for_listing()
            .as_teasers()
            .newest_first()
        )

    def alternate_locations(self):
        locations = {}
        for language in LANGUAGE_CODES:
            if language == get_language() or getattr(self.author, f"name_{language}"):
                with translation.override(language):
                    locations[language] = self.author.get_absolute_url()
        return locations

    def get_context_data(self, **kwargs):
        context = super().get_context_data(author=self.author, **kwargs)
        person = structured_data.person(self.request, self.author, same_as=True)
        context["structured_data"] = [
            {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "url": context["canonical_url"],
                "inLanguage": get_language(),
                "mainEntity": person,
            },
            structured_data.breadcrumbs(
                self.request, [(_("Home"), reverse("articles:home")), (self.author.name, self.request.path)]
            ),
        ]
        return context
