"""NUL characters in addresses and query strings, handled once for every view.

A NUL (`%00`) cannot be stored or compared in PostgreSQL: a search box, a filter or a token
in the path that reaches a query with one fails there with a server error. No page, slug or
token has one, so a path with a NUL is a page that does not exist (404). In the query string
(search boxes, filters, the API's GET parameters) it is dropped, so the rest of what was asked
still works. Form data (POST) goes through Django form fields, which refuse NUL with a message
next to the field and keep the rest of the form."""

from django.http import Http404, QueryDict

NUL = "\x00"


def _without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class NulCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404("NUL in path")
        if "%00" in request.META.get("QUERY_STRING", ""):
            request.GET = _without_nul(request.GET)
        return self.get_response(request)
