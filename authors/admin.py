from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin import TRANSLATION_COLUMNS, NewsroomAdmin, on_change_list, thumbnail, translated_text_column
from core.admin_dates import count_text
from core.roles import translator_language

from .models import Author

NAME_COLUMN = translated_text_column("name", _("name"))


@admin.register(Author)
class AuthorAdmin(NewsroomAdmin):
    list_display = [NAME_COLUMN, "avatar_column", *TRANSLATION_COLUMNS, "job_title", "user", "article_count"]
    search_fields = ["name_en", "name_fa", "slug", "email"]
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "bio", "avatar"]}),
        (
            _("Contact and social links"),
            {"fields": ["email", "website", "x_handle", "telegram", "linkedin", "instagram"]},
        ),
        (_("Account"), {"fields": ["user", "version"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        # The author's page address is one ASCII slug, from the English name; translators do not touch it.
        return {} if translator_language(request.user) else {"slug": ("name_en",)}

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        # The count is the change list's column only (a prolific author's form and save need not count).
        return queryset.annotate(article_count=Count("bylines")) if on_change_list(request) else queryset

    @admin.display(description=_("avatar"))
    def avatar_column(self, author):
        return thumbnail(author.avatar, str(author))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, author):
        return count_text(author.article_count)
