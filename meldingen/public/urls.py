"""/meldingen/: the public list and map, statistics per wijk, and after-photos (inside
i18n_patterns: Dutch without a prefix, English under /en/)."""

from django.urls import path

from . import views

app_name = "meldingen_public"

urlpatterns = [
    path("", views.index, name="index"),
    path("kaart.json", views.map_json, name="map"),
    path("cijfers/", views.overview, name="overview"),
    path("wijk/<slug:slug>/", views.wijk, name="wijk"),
    path("foto/<int:photo_id>/", views.photo, name="photo"),
    path("foto/<int:photo_id>/groot/", views.photo, {"size": "groot"}, name="photo_large"),
]
