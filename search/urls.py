"""The search page, inside each language prefix: /<lang>/search/."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="results"),
]
