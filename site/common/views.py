from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that could fail again; a plain page.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def coming_soon(request, *, template: str, title: str):
    """The entry page of a module that is not built yet: a real page saying what comes."""
    return render(request, template, {"title": title})
