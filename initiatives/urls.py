"""/initiatieven/: the public gallery, the guided form, the initiator's own page."""

from django.urls import path, re_path

from .views import mine, public, spreekuren, submission

app_name = "initiatives"

REFERENCE = r"(?P<reference>IN-[0-9]{4}-[0-9]{5})"

urlpatterns = [
    path("", public.gallery, name="index"),
    path("nieuw/", submission.new, name="new"),
    path("concept/<int:pk>/stap/<int:step>/", submission.step, name="step"),
    path("mijn/<int:pk>/", mine.mine, name="mine"),
    path("mijn/<int:pk>/bericht/", mine.message, name="message"),
    path("mijn/<int:pk>/uitnodigen/", mine.invite, name="invite"),
    path("mijn/<int:pk>/publicatie/", mine.publication, name="publication"),
    path("mijn/<int:pk>/intrekken/", mine.withdraw, name="withdraw"),
    path("mijn/<int:pk>/verantwoording/", mine.accountability, name="accountability"),
    path("uitnodiging/<str:token>/", mine.accept, name="accept"),
    path("spreekuren/", spreekuren.hours, name="hours"),
    path("spreekuren/<int:pk>/", spreekuren.book, name="book"),
    path("spreekuren/afspraak/<str:token>/", spreekuren.booking, name="booking"),
    path(
        "spreekuren/afspraak/<str:token>/agenda.ics",
        spreekuren.booking_calendar,
        name="booking_ics",
    ),
    path("spreekuren/mijn-afspraken/<int:pk>/", spreekuren.my_booking, name="my_booking"),
    path(
        "spreekuren/mijn-afspraken/<int:pk>/agenda.ics",
        spreekuren.my_booking_calendar,
        name="my_booking_ics",
    ),
    re_path(r"^bestand/(?P<kind>foto|bijlage|opname)/(?P<pk>[0-9]+)/$", mine.file, name="file"),
    re_path(
        r"^bestand/(?P<kind>foto)/(?P<pk>[0-9]+)/(?P<size>klein)/$", mine.file, name="file_size"
    ),
    re_path(rf"^{REFERENCE}/$", public.detail, name="detail"),
    re_path(rf"^{REFERENCE}/steun/$", public.support, name="support"),
    re_path(rf"^{REFERENCE}/meedoen/$", public.volunteer, name="volunteer"),
]
