"""Site search /zoeken/: Wagtail search over the live, public pages of the visitor's language
(the methods of the databank are pages too), plus upcoming activities of the agenda.

The backend is Wagtail's database backend: SQLite full text locally, PostgreSQL full text in
production, where settings give it the Dutch configuration (stemming: 'wijken' finds 'wijk')."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from wagtail.models import Locale, Page

from .agenda.models import Activity

PAGE_SIZE = 10
MAX_QUERY = 200
ACTIVITY_HITS = 5


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    page = activities = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = pages.search(query, operator="and")
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("pagina"))
        words = query.split()
        match = Q()
        for word in words:
            match &= Q(title__icontains=word) | Q(description__icontains=word)
        activities = list(
            Activity.objects.upcoming().filter(match).select_related("wijk")[:ACTIVITY_HITS]
        )
    return render(
        request,
        "shop/search.html",
        {"query": query, "page": page, "activities": activities},
    )
