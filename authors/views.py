from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core import structured_data
from core.languages import LANGUAGE_CODES
from core.shapes import get_or_404
from core.views import KeptCountMixin, ReaderPageMixin

from .models import Author
from .structured_data import person


class AuthorView(KeptCountMixin, ReaderPageMixin, ListView):
    """An author's page: who they are, then their articles in the reader's language."""

    template_name = "authors/author_detail.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        self.author = get_or_404(Author, slug=self.kwargs["slug"])
        # The author's articles through the relation the articles app declares: authors imports no articles.
        articles = self.author.articles.model.objects
        return articles.card_pages(get_language(), ("list-3",), scope="author", subject=self.author.pk)

    def kept_count(self) -> int | None:
        # Reached through the relation, like the list itself: authors imports no articles.
        return self.author.articles.kept_count(get_language(), scope="author", object_id=self.author.pk)

    def alternate_locations(self):
        locations = {}
        for language in LANGUAGE_CODES:
            if language == get_language() or getattr(self.author, f"name_{language}"):
                with translation.override(language):
                    locations[language] = self.author.get_absolute_url()
        return locations

    def get_context_data(self, **kwargs):
        context = super().get_context_data(author=self.author, **kwargs)
        about = person(self.request, self.author, same_as=True)
        context["structured_data"] = [
            {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "url": context["canonical_url"],
                "inLanguage": get_language(),
                "mainEntity": about,
            },
            structured_data.breadcrumbs(
                self.request, [(_("Home"), reverse("articles:home")), (self.author.name, self.request.path)]
            ),
        ]
        return context
