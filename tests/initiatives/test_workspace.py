"""The brokers' workspace under /beheer/initiatieven/: who sees and does what (both ways), the
actions through the services, the fund overview and CSV, and queue query counts."""

import pytest
from django.core import mail
from django.utils import timezone

from initiatives.models import AdviceTemplate, BrokerWijk, Fund, Initiative, InternalNote
from initiatives.workflow import Status

pytestmark = pytest.mark.django_db

QUEUE = "/beheer/initiatieven/"


def detail(initiative) -> str:
    return f"{QUEUE}{initiative.reference}/"


def post_grant(client, initiative, amount: str, conditions: str, message: str):
    """The broker's grant form, as typed: an amount in euros, conditions, the message."""
    return client.post(
        f"{detail(initiative)}toekennen/",
        {
            "toekennen-amount": amount,
            "toekennen-conditions": conditions,
            "toekennen-public_message": message,
        },
    )


def post_action(client, initiative, action: str, **fields):
    """One of the detail page's forms (its prefix is the action's path), as typed; follows the
    redirect, so the page's message can be read."""
    data = {f"{action}-{name}": value for name, value in fields.items()}
    return client.post(f"{detail(initiative)}{action}/", data, follow=True)


@pytest.fixture
def bouwlust_broker(broker_factory, wijken):
    user = broker_factory()
    BrokerWijk.objects.create(broker=user, wijk=wijken["bouwlust"])
    return user


# --- who gets in ----------------------------------------------------------------------------


def test_residents_and_other_staff_get_no_access(client, resident, handler, submit):
    initiative = submit()
    assert client.get(QUEUE).status_code == 302  # to the login
    client.force_login(resident)
    for url in (QUEUE, detail(initiative), f"{QUEUE}fondsen/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert initiative.title not in response.content.decode()
    client.force_login(handler)  # reaches the Wagtail admin, but is no broker
    for url in (QUEUE, detail(initiative)):
        response = client.get(url)  # Wagtail turns the refusal into a redirect home
        assert response.status_code == 302 and response["Location"] == "/beheer/"
    response = client.post(f"{detail(initiative)}oppakken/", {"oppakken-public_message": "Hoi"})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.broker is None


def test_the_menu_item_is_only_for_brokers_and_coordinators(
    client, wijk_broker, coordinator, editor
):
    for user, shown in ((wijk_broker, True), (coordinator, True), (editor, False)):
        client.force_login(user)
        html = client.get("/beheer/").content.decode()
        assert (QUEUE in html) is shown, user


def test_a_broker_sees_their_wijk_and_not_another(client, wijk_broker, bouwlust_broker, submit):
    initiative = submit()
    client.force_login(wijk_broker)
    assert initiative.reference in client.get(f"{QUEUE}?wachtrij=nieuw").content.decode()
    assert client.get(detail(initiative)).status_code == 200
    client.force_login(bouwlust_broker)
    assert initiative.reference not in client.get(f"{QUEUE}?wachtrij=nieuw").content.decode()
    assert client.get(detail(initiative)).status_code == 404
    assert client.post(f"{detail(initiative)}oppakken/", {"oppakken-public_message": "Hoi"})
    initiative.refresh_from_db()
    assert initiative.broker is None


def test_a_coordinator_sees_every_wijk(client, coordinator, submit):
    initiative = submit()
    client.force_login(coordinator)
    assert initiative.reference in client.get(f"{QUEUE}?wachtrij=nieuw").content.decode()
    assert client.get(detail(initiative)).status_code == 200


def test_drafts_never_reach_the_workspace(client, coordinator, initiative_factory):
    draft = initiative_factory()
    client.force_login(coordinator)
    assert draft.title not in client.get(f"{QUEUE}?wachtrij=alle").content.decode()


# --- the actions ---------------------------------------------------------------------------


def test_take_then_message_reaches_the_initiator(
    client, wijk_broker, submit, django_capture_on_commit_callbacks
):
    initiative = submit()
    client.force_login(wijk_broker)
    response = client.post(f"{detail(initiative)}oppakken/", {"oppakken-public_message": ""})
    assert "Schrijf een bericht aan de initiatiefnemer." in response.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{detail(initiative)}oppakken/", {"oppakken-public_message": "Ik help u graag."}
        )
        assert response.status_code == 302
        client.post(f"{detail(initiative)}bericht/", {"bericht-text": "Wanneer kunnen we bellen?"})
    initiative.refresh_from_db()
    assert initiative.status == Status.IN_GESPREK and initiative.broker == wijk_broker
    assert [m.to for m in mail.outbox] == [[initiative.initiator.email]] * 2
    assert "Wanneer kunnen we bellen?" in mail.outbox[-1].body
    html = client.get(f"{QUEUE}?wachtrij=wacht").content.decode()
    assert initiative.reference in html


