"""/meldingen/: the public list and map, statistics per wijk, and after-photos (inside
i18n_patterns: Dutch without a prefix, English under /en/)."""

from django.urls import path

from ..views import public

app_name = "meldingen_public"

urlpatterns = [
    path("", public.index, name="index"),
    path("kaart.json", public.map_json, name="map"),
    path("cijfers/", public.overview, name="overview"),
    path("wijk/<slug:slug>/", public.wijk, name="wijk"),
    path("foto/<int:photo_id>/", public.photo, name="photo"),
    path("foto/<int:photo_id>/groot/", public.photo, {"size": "groot"}, name="photo_large"),
]
