from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

from . import exchange_views, views

app_name = "desk"

urlpatterns = [
    path("", admin.site.admin_view(views.queue_view), name="queue"),
    path(
        "translate/<str:app_label>/<str:model_name>/<int:pk>/",
        admin.site.admin_view(views.translate_view),
        name="translate",
    ),  # fmt: skip
    path(
        "xliff/export/<str:app_label>/<str:model_name>/<int:pk>/",
        admin.site.admin_view(exchange_views.export_object_view),
        name="export_object",
    ),  # fmt: skip
    path("xliff/export/", admin.site.admin_view(exchange_views.export_queue_view), name="export_queue"),
    path("xliff/import/", admin.site.admin_view(exchange_views.import_view), name="import"),
    # The staff preview moved to the articles admin (/admin/articles/article/<pk>/preview/): old links follow.
    path(
        "preview/<int:pk>/",
        RedirectView.as_view(pattern_name="admin:articles_article_preview", permanent=True, query_string=True),
    ),
]