def test_a_broker_cannot_act_on_a_colleagues_initiative(
    client, taken, broker_factory, moerwijk, fund
):
    initiative = taken()
    colleague = broker_factory()
    BrokerWijk.objects.create(broker=colleague, wijk=moerwijk)
    client.force_login(colleague)
    html = client.get(detail(initiative)).content.decode()
    assert "Alleen die makelaar besluit" in html
    response = post_grant(client, initiative, "100", "", "Ja hoor")
    assert "niet aan u toegewezen" in response.content.decode()
    response = client.post(f"{detail(initiative)}bericht/", {"bericht-text": "Hallo"})
    assert "geen berichten" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == Status.IN_GESPREK and not initiative.messages.exists()
    # A note is fine: colleagues of the wijk may leave one.
    client.post(f"{detail(initiative)}notitie/", {"notitie-text": "Ken ik van vroeger."})
    assert InternalNote.objects.filter(author=colleague).exists()


def test_a_grant_above_what_remains_is_refused_and_the_form_is_kept(
    client, wijk_broker, taken, fund
):
    Fund.objects.filter(pk=fund.pk).update(granted_cents=95_000)
    initiative = taken()
    client.force_login(wijk_broker)
    html = client.get(detail(initiative)).content.decode()
    assert "nog € 50,00 van € 1.000,00" in html
    response = post_grant(client, initiative, "60", "Bonnetjes bewaren", "Goed plan!")
    html = response.content.decode()
    assert "Zoveel geld is er niet meer in het fonds van Moerwijk" in html
    assert "Bonnetjes bewaren" in html and "Goed plan!" in html
    response = post_grant(client, initiative, "45,50", "Bonnetjes bewaren", "Goed plan!")
    assert response.status_code == 302
    fund.refresh_from_db()
    assert fund.remaining_cents == 450
    initiative.refresh_from_db()
    assert initiative.status == Status.TOEGEKEND


def test_decline_and_refer_forms_need_their_parts(client, wijk_broker, taken):
    initiative = taken()
    client.force_login(wijk_broker)
    html = post_action(client, initiative, "afwijzen", public_message="Helaas").content.decode()
    assert "Kies minstens één reden." in html and "Helaas" in html
    html = post_action(
        client,
        initiative,
        "doorverwijzen",
        organisation="Fonds 1818",
        url="geen link",
        public_message="Daar past het beter.",
    ).content.decode()
    assert "Deze link klopt niet." in html
    post_action(
        client,
        initiative,
        "afwijzen",
        reasons=["commercieel"],
        public_message="Het is commercieel.",
    )
    initiative.refresh_from_db()
    assert initiative.status == Status.AFGEWEZEN


def test_start_and_complete_from_the_workspace_say_what_happened(
    client, wijk_broker, taken, grant, fund, file_accountability
):
    initiative = taken()
    grant(initiative, 50_000)
    client.force_login(wijk_broker)
    response = post_action(client, initiative, "starten", public_message="Succes!")
    assert "Het initiatief wordt nu uitgevoerd." in response.content.decode()
    file_accountability(initiative, spent_cents=100, what_happened="Gedaan.", participants=9)
    response = post_action(client, initiative, "afronden", public_message="Mooi!")
    assert "Afgerond. De verantwoording is bevestigd." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == Status.AFGEROND


def test_a_referral_names_the_organisation(client, wijk_broker, taken):
    initiative = taken()
    client.force_login(wijk_broker)
    response = post_action(
        client,
        initiative,
        "doorverwijzen",
        organisation="Fonds 1818",
        url="https://www.fonds1818.nl/",
        public_message="Daar past het beter.",
    )
    assert "Doorverwezen naar Fonds 1818." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == Status.DOORVERWEZEN


def test_an_advice_text_fills_in_the_message(client, wijk_broker, taken):
    advice = AdviceTemplate.objects.create(
        title="Vergunning", text="Voor een straatfeest vraagt u een evenementenvergunning aan."
    )
    initiative = taken()
    client.force_login(wijk_broker)
    html = client.get(f"{detail(initiative)}?advies={advice.pk}").content.decode()
    assert "evenementenvergunning aan.</textarea>" in html


