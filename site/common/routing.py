from django.urls import path

from .consumers import MyEventsConsumer

websocket_urlpatterns = [
    path("ws/mijn/", MyEventsConsumer.as_asgi()),
]
