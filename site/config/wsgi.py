"""WSGI entry point, for tools that want one; the platform itself runs on ASGI (asgi.py)."""

from config.entry import prepare

prepare()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
