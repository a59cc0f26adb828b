"""The agenda's public pages. config/urls.py mounts them inside the shop namespace, so their names
stay shop:agenda, shop:activity, ... and no page or link changes."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/activiteit/<int:pk>/", views.activity, name="activity"),
    path("agenda/activiteit/<int:pk>/afmelden/", views.cancel_mine, name="activity_cancel"),
    path("agenda/activiteit/<int:pk>/agenda.ics", views.activity_calendar, name="activity_ics"),
    path("agenda/aanmelding/<str:token>/", views.registration, name="registration"),
    re_path(r"^agenda/(?P<slug>[-a-z0-9]+)\.ics$", views.wijk_feed, name="wijk_feed"),
]
