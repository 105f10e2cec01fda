from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from desk import state
from desk.admin_base import NewsroomAdmin, state_badge, thumbnail

from .models import Series


@admin.register(Series)
class SeriesAdmin(NewsroomAdmin):
    list_display = ["__str__", "cover_column", "language_en", "language_fa", "article_count", "created_at"]
    search_fields = ["title_en", "title_fa"]
    slug_source = "title"
    fields = ["title", "slug", "description", "cover", "version"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("cover"))
    def cover_column(self, series):
        return thumbnail(series.cover, str(series))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, series):
        return series.article_count

    @admin.display(description=_("English"))
    def language_en(self, series):
        return state_badge(state.translation_state(series, "en"))

    @admin.display(description=_("Persian"))
    def language_fa(self, series):
        return state_badge(state.translation_state(series, "fa"))
