from django.urls import path

from . import views

app_name = "corrections"

urlpatterns = [
    path("", views.CorrectionsView.as_view(), name="list"),
    path("policy/", views.PolicyView.as_view(), name="policy"),
]
