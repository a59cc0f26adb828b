"""Websocket routes of the wijkbudget."""

from django.urls import path

from .consumers import TurnoutConsumer

websocket_urlpatterns = [
    path("ws/wijkbudget/<slug:slug>/", TurnoutConsumer.as_asgi()),
]
