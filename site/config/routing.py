"""Websocket routes of every app, gathered in one list for asgi.py. The last one refuses every
address that no app knows."""

from django.urls import re_path

from common.consumers import NotFoundConsumer
from common.routing import websocket_urlpatterns as common_ws
from initiatives.routing import websocket_urlpatterns as initiatives_ws
from meldingen.routing import websocket_urlpatterns as meldingen_ws
from participation.wijkbudget.routing import websocket_urlpatterns as participation_ws

websocket_urlpatterns = [
    *common_ws,
    *meldingen_ws,
    *initiatives_ws,
    *participation_ws,
    re_path(r"", NotFoundConsumer.as_asgi()),
]
