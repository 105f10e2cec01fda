from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from articles.models import Article

from .models import Series


class SeriesListView(ListView):
    template_name = "series/series_list.html"
    context_object_name = "series_list"

    def get_queryset(self):
        return Series.objects.filter(articles__in=Article.objects.published()).distinct()


class SeriesView(DetailView):
    """A series and its parts in order, marking which exist in the reader's language."""

    template_name = "series/series_detail.html"
    context_object_name = "series"

    def get_object(self, queryset=None):
        return get_object_or_404(Series, **{f"slug_{get_language()}": self.kwargs["slug"]})

    def get_context_data(self, **kwargs):
        parts = Article.objects.published().filter(series=self.object).order_by("part")
        language = get_language()
        return super().get_context_data(parts=[(part, part.is_available_in(language)) for part in parts], **kwargs)
