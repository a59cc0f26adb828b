from django.urls import path

from .views import follow, report

app_name = "meldingen"

urlpatterns = [
    path("", report.step_what, name="index"),
    path("waar/", report.step_where, name="where"),
    path("fotos/", report.step_photos, name="photos"),
    path("omschrijving/", report.step_details, name="details"),
    path("ook/<str:reference>/", report.support, name="support"),
    path("volg/<str:reference>/<str:secret>/", follow.follow, name="follow"),
    path(
        "volg/<str:reference>/<str:secret>/foto/<int:photo_id>/",
        follow.follow_photo,
        name="follow_photo",
    ),
    path(
        "volg/<str:reference>/<str:secret>/foto/<int:photo_id>/<str:size>/",
        follow.follow_photo,
        name="follow_photo_size",
    ),
    path("mijn/<str:reference>/", follow.my_melding, name="mine"),
    path("mijn/<str:reference>/foto/<int:photo_id>/", follow.follow_photo, name="mine_photo"),
]
