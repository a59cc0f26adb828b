"""Middleware of our own, each for one concern that holds for every view.

- NulCharacterMiddleware: NUL characters in addresses and query strings.
- DatabaseUnavailableMiddleware: a busy or unreachable database is a 503, never a 500.
"""

import logging
import sqlite3

import psycopg
from django.db import OperationalError
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.template import loader
from django.utils.translation import gettext as _
from psycopg_pool import PoolTimeout

NUL = "\x00"


def _without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class NulCharacterMiddleware:
    """NUL characters in addresses and query strings, handled once for every view.

    A NUL (`%00`) cannot be stored or compared in PostgreSQL: a search box, a filter or a token
    in the path that reaches a query with one fails there with a server error. No page, slug or
    token has one, so a path with a NUL is a page that does not exist (404). In the query string
    (search boxes, filters, the API's GET parameters) it is dropped, so the rest of what was asked
    still works. Form data (POST) goes through Django form fields, which refuse NUL with a message
    next to the field and keep the rest of the form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404("NUL in path")
        if "%00" in request.META.get("QUERY_STRING", ""):
            request.GET = _without_nul(request.GET)
        return self.get_response(request)


# A busy or unreachable database is a 503 that says "try again", never a 500.
#
# When every connection of the pool is in use, a request waits DATABASE_POOL_TIMEOUT seconds for
# one; when that wait runs out (or PostgreSQL refuses new clients, or SQLite stays locked) the
# view raises OperationalError. That is a moment of overload, not a bug: the answer is 503 with
# Retry-After, and for a form the page carries what the resident typed in a form that sends it
# again with one click, so nothing typed is lost. The page is rendered without the database.

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
