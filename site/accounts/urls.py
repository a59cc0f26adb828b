from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.mijn_zuidwest, name="mijn"),
    path("profiel/", views.profile_edit, name="profile"),
    path("export/", views.export_data, name="export"),
    path("verwijderen/", views.delete_account, name="delete"),
]
