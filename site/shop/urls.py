from django.urls import path, re_path

from .agenda import views as agenda
from .search import search

app_name = "shop"

urlpatterns = [
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/activiteit/<int:pk>/", agenda.activity, name="activity"),
    path("agenda/activiteit/<int:pk>/afmelden/", agenda.cancel_mine, name="activity_cancel"),
    path("agenda/activiteit/<int:pk>/agenda.ics", agenda.activity_calendar, name="activity_ics"),
    path("agenda/aanmelding/<str:token>/", agenda.registration, name="registration"),
    re_path(r"^agenda/(?P<slug>[-a-z0-9]+)\.ics$", agenda.wijk_feed, name="wijk_feed"),
    path("zoeken/", search, name="search"),
]
