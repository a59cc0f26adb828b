"""A busy or unreachable database is a 503 that says "try again", never a 500.

When every connection of the pool is in use, a request waits DATABASE_POOL_TIMEOUT seconds for
one; when that wait runs out (or PostgreSQL refuses new clients, or SQLite stays locked) the
view raises OperationalError. That is a moment of overload, not a bug: the answer is 503 with
Retry-After, and for a form the page carries what the resident typed in a form that sends it
again with one click, so nothing typed is lost. The page is rendered without the database."""

import logging
import sqlite3

import psycopg
from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from psycopg_pool import PoolTimeout

logger = logging.getLogger(__name__)

RETRY_AFTER = 10  # seconds
# SQLSTATE classes of a server that cannot take the work now: connection exception (08),
# insufficient resources (53: too many connections, out of memory), operator intervention
# (57P: shutting down, starting up).
UNAVAILABLE_SQLSTATES = ("08", "53", "57P")


def database_unavailable(exc: BaseException) -> bool:
    """True for the errors of a database that is full or away, not for a bad query."""
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if isinstance(cause, PoolTimeout):
        return True
    if isinstance(cause, psycopg.OperationalError):
        # No SQLSTATE: the client could not reach the server or lost it (connect refused,
        # "sorry, too many clients already" during the handshake).
        return cause.sqlstate is None or cause.sqlstate.startswith(UNAVAILABLE_SQLSTATES)
    if isinstance(cause, sqlite3.OperationalError):
        return getattr(cause, "sqlite_errorcode", None) in {
            sqlite3.SQLITE_BUSY,
            sqlite3.SQLITE_LOCKED,
        }
    return False


def _resubmit_fields(request) -> list[tuple[str, str]]:
    if request.method != "POST":
        return []
    try:
        return [(name, value) for name, values in request.POST.lists() for value in values]
    except Exception:  # the body could not be read: there is nothing to send again
        return []


class DatabaseUnavailableMiddleware:
    """Turn a database that is full or away into a 503 page (or JSON for API clients)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_unavailable(exception):
            return None
        logger.warning(
            "Database unavailable (%s) for %s %s: answered 503",
            type(exception.__cause__ or exception).__name__,
            request.method,
            request.path,
        )
        message = _("Het is nu erg druk op de website. Probeer het over een minuut opnieuw.")
        if request.path.endswith(".json") or (
            request.accepts("application/json") and not request.accepts("text/html")
        ):
            response = JsonResponse([{"code": 503, "description": message}], safe=False)
        else:
            fields = _resubmit_fields(request)
            html = loader.get_template("503.html").render(
                {
                    "message": message,
                    "fields": fields,
                    "action": request.get_full_path(),
                    "had_files": request.method == "POST" and bool(request.FILES),
                }
            )
            response = HttpResponse(html)
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER)
        # What the resident typed is in the page: keep it out of every cache.
        response["Cache-Control"] = "no-store"
        return response
