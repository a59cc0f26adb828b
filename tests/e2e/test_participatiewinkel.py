"""A resident at phone width (360 px) looks for a method in the databank with filters, reads
one, answers the advice questionnaire, shares the result and asks for personal advice. axe
checks every page on the way (see conftest)."""

import email
from email import policy

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def last_mail(folder):
    files = sorted(folder.glob("*.eml"))
    assert files, "no mail was written to the mail folder"
    message = email.message_from_bytes(files[-1].read_bytes(), policy=policy.default)
    return message["Subject"], message.get_body(preferencelist=("plain",)).get_content()


def ranked_titles(page) -> list[str]:
    return page.locator(".advice-item__title a").all_inner_texts()


def test_a_resident_filters_methods_and_gets_advice_for_their_plan(visitor, page_tree, mail_folder):
    page = visitor.page
    visitor.goto("/participatiewinkel/methoden/")
    assert page.get_by_role("heading", level=1).inner_text() == "Methoden"
    total = page.locator(".method-card").count()
    assert total >= 25

    # Filters work without JavaScript: a GET form with checkboxes behind a disclosure.
    page.locator(".methods-filter__summary").click()
    page.get_by_label("Ouderen").check()
    page.get_by_label("Ook als lezen en schrijven moeilijk is").check()
    visitor.follow(page.get_by_role("button", name="Toon methoden"))
    assert "doelgroep=ouderen" in page.url and "toegankelijk=laaggeletterd" in page.url
    found = page.locator(".method-card").count()
    assert 0 < found < total
    assert page.get_by_label("Ouderen").is_checked()
    assert page.get_by_role("heading", level=2, name="methoden gevonden").is_visible() or (
        found == 1
    )

    visitor.follow(page.locator(".method-card a", has_text="Wijkschouw"))
    assert page.get_by_role("heading", level=1).inner_text() == "Wijkschouw"
    assert page.get_by_text("Voorbeeld: zo kan het gaan in Zuidwest").is_visible()

    visitor.follow(page.get_by_role("link", name="Vraag advies op maat"))
    assert page.get_by_role("heading", level=1).inner_text() == "Advies op maat"
    page.get_by_label("Weten wat mensen ergens van vinden").check()
    page.get_by_label("Ouderen").check()
    page.get_by_label("Raadplegen").check()
    page.get_by_label("Twee weken tot twee maanden").check()
    page.get_by_label("Minder dan € 1.000").check()
    page.get_by_label("15 tot 50 mensen").check()
    page.get_by_label("Ook als lezen en schrijven moeilijk is").check()
    visitor.follow(page.get_by_role("button", name="Toon mijn advies"))

    assert page.get_by_role("heading", level=1).inner_text() == "Uw advies"
    ranked = ranked_titles(page)
    assert len(ranked) == 5
    first = page.locator(".advice-item").first
    assert first.get_by_text("Helpt bij uw doel: weten wat mensen ergens van vinden.").is_visible()
    assert first.locator(".note-list--reasons li").count() >= 3

    # The link to share works for anyone and gives the same advice.
    share_url = page.get_by_label("Link naar dit advies").input_value()
    visitor.goto(share_url.removeprefix(visitor.base_url))
    assert ranked_titles(page) == ranked

    visitor.follow(page.get_by_role("link", name="Vraag persoonlijk advies"))
    page.get_by_label("Uw naam").fill("Fatima")
    page.get_by_label("Uw e-mailadres").fill("fatima@example.org")
    page.get_by_label("Uw vraag").fill("Hoe bereik ik de ouderen in onze flat het best?")
    visitor.follow(page.get_by_role("button", name="Verstuur mijn vraag"))
    assert page.get_by_role("heading", level=1).inner_text() == "Uw vraag is verstuurd"
    reference = page.locator(".utrecht-alert").inner_text().split("kenmerk is ")[1][:9]
    subject, body = last_mail(mail_folder)
    assert reference in subject
    assert "U krijgt uiterlijk" in body
    assert len(visitor.checked) >= 7
