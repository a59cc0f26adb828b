"""The one pagination (includes/pagination.html, Utrecht's component): what a visitor can use."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def render(number: int, query: str = "", **extra) -> str:
    request = RequestFactory().get(f"/lijst/?{query}")
    page = Paginator(list(range(200)), 10).page(number)
    return render_to_string(
        "includes/pagination.html", {"page_obj": page, "label": "Meer", **extra}, request=request
    )


def hrefs(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def test_previous_next_and_the_pages_around_this_one_keep_the_filters():
    html = render(7, "wijk=moerwijk&pagina=7")
    assert 'class="utrecht-pagination utrecht-pagination--distanced" aria-label="Meer"' in html
    links = hrefs(html)
    assert links[0] == "?wijk=moerwijk&pagina=6" and 'rel="prev"' in html
    assert links[-1] == "?wijk=moerwijk&pagina=8" and 'rel="next"' in html
    # The first and last page, this one with one on each side, and a gap for the rest.
    numbers = [int(href.rsplit("=", 1)[1]) for href in links[1:-1]]
    assert numbers == [1, 6, 7, 8, 20]
    assert html.count("…") == 2
    assert re.search(r'aria-current="page"[^>]*>7</a>', html)
    assert "Pagina 7 van 20" in html


def test_the_first_and_the_last_page_have_one_way_to_go():
    first, last = render(1), render(20)
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_staff_lists_use_their_own_parameter_and_one_page_shows_nothing():
    assert hrefs(render(2, "q=lamp", param="page"))[0] == "?q=lamp&page=1"
    request = RequestFactory().get("/")
    one = Paginator([1, 2], 10).page(1)
    html = render_to_string("includes/pagination.html", {"page_obj": one}, request=request)
    assert html.strip() == ""
