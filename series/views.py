from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core import structured_data
from core.languages import LANGUAGE_CODES
from core.views import ReaderPageMixin, url_in

from .models import Series
from .reading import series_in, series_parts
from .structured_data import creative_work_series


class SeriesListView(ReaderPageMixin, ListView):
    """Every series a reader of this language can follow, the most recently continued first."""

    template_name = "series/series_list.html"
    page_cache_tags = ("series-index",)  # what the page cache invalidates when the list changes
    context_object_name = "series_list"

    def get_queryset(self):
        return series_in(get_language()).order_by("-latest_part_at", "-pk")

    def alternate_locations(self):
        return {language: url_in(language, "series:index") for language in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = [
            structured_data.collection_page(
                self.request,
                name=_("Series"),
                canonical_url=context["canonical_url"],
                language=get_language(),
                items=[(series.title, series.get_absolute_url()) for series in context["series_list"]],
            )
        ]
        return context


class SeriesView(ReaderPageMixin, DetailView):
    """A series and its parts in order, marking which exist in the reader's language."""

    template_name = "series/series_detail.html"
    context_object_name = "series"

    def get_object(self, queryset=None):
        return get_object_or_404(Series, **{f"slug_{get_language()}": self.kwargs["slug"]})

    def alternate_locations(self):
        return {
            language: location
            for language in LANGUAGE_CODES
            if (location := url_in(language, "series:detail", slug=self.object.slug_in(language)))
        }

    def get_context_data(self, **kwargs):
        language = get_language()
        parts = series_parts(self.object, language)
        if not parts:
            # A series with nothing published yet has no page for readers.
            raise Http404("No published parts")
        context = super().get_context_data(parts=parts, **kwargs)
        canonical = context["canonical_url"]
        series = self.object
        context.update(
            parts_here=sum(1 for part in parts if part.url),
            first_part=next((part for part in parts if part.url), None),
            structured_data=[
                creative_work_series(self.request, series, canonical_url=canonical, language=language, parts=parts),
                structured_data.collection_page(
                    self.request,
                    name=series.title,
                    canonical_url=canonical,
                    language=language,
                    items=[(part.headline, part.url) for part in parts if part.url],
                ),
                structured_data.breadcrumbs(
                    self.request,
                    [
                        (_("Home"), reverse("articles:home")),
                        (_("Series"), reverse("series:index")),
                        (series.title, self.request.path),
                    ],
                ),
            ],
        )
        return context
