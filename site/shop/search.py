"""Site search /zoeken/: Wagtail search over the live, public pages of the visitor's language
(the methods of the databank are pages too), plus upcoming activities of the agenda.

The backend is Wagtail's database backend: SQLite full text locally, PostgreSQL full text in
production, where settings give it the Dutch configuration (stemming: 'wijken' finds 'wijk')."""

import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from wagtail.models import Locale, Page

from common.parsing import search_words

from .activities import upcoming_activities

PAGE_SIZE = 10
ACTIVITY_HITS = 5
MAX_WORDS = 12


def search(request):
    query = search_words(request.GET.get("q"))
    page = activities = None
    if query:
        # Only words go to the full-text engine: quotes, stars and operators (AND, NOT) are
        # syntax there, and a resident typing them must get results, not an error.
        words = re.findall(r"\w+", query.lower())[:MAX_WORDS]
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = pages.search(" ".join(words), operator="and") if words else Page.objects.none()
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("pagina"))
        match = Q()
        for word in words:
            match &= Q(title__icontains=word) | Q(description__icontains=word)
        activities = upcoming_activities(ACTIVITY_HITS, match) if words else []
    return render(
        request,
        "shop/search.html",
        {"query": query, "page": page, "activities": activities},
    )
