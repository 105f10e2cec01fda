from django.contrib import admin
from django.urls import path

from . import views

app_name = "wording"

urlpatterns = [
    path("", admin.site.admin_view(views.index_view), name="index"),
    path("<str:language>/", admin.site.admin_view(views.messages_view), name="messages"),
    path("<str:language>/history/", admin.site.admin_view(views.history_view), name="history"),
    path("<str:language>/history/<int:pk>/revert/", admin.site.admin_view(views.revert_view), name="revert"),
    path("<str:language>/django.po", admin.site.admin_view(views.export_view), name="export"),
    path("<str:language>/<str:key>/", admin.site.admin_view(views.message_view), name="message"),
]
