"""Websocket routes of initiatives (gathered in config/routing.py)."""

from django.urls import path

from .consumers import InitiativeConsumer, QueueConsumer

websocket_urlpatterns = [
    path("ws/beheer/initiatieven/", QueueConsumer.as_asgi()),
    path("ws/initiatieven/<int:pk>/", InitiativeConsumer.as_asgi()),
]