def test_hand_off_by_a_coordinator(client, coordinator, taken, broker_factory):
    initiative = taken()
    other = broker_factory()
    client.force_login(coordinator)
    response = client.post(
        f"{detail(initiative)}overdragen/",
        {"overdragen-to_broker": other.pk, "overdragen-note": "Zij spreekt Turks."},
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.broker == other
    html = client.get(detail(initiative)).content.decode()
    assert "Overgedragen" in html or "overgedragen" in html


def test_overdue_initiatives_have_their_own_list(client, wijk_broker, submit):
    late, fine = submit(), submit()
    Initiative.objects.filter(pk=late.pk).update(
        first_response_deadline=timezone.now() - timezone.timedelta(days=1)
    )
    client.force_login(wijk_broker)
    html = client.get(f"{QUEUE}?wachtrij=te-laat").content.decode()
    assert late.reference in html and fine.reference not in html
    assert "eerste reactie te laat" in html


# --- funds ---------------------------------------------------------------------------------


def test_fund_overview_and_csv_export(grant, client, coordinator, wijk_broker, taken, fund):
    initiative = taken(title="=HYPERLINK(evil)")
    grant(initiative, 12_345, conditions="Foto's maken")
    client.force_login(coordinator)
    html = client.get(f"{QUEUE}fondsen/").content.decode()
    assert "€ 123,45" in html and "€ 876,55" in html
    response = client.get(f"{QUEUE}fondsen/toekenningen.csv?jaar={timezone.localtime().year}")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    header, row = text.strip().splitlines()
    assert header.startswith("kenmerk;titel;wijk;jaar;bedrag_euro")
    assert initiative.reference in row and "123,45" in row and "Moerwijk" in row
    assert "'=HYPERLINK" in row  # no formula injection in spreadsheets
    assert header.endswith(";deelnemers;verantwoording_bevestigd_op")


def test_accountability_exports_per_budget_line(
    client, coordinator, resident_factory, started, file_accountability
):
    from initiatives.services import (
        initiative_complete,
    )

    initiative = started()
    broker = initiative.broker
    file_accountability(
        initiative, spent_cents=10_000, what_happened="Gezaaid en geoogst.", participants=12
    )
    initiative_complete(initiative=initiative, actor=broker, public_message="Dank u")
    url = f"{QUEUE}fondsen/verantwoording.csv?jaar={timezone.localtime().year}"
    client.force_login(resident_factory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(coordinator)
    html = client.get(f"{QUEUE}fondsen/").content.decode()
    assert "verantwoording.csv" in html
    text = client.get(url).content.decode("utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert header.startswith("kenmerk;titel;wijk;toegekend_euro;regel;begroot_euro")
    assert len(rows) == initiative.budget_lines.count() == 2
    assert rows[0].startswith(initiative.reference)
    assert ";500,00;Zaden en plantjes;150,00;100,00;12;" in rows[0]


# --- query counts --------------------------------------------------------------------------


def test_the_queue_does_not_grow_in_queries_with_its_rows(
    client, wijk_broker, submit, django_assert_max_num_queries
):
    for _ in range(3):
        submit()
    client.force_login(wijk_broker)
    client.get(f"{QUEUE}?wachtrij=nieuw")  # warm up caches (site, locale)
    with django_assert_max_num_queries(20) as few:
        client.get(f"{QUEUE}?wachtrij=nieuw")
    for _ in range(12):
        submit()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"{QUEUE}?wachtrij=nieuw")
    assert response.content.decode().count("IN-") >= 15


# --- reference data as snippets --------------------------------------------------------------


def test_a_coordinator_sets_up_a_fund_and_a_broker_may_not(
    client, coordinator, wijk_broker, wijken
):
    url = "/beheer/snippets/initiatives/fund/add/"
    client.force_login(wijk_broker)
    assert client.get(url).status_code in (302, 403)
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    # In euros, like every money field (it took cents: 600 meant € 6).
    response = client.post(
        url, {"wijk": wijken["vrederust"].pk, "year": "2026", "total_cents": "25000"}
    )
    assert response.status_code == 302, response.context["form"].errors
    fund = Fund.objects.get(wijk=wijken["vrederust"])
    assert fund.remaining_cents == 2_500_000 and fund.granted_cents == 0


def test_a_fund_total_cannot_drop_below_what_is_granted(fund):
    from django.core.exceptions import ValidationError

    Fund.objects.filter(pk=fund.pk).update(granted_cents=80_000)
    fund.refresh_from_db()
    fund.total_cents = 50_000
    with pytest.raises(ValidationError, match="al € 800,00 toegekend"):
        fund.full_clean()


def test_brokers_write_advice_texts(client, wijk_broker):
    client.force_login(wijk_broker)
    response = client.post(
        "/beheer/snippets/initiatives/advicetemplate/add/",
        {"title": "Ruimte zoeken", "text": "Vraag het buurthuis.", "is_active": "on"},
    )
    assert response.status_code == 302
    assert AdviceTemplate.objects.get().title == "Ruimte zoeken"
