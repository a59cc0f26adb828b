"""Workspace URLs, mounted by initiatives/wagtail_hooks.py under /beheer/initiatieven/ (so
Wagtail's admin login and access check come first)."""

from django.urls import path

from . import detail, spreekuren, views

app_name = "initiatives_workspace"

urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("fondsen/", views.FundsView.as_view(), name="funds"),
    path("fondsen/toekenningen.csv", views.GrantsCsvView.as_view(), name="grants_csv"),
    path(
        "fondsen/verantwoording.csv",
        views.AccountabilityCsvView.as_view(),
        name="accountability_csv",
    ),
    path("spreekuren/", spreekuren.ConsultationHoursView.as_view(), name="hours"),
    path(
        "spreekuren/<int:pk>/wijzigen/",
        spreekuren.ConsultationHourChangeView.as_view(),
        name="hour_change",
    ),
    path(
        "spreekuren/<int:pk>/afzeggen/",
        spreekuren.ConsultationHourCancelView.as_view(),
        name="hour_cancel",
    ),
    path("<str:reference>/", detail.InitiativeDetailView.as_view(), name="detail"),
    path("<str:reference>/oppakken/", detail.TakeView.as_view(), name="take"),
    path("<str:reference>/bericht/", detail.MessageView.as_view(), name="message"),
    path("<str:reference>/notitie/", detail.NoteView.as_view(), name="note"),
    path("<str:reference>/overdragen/", detail.HandoffView.as_view(), name="handoff"),
    path("<str:reference>/toekennen/", detail.GrantView.as_view(), name="grant"),
    path("<str:reference>/doorverwijzen/", detail.ReferView.as_view(), name="refer"),
    path("<str:reference>/afwijzen/", detail.DeclineView.as_view(), name="decline"),
    path("<str:reference>/starten/", detail.StartView.as_view(), name="start"),
    path("<str:reference>/afronden/", detail.CompleteView.as_view(), name="complete"),
]
