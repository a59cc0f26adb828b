"""Back-office URLs, mounted by meldingen/wagtail_hooks.py under /beheer/meldingen/ (so Wagtail's
admin login and access check come first)."""

from django.urls import path

from . import detail, views

app_name = "meldingen_backoffice"

urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("status/", views.BulkStatusView.as_view(), name="bulk_status"),
    path("meldingen.csv", views.QueueExportView.as_view(), name="export"),
    path("<str:reference>/", detail.MeldingDetailView.as_view(), name="detail"),
    path("<str:reference>/status/", detail.StatusActionView.as_view(), name="status"),
    path("<str:reference>/toewijzen/", detail.AssignActionView.as_view(), name="assign"),
    path("<str:reference>/verplaatsen/", detail.RerouteActionView.as_view(), name="reroute"),
    path("<str:reference>/prioriteit/", detail.PriorityActionView.as_view(), name="priority"),
    path("<str:reference>/notitie/", detail.NoteActionView.as_view(), name="note"),
    path(
        "<str:reference>/openbare-omschrijving/",
        detail.PublicDescriptionActionView.as_view(),
        name="public_description",
    ),
    path("<str:reference>/foto/<int:photo_id>/", views.photo, name="photo"),
    path("<str:reference>/opname/", views.recording, name="recording"),
    path(
        "<str:reference>/foto/<int:photo_id>/klein/",
        views.photo,
        {"size": "klein"},
        name="photo_small",
    ),
]
