"""Websocket routes of meldingen."""

from django.urls import path

from .consumers import MeldingStatusConsumer, QueueConsumer

websocket_urlpatterns = [
    path("ws/beheer/meldingen/", QueueConsumer.as_asgi()),
    path("ws/melding/<str:reference>/<str:secret>/", MeldingStatusConsumer.as_asgi()),
    # The signed-in reporter ("Mijn meldingen") has no secret in the page.
    path("ws/melding/<str:reference>/", MeldingStatusConsumer.as_asgi()),
]
