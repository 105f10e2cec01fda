from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<uslug:slug>/", views.ArticleView.as_view(), name="detail"),
    path("sections/<uslug:slug>/", views.SectionView.as_view(), name="section"),
    path("tags/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("types/<uslug:slug>/", views.TypeView.as_view(), name="type"),
]
