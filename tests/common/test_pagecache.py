"""Public pages from the cache (issue 13, item 3; common/pagecache.py): a second anonymous visit
costs no query, each language has its own copy, a change is visible on the next visit, and a
page that belongs to one visitor (logged in, a form with their CSRF token, a session) is never
kept or served to another."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from common import pagecache
from meldingen.factories import MeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def visit(client, path, **extra):
    return client.get(path, HTTP_ACCEPT_LANGUAGE="nl", **extra)


def test_a_second_anonymous_visit_is_served_from_the_cache(
    client, page_tree, django_assert_num_queries
):
    first = visit(client, "/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = visit(client, "/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # The headers of the site pass over a hit too (they are added around the cache).
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "nl"


def test_each_language_has_its_own_copy(client, page_tree):
    dutch, english = visit(client, "/"), visit(client, "/en/")
    assert visit(client, "/en/")["X-Page-Cache"] == "hit"
    assert visit(client, "/")["X-Page-Cache"] == "hit"
    assert visit(client, "/en/").content == english.content != dutch.content
    assert b'lang="en"' in english.content and b'lang="nl"' in dutch.content


def test_a_new_report_is_on_the_wijk_page_at_the_next_visit(client, wijken):
    path = f"/meldingen/wijk/{wijken['moerwijk'].slug}/"
    before = visit(client, path)
    assert visit(client, path)["X-Page-Cache"] == "hit"
    MeldingFactory(wijk=wijken["moerwijk"])
    after = visit(client, path)
    assert after["X-Page-Cache"] == "miss"
    assert after.content != before.content
    # and every other page is new as well: one generation, no stale figure beside a fresh one
    assert visit(client, "/meldingen/cijfers/")["X-Page-Cache"] == "miss"


def test_a_published_page_shows_at_the_next_visit(client, page_tree):
    from wagtail.models import Page

    visit(client, "/")
    home = Page.objects.get(depth=2, locale__language_code="nl").specific
    home.title = "Welkom in Zuidwest, vernieuwd"
    home.save_revision().publish()
    after = visit(client, "/")
    assert after["X-Page-Cache"] == "miss"
    assert "vernieuwd" in after.content.decode()


def test_a_logged_in_visitor_never_gets_the_shared_copy(client, page_tree):
    from accounts.factories import ResidentFactory

    visit(client, "/")  # now in the cache
    client.force_login(ResidentFactory(display_name="Fatima"))
    page = visit(client, "/")
    assert "X-Page-Cache" not in page  # rendered for her, and not kept
    client.logout()
    client.cookies.clear()
    assert visit(client, "/")["X-Page-Cache"] == "hit"


def test_a_page_with_a_visitors_form_token_is_not_kept(client, wijken):
    """/melden/ is not a cached view; a cached view whose response uses the CSRF token (a form)
    is not kept either."""
    assert "X-Page-Cache" not in visit(client, "/melden/")
    factory = RequestFactory()

    def view_with_form(request):
        from django.http import HttpResponse
        from django.middleware.csrf import get_token

        get_token(request)
        return HttpResponse("<form>…</form>")

    request = factory.get("/meldingen/")
    request.LANGUAGE_CODE = "nl"
    request.resolver_match = type(
        "Match", (), {"view_name": "meldingen_public:index", "namespace": "x", "url_name": "i"}
    )()
    middleware = pagecache.PublicPageCacheMiddleware(view_with_form)
    assert "X-Page-Cache" not in middleware(request)
    assert "X-Page-Cache" not in middleware(request)


def test_a_page_rendered_while_the_data_changed_is_not_served_as_new(rf, settings):
    """The page is kept under the generation current when its rendering began: a change that
    lands during the rendering makes it old at once."""
    renders = []

    def view(request):
        from django.http import HttpResponse

        renders.append(1)
        if len(renders) == 1:
            pagecache.bump()  # a report changed status while this page was being rendered
        return HttpResponse(f"render {len(renders)}")

    def request():
        r = rf.get("/meldingen/")
        r.LANGUAGE_CODE = "nl"
        r.resolver_match = type(
            "Match", (), {"view_name": "meldingen_public:index", "namespace": "m", "url_name": "i"}
        )()
        return r

    middleware = pagecache.PublicPageCacheMiddleware(view)
    assert middleware(request()).content == b"render 1"
    second = middleware(request())
    assert second.content == b"render 2" and second["X-Page-Cache"] == "miss"
    third = middleware(request())
    assert third.content == b"render 2" and third["X-Page-Cache"] == "hit"


def test_open311_reads_are_cached_and_writes_are_not(client, wijken):
    first = client.get("/open311/v2/services.json")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert client.get("/open311/v2/services.json")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.post("/open311/v2/requests.json", {})


def test_a_page_that_looks_at_the_empty_session_of_a_new_visitor_is_kept(rf):
    """Without a session cookie every visitor has the same empty session: a view that asks for
    it (Vary: Cookie) renders the same page for all of them."""
    from django.http import HttpResponse
    from django.utils.cache import patch_vary_headers

    def view(request):
        response = HttpResponse("voor iedereen hetzelfde")
        patch_vary_headers(response, ["Cookie"])
        return response

    def request():
        r = rf.get("/inspraak/")
        r.LANGUAGE_CODE = "nl"
        r.resolver_match = type(
            "Match",
            (),
            {
                "view_name": "participation:processes:index",
                "namespace": "participation:processes",
                "url_name": "index",
            },
        )()
        return r

    middleware = pagecache.PublicPageCacheMiddleware(view)
    assert middleware(request())["X-Page-Cache"] == "miss"
    assert middleware(request())["X-Page-Cache"] == "hit"


def view_names(resolver=None, prefix="") -> set[str]:
    from django.urls import URLPattern, get_resolver

    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLPattern):
            if entry.name:
                names.add(prefix + entry.name)
        else:
            inner = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= view_names(entry, inner)
    return names


def test_every_cached_view_is_a_view_of_the_site(settings):
    """A name that matches no view caches nothing, silently (the consultations were named
    without the namespace they are included under, and were never cached)."""
    names = view_names()
    for entry in settings.PAGE_CACHE_VIEWS:
        if entry.endswith(":*"):
            assert any(n.startswith(entry[:-1]) for n in names), entry
        else:
            assert entry in names, entry


@pytest.mark.parametrize("path", ["/inspraak/", "/inspraak/kalender/", "/agenda/", "/wijkbudget/"])
def test_the_module_lists_come_from_the_cache(client, page_tree, path):
    assert visit(client, path)["X-Page-Cache"] == "miss"
    assert visit(client, path)["X-Page-Cache"] == "hit"


def test_off_with_zero_seconds(client, page_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visit(client, "/")
    assert "X-Page-Cache" not in visit(client, "/")


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield
