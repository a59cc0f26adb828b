"""Wagtail's admin works under its own Content-Security-Policy: the dashboard, the page editor,
a model with inline panels (their inline scripts) and a snippet that is edited and saved."""

import pytest
from wagtail.admin.admin_url_finder import AdminURLFinder

from accounts.factories import UserFactory
from common.models import Afdeling
from shop.programme.models import Measure
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_staff_edit_pages_and_snippets_without_a_refused_script(
    page_tree, monkeypatch, staff_visitor
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM calls beside the browser
    admin = UserFactory(is_staff=True, is_superuser=True)
    log_in(staff_visitor, admin)
    page = staff_visitor.page
    urls = AdminURLFinder(admin)
    afdeling = Afdeling.objects.first()
    for path in (
        "/beheer/",
        "/beheer/pages/",
        urls.get_edit_url(page_tree),
        urls.get_edit_url(Measure.objects.first()),
        urls.get_edit_url(afdeling),
    ):
        page.goto(staff_visitor.base_url + path)
        page.wait_for_load_state("load")
        assert page.locator("main").count() and "/accounts/login/" not in page.url, page.url
    # The editor's own scripts run: a snippet is edited and saved.
    page.goto(staff_visitor.base_url + urls.get_edit_url(afdeling))
    page.locator("input[name=name_nl]").fill("Stadsbeheer – getest")
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    afdeling.refresh_from_db()
    assert afdeling.name == "Stadsbeheer – getest"
    assert not staff_visitor.script_errors, staff_visitor.script_errors
    assert not staff_visitor.csp_violations, "\n".join(staff_visitor.csp_violations)
