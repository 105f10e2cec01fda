from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin import TRANSLATION_COLUMNS, NewsroomAdmin, thumbnail

from .models import Series


@admin.register(Series)
class SeriesAdmin(NewsroomAdmin):
    list_display = ["__str__", "cover_column", *TRANSLATION_COLUMNS, "article_count", "created_at"]
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
