"""Websocket routes of meldingen (filled by consumers.py)."""

websocket_urlpatterns: list = []
