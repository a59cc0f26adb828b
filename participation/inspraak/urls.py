"""/inspraak/ (inside participation.wijkbudget.urls, so names are participation:processes:...)."""

from django.urls import path

from . import views

app_name = "processes"

urlpatterns = [
    path("", views.index, name="index"),
    path("kalender/", views.month, name="calendar"),
    path("<slug:slug>/", views.detail, name="detail"),
]
