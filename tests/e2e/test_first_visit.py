"""A new visitor: home page, English and back, login by code read from the mail folder,
Mijn Zuidwest, and the data export. axe runs on every page (see conftest)."""

import email
import json
import re
from email import policy

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def login_code_from(folder) -> str:
    files = sorted(folder.glob("*.eml"))
    assert files, "no mail was written to the mail folder"
    message = email.message_from_bytes(files[-1].read_bytes(), policy=policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", body, re.MULTILINE).group(1)


def test_new_visitor_logs_in_by_code_and_exports_their_data(
    visitor, page_tree, resident_factory, mail_folder
):
    resident = resident_factory(email="amina@example.org", display_name="Amina")
    page = visitor.page

    visitor.goto("/")
    assert visitor.lang() == "nl"
    assert page.get_by_role("link", name="Melden").first.is_visible()

    visitor.follow(page.get_by_role("link", name="English"))
    assert visitor.lang() == "en"
    assert page.url.endswith("/en/")
    visitor.follow(page.get_by_role("link", name="Nederlands"))
    assert visitor.lang() == "nl"

    visitor.follow(page.get_by_role("link", name="Moerwijk").first)
    assert page.get_by_role("heading", level=1).inner_text() == "Moerwijk"

    visitor.follow(page.get_by_role("link", name="Inloggen"))
    # one way in: the email address, then a code (no second button that does the same)
    assert page.get_by_text("Daarmee logt u in zonder wachtwoord").is_visible()
    assert page.locator("a[href*='/accounts/login/code/']").count() == 0
    page.get_by_label("E-mail").fill(resident.email)
    visitor.follow(page.get_by_role("button", name="Inloggen"))

    page.get_by_label("Code").fill(login_code_from(mail_folder))
    visitor.follow(page.locator("form button[type=submit]").first)

    assert page.get_by_role("heading", level=1).inner_text() == "Mijn Zuidwest"
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download mijn gegevens").click()
    data = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["display_name"] == "Amina"
    assert len(visitor.checked) >= 7


def test_the_axe_check_catches_a_violation(visitor):
    """The accessibility gate is real: a page with an unlabeled field and an image without
    alternative text fails it."""
    visitor.page.set_content(
        '<html lang="nl"><head><title>x</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        visitor.check()


def test_a_visitor_signs_up_with_only_an_email_in_english(visitor, page_tree, mail_folder):
    page = visitor.page
    visitor.goto("/en/")
    visitor.follow(page.get_by_role("link", name="Log in"))
    visitor.follow(page.locator("a[href*='/accounts/signup/']").first)
    page.get_by_label("Email").fill("new.neighbour@example.org")
    visitor.follow(page.locator("form button[type=submit]").first)
    page.get_by_label("Code").fill(login_code_from(mail_folder))
    visitor.follow(page.locator("form button[type=submit]").first)
    assert visitor.lang() == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn Zuidwest"
    welcome = sorted(mail_folder.glob("*.eml"))[-1].read_text()
    assert "Welcome to Zuidwest" in welcome


def test_the_axe_check_catches_text_it_cannot_read(visitor, page_tree):
    """White menu text on a white bar: axe calls it 'incomplete'; the gate calls it a failure."""
    visitor.page.goto(visitor.base_url + "/")
    visitor.add_style(".site-header a { color: #fff !important; }")
    with pytest.raises(AssertionError, match="color-contrast"):
        visitor.check()


def test_the_csp_check_catches_an_inline_script(visitor, page_tree):
    """The Content-Security-Policy refuses inline script; the gate fails the test that meets it."""
    visitor.page.goto(visitor.base_url + "/")
    visitor.page.evaluate(
        """() => { const script = document.createElement("script");
        script.textContent = "window.inlineRan = true"; document.body.append(script); }"""
    )
    assert visitor.page.evaluate("window.inlineRan") is None
    with pytest.raises(AssertionError, match="Content-Security-Policy violations"):
        visitor.check()


def test_the_programme_with_its_top_ten_and_a_theme_with_its_measures(visitor, page_tree):
    page = visitor.page
    visitor.goto("/programma/")
    assert page.get_by_role("heading", name="De tien maatregelen met de meeste impact").is_visible()
    assert page.locator("ol.top10 > li").count() == 10
    visitor.follow(page.locator("ol.top10 > li a").first)
    assert page.get_by_role("heading", name="Maatregelen").is_visible()
    assert page.locator("article.measure").count() >= 8
    visitor.goto("/en/programma/")
