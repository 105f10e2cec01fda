from django.contrib import admin
from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("", admin.site.admin_view(views.queue_view), name="queue"),
    path(
        "translate/<str:app_label>/<str:model_name>/<int:pk>/",
        admin.site.admin_view(views.translate_view),
        name="translate",
    ),  # fmt: skip
    path("preview/<int:pk>/", views.preview_view, name="preview"),
]
