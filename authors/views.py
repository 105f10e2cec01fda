from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import ListView

from articles.models import Article

from .models import Author


class AuthorView(ListView):
    """An author's page: who they are, then their articles in the reader's language."""

    template_name = "authors/author_detail.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return (
            Article.objects.published().available_in(get_language()).by_author(self.author).for_listing().newest_first()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
