from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin import TRANSLATION_COLUMNS, NewsroomAdmin, on_change_list, thumbnail, translated_text_column
from core.admin_dates import count_text, date_column

from .models import Series

TITLE_COLUMN = translated_text_column("title", _("title"))
CREATED_COLUMN = date_column(Series, "created_at")


@admin.register(Series)
class SeriesAdmin(NewsroomAdmin):
    list_display = [TITLE_COLUMN, "cover_column", *TRANSLATION_COLUMNS, "article_count", CREATED_COLUMN]
    search_fields = ["title_en", "title_fa"]
    slug_source = "title"
    fields = ["title", "slug", "description", "cover", "version"]

    def get_queryset(self, request):
        # The count is the change list's column only.
        queryset = super().get_queryset(request)
        return queryset.annotate(article_count=Count("articles")) if on_change_list(request) else queryset

    @admin.display(description=_("cover"))
    def cover_column(self, series):
        return thumbnail(series.cover, str(series))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, series):
        return count_text(series.article_count)
