from django.urls import path

from . import views

app_name = "meldingen"

urlpatterns = [
    path("", views.step_what, name="index"),
    path("waar/", views.step_where, name="where"),
    path("fotos/", views.step_photos, name="photos"),
    path("omschrijving/", views.step_details, name="details"),
    path("ook/<str:reference>/", views.support, name="support"),
    path("volg/<str:reference>/<str:secret>/", views.follow, name="follow"),
    path(
        "volg/<str:reference>/<str:secret>/foto/<int:photo_id>/",
        views.follow_photo,
        name="follow_photo",
    ),
    path(
        "volg/<str:reference>/<str:secret>/foto/<int:photo_id>/<str:size>/",
        views.follow_photo,
        name="follow_photo_size",
    ),
    path("mijn/<str:reference>/", views.my_melding, name="mine"),
    path("mijn/<str:reference>/foto/<int:photo_id>/", views.follow_photo, name="mine_photo"),
]
