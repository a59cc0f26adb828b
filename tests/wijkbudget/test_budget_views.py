"""The wijkbudget pages as a resident and as staff use them: without JavaScript, with plain
Dutch refusals, and with permissions checked both ways."""

import re

import pytest
from django.urls import reverse

from participation.wijkbudget.models import Ballot, HasVoted, Proposal
from participation.wijkbudget.services import ballot_cast, round_close, vote_codes_generate
from participation.wijkbudget.workflow import Feasibility

pytestmark = pytest.mark.django_db


def url(name, round, *args):
    return reverse(f"participation:{name}", args=[round.slug, *args])


def enter_code(client, round, code):
    return client.post(url("vote", round), {"code": code})


def test_the_round_page_says_the_phase_and_what_comes_next(client, voting_round, ideas_round):
    html = client.get(url("round", voting_round)).content.decode()
    assert "Nu: Stemmen" in html and "Daarna tellen we de stemmen" in html
    assert "Stem nu" in html and "data-turnout" in html
    html = client.get(url("round", ideas_round)).content.decode()
    assert "Nu: Ideeën indienen" in html and "Dien uw idee in" in html


def test_the_list_of_rounds(client, voting_round, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        html = client.get(reverse("participation:wijkbudget")).content.decode()
    assert voting_round.title in html and "Stemmen" in html


def test_proposing_needs_an_account_and_keeps_what_was_typed(client, ideas_round, resident):
    response = client.get(url("propose", ideas_round))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(resident)
    response = client.post(
        url("propose", ideas_round),
        {"title": "Bankjes", "description": "Rust", "estimated_cost": "veel"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul een bedrag in euro" in html and 'value="Bankjes"' in html
    response = client.post(
        url("propose", ideas_round),
        {"title": "Bankjes", "description": "Rust", "estimated_cost": "2.500"},
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == url("proposal", ideas_round, proposal.pk)
    assert proposal.estimated_cost_cents == 250_000 and proposal.proposer == resident


def test_a_proposal_photo_is_checked(client, ideas_round, resident):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(resident)
    fake = SimpleUploadedFile("foto.jpg", b"not an image", content_type="image/jpeg")
    response = client.post(
        url("propose", ideas_round),
        {"title": "Bankjes", "description": "Rust", "estimated_cost": "100", "photo": fake},
    )
    assert "geen foto" in response.content.decode()
    assert not Proposal.objects.exists()


def test_voting_with_a_code_without_javascript(client, voting_round, coordinator):
    speeltuin, bankjes, moestuin = voting_round.plans
    [code] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    assert client.get(url("ballot", voting_round))["Location"] == url("vote", voting_round)
    response = enter_code(client, voting_round, "ZZZZ-ZZZZ-ZZZZ")
    assert "kennen we niet" in response.content.decode()
    response = enter_code(client, voting_round, code)
    assert response["Location"] == url("ballot", voting_round)
    html = client.get(url("ballot", voting_round)).content.decode()
    assert "Speeltuin" in html and "€ 6.000,00" in html
    everything = {"kies": [speeltuin.pk, bankjes.pk, moestuin.pk]}
    # The server's running total, without JavaScript.
    html = client.post(
        url("ballot", voting_round), {**everything, "actie": "bijwerken"}
    ).content.decode()
    assert "€ 11.000,00" in html and "Te veel" in html
    # Over budget: refused with the explanation, nothing stored.
    response = client.post(url("ballot", voting_round), {**everything, "actie": "controleren"})
    assert response.status_code == 400
    assert "meer dan het budget" in response.content.decode()
    valid = {"kies": [speeltuin.pk, bankjes.pk]}
    html = client.post(
        url("ballot", voting_round), {**valid, "actie": "controleren"}
    ).content.decode()
    assert "Controleer uw stem" in html and not Ballot.objects.exists()
    response = client.post(url("confirm", voting_round), {**valid, "actie": "stemmen"})
    assert response["Location"] == url("receipt", voting_round)
    html = client.get(url("receipt", voting_round)).content.decode()
    receipt = re.search(r"data-receipt>([A-Z0-9-]+)<", html).group(1)
    assert Ballot.objects.get().receipt == receipt.replace("-", "")
    # The same code again: told the last vote counts, and still one ballot.
    client.post(url("confirm", voting_round), {"kies": [moestuin.pk], "actie": "stemmen"})
    assert Ballot.objects.count() == 1 and HasVoted.objects.get().times == 2


def test_code_attempts_are_rate_limited(client, voting_round):
    for _ in range(10):
        enter_code(client, voting_round, "ZZZZ-ZZZZ-ZZZZ")
    response = enter_code(client, voting_round, "ZZZZ-ZZZZ-ZZZZ")
    assert "te vaak" in response.content.decode()


def test_voting_outside_the_phase_is_refused(client, ideas_round):
    response = client.get(url("vote", ideas_round))
    assert response.status_code == 403 and "nog niet begonnen" in response.content.decode()


def test_voting_with_an_account_checks_postcode_and_age(client, voting_round, resident):
    voting_round.eligibility = "account"
    voting_round.save()
    assert "/accounts/login/" in client.get(url("vote", voting_round))["Location"]
    client.force_login(resident)
    html = client.post(
        url("vote", voting_round), {"postcode": "2511AA", "age": "on"}
    ).content.decode()
    assert "niet stemmen in deze ronde" in html
    html = client.post(url("vote", voting_round), {"postcode": "2532AB"}).content.decode()
    assert "16 jaar of ouder" in html
    moerwijk_postcode = voting_round.wijken.get().postcode_ranges[0].split("-")[0]
    response = client.post(url("vote", voting_round), {"postcode": moerwijk_postcode, "age": "on"})
    assert response["Location"] == url("ballot", voting_round)
    client.post(
        url("confirm", voting_round), {"kies": [voting_round.plans[2].pk], "actie": "stemmen"}
    )
    assert HasVoted.objects.get().user == resident


def test_cumulative_ballot_refuses_too_many_points(client, voting_round, coordinator):
    voting_round.ballot_rule = "cumulative"
    voting_round.points_total = 5
    voting_round.points_max_per_project = 3
    voting_round.save()
    speeltuin, bankjes, _m = voting_round.plans
    [code] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    enter_code(client, voting_round, code)
    response = client.post(
        url("ballot", voting_round),
        {f"punten-{speeltuin.pk}": "3", f"punten-{bankjes.pk}": "3", "actie": "controleren"},
    )
    assert "6 punten gegeven" in response.content.decode()
    response = client.post(
        url("ballot", voting_round), {f"punten-{speeltuin.pk}": "x", "actie": "controleren"}
    )
    assert "heel getal" in response.content.decode()


def closed_round(voting_round, resident_factory, coordinator):
    speeltuin, bankjes, moestuin = voting_round.plans
    receipts = []
    for selection in [{speeltuin.pk: 1}] * 5 + [{bankjes.pk: 1, moestuin.pk: 1}] * 4:
        receipts.append(
            ballot_cast(round=voting_round, selection=selection, user=resident_factory()).receipt
        )
    round_close(round=voting_round, actor=coordinator)
    return receipts


def test_results_explain_every_project(
    client, voting_round, resident_factory, coordinator, django_assert_max_num_queries
):
    closed_round(voting_round, resident_factory, coordinator)
    with django_assert_max_num_queries(10):
        html = client.get(url("results", voting_round)).content.decode()
    assert "Methode van Gelijke Delen" in html
    assert html.count("Waarom:") == 3
    assert "gelijk deel" in html and "<svg" in html


def test_a_voter_finds_their_ballot_by_receipt(
    client, voting_round, resident_factory, coordinator, django_assert_max_num_queries
):
    receipts = closed_round(voting_round, resident_factory, coordinator)
    wanted = receipts[-1]
    with django_assert_max_num_queries(12):
        html = client.get(
            url("ballots", voting_round), {"bewijs": f"{wanted[:4]}-{wanted[4:]}".lower()}
        ).content.decode()
    assert "Gevonden" in html and "Bankjes, Moestuin" in html
    # shown in groups of four, as on the receipt page, in the message and in the list
    shown = "-".join(wanted[i : i + 4] for i in range(0, len(wanted), 4))
    assert html.count(shown) == 2
    html = client.get(url("ballots", voting_round), {"bewijs": "NOPE"}).content.decode()
    assert "staat niet in de lijst" in html


def test_the_ballot_list_pages_and_keeps_the_search(
    client, voting_round, resident_factory, coordinator, monkeypatch
):
    from participation.wijkbudget.views import public

    monkeypatch.setattr(public, "BALLOTS_PER_PAGE", 4)
    receipts = closed_round(voting_round, resident_factory, coordinator)  # 9 ballots: 3 pages
    html = client.get(url("ballots", voting_round), {"bewijs": receipts[0]}).content.decode()
    assert "Pagina 1 van 3" in html and "Gevonden" in html
    assert f"bewijs={receipts[0]}&amp;pagina=2" in html
    html = client.get(url("ballots", voting_round), {"pagina": 3}).content.decode()
    assert "Pagina 3 van 3" in html and "Volgende pagina" not in html


def test_results_and_ballots_only_after_closing(client, voting_round):
    assert client.get(url("results", voting_round)).status_code == 404
    assert client.get(url("ballots", voting_round)).status_code == 404


def test_the_proposer_is_asked_before_a_merge(
    client, ideas_round, resident, resident_factory, coordinator
):
    from participation.wijkbudget.services import proposal_request_merge, proposal_submit

    mine = proposal_submit(
        round=ideas_round, proposer=resident, title="A", description="a", estimated_cost_cents=100
    )
    other = proposal_submit(
        round=ideas_round,
        proposer=resident_factory(),
        title="B",
        description="b",
        estimated_cost_cents=100,
    )
    proposal_request_merge(proposal=mine, into=other, actor=coordinator, message="")
    client.force_login(resident)
    assert "Samenvoegen?" in client.get(url("proposal", ideas_round, mine.pk)).content.decode()
    client.post(url("answer_merge", ideas_round, mine.pk), {"antwoord": "nee"})
    mine.refresh_from_db()
    assert mine.status == Feasibility.INGEDIEND and mine.merge_requested_into is None


# Staff: the workspace under /beheer/wijkbudget/.


def ws(name, round=None, *args):
    return reverse(f"wijkbudget_workspace:{name}", args=[round.pk, *args] if round else [])


def test_residents_and_other_staff_cannot_use_the_workspace(client, voting_round, resident, broker):
    client.force_login(resident)
    assert client.get(ws("rounds")).status_code in (302, 403)
    client.force_login(broker)  # staff, but without the wijkbudget permissions
    # Wagtail's admin turns a refusal into a redirect to the dashboard with a message.
    assert client.get(ws("rounds")).status_code == 302
    assert client.post(ws("close", voting_round)).status_code == 302
    response = client.post(ws("codes", voting_round), {"count": 2, "language": "nl"})
    assert response.status_code == 302 and response.get("Content-Type") != "application/pdf"
    voting_round.refresh_from_db()
    assert voting_round.closed_at is None and not voting_round.codes.exists()


def test_a_coordinator_reviews_feasibility(client, review_round, resident, coordinator):
    proposal, other = (
        Proposal.objects.create(
            round=review_round,
            proposer=resident,
            title=title,
            description="x",
            estimated_cost_cents=100_000,
        )
        for title in ("Bankjes", "Glasbak")
    )
    client.force_login(coordinator)
    html = client.get(ws("round", review_round)).content.decode()
    assert "Bankjes" in html and "Haalbaar" in html
    client.post(ws("feasible", review_round, proposal.pk), {"final_cost": "1.250,50"})
    client.post(ws("infeasible", review_round, other.pk), {"reason": "Geen plek."})
    proposal.refresh_from_db()
    other.refresh_from_db()
    assert proposal.final_cost_cents == 125_050 and proposal.status == "haalbaar"
    assert other.status == "niet_haalbaar" and other.reason == "Geen plek."
    response = client.post(ws("infeasible", review_round, proposal.pk), {"reason": ""}, follow=True)
    assert "Schrijf op waarom" in response.content.decode()


def test_vote_code_letters_are_a_pdf(client, voting_round, coordinator):
    client.force_login(coordinator)
    response = client.post(ws("codes", voting_round), {"count": 3, "language": "nl-en"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert b"/Count 3" in response.content  # one A4 letter per code
    assert voting_round.codes.count() == 3


def test_paper_ballots_in_the_workspace(client, voting_round, coordinator, administrator):
    speeltuin = voting_round.plans[0]
    client.force_login(coordinator)
    response = client.post(
        ws("paper", voting_round), {"sheet": "5", "kies": [speeltuin.pk]}, follow=True
    )
    assert "collega" in response.content.decode() and not Ballot.objects.exists()
    client.force_login(administrator)
    client.post(ws("paper", voting_round), {"sheet": "5", "kies": [speeltuin.pk]})
    assert Ballot.objects.get().source == "papier"


def test_an_invalid_paper_ballot_is_refused_with_what_staff_should_do(
    client, voting_round, coordinator
):
    client.force_login(coordinator)
    over = [p.pk for p in voting_round.plans]  # € 11.000 on a € 10.000 budget
    response = client.post(ws("paper", voting_round), {"sheet": "6", "kies": over})
    page = response.content.decode()
    assert response.status_code == 400
    assert "goed heeft overgetypt" in page and "ongeldig" in page
    assert "meer dan het budget" in page
    assert 'value="6"' in page  # what was typed stays
    assert not Ballot.objects.exists()


def test_closing_from_the_workspace(client, voting_round, coordinator):
    client.force_login(coordinator)
    client.post(ws("close", voting_round), {"sure": "on"})
    voting_round.refresh_from_db()
    assert voting_round.closed_at is not None and voting_round.result is not None


def test_the_round_admin_is_for_coordinators(client, coordinator, resident):
    client.force_login(coordinator)
    assert client.get(reverse("wijkbudget_rounds:add")).status_code == 200
    client.force_login(resident)
    assert client.get(reverse("wijkbudget_rounds:add")).status_code in (302, 403)


def test_my_proposals_export_and_erase(ideas_round, resident):
    from participation.wijkbudget.account import (
        erase_user_budget,
        export_user_budget,
        my_proposals_section,
    )
    from participation.wijkbudget.services import proposal_submit

    proposal_submit(
        round=ideas_round,
        proposer=resident,
        title="Bankjes",
        description="x",
        estimated_cost_cents=100,
    )
    assert len(my_proposals_section(resident).items) == 1
    assert export_user_budget(resident)["proposals"][0]["title"] == "Bankjes"
    erase_user_budget(resident)
    assert Proposal.objects.get().proposer is None


def test_rounds_are_made_in_euros_in_the_admin(client, coordinator, moerwijk):
    from participation.wijkbudget.models import Round

    client.force_login(coordinator)
    data = {
        "title": "Ronde",
        "slug": "ronde-euro",
        "wijken": [moerwijk.pk],
        "budget": "12.500,50",
        "is_published": "on",
        "eligibility": "codes",
        "min_age": "16",
        "ballot_rule": "knapsack",
        "min_projects": "1",
        "min_share_percent": "0",
        "points_total": "10",
        "points_max_per_project": "5",
        "outcome_rule": "mes-cost",
        "completion": "add1",
        "score_threshold": "0",
    }
    response = client.post(reverse("wijkbudget_rounds:add"), {**data, "budget": "-5"})
    assert response.status_code == 200 and not Round.objects.exists()
    client.post(reverse("wijkbudget_rounds:add"), data)
    assert Round.objects.get().budget_cents == 1_250_050


def test_realisation_updates_with_a_photo_on_the_round_page(
    client, voting_round, resident_factory, coordinator
):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from participation.wijkbudget.feeds import recent_realisation_updates

    closed_round(voting_round, resident_factory, coordinator)
    voting_round.refresh_from_db()
    won = next(p for p in voting_round.result["projects"] if p["selected"])
    lost = [p for p in voting_round.result["projects"] if not p["selected"]]
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "JPEG")
    client.force_login(coordinator)
    client.post(
        ws("realisation", voting_round),
        {
            "proposal": won["id"],
            "text": "De schep gaat in de grond.",
            "photo": SimpleUploadedFile("a.jpg", buffer.getvalue()),
        },
    )
    if lost:
        response = client.post(
            ws("realisation", voting_round), {"proposal": lost[0]["id"], "text": "x"}, follow=True
        )
        assert (
            "Selecteer een geldige keuze" in response.content.decode()
            or "Alleen plannen" in response.content.decode()
        )
    html = client.get(url("round", voting_round)).content.decode()
    assert "De schep gaat in de grond." in html and "<img" in html
    [update] = recent_realisation_updates(wijk=voting_round.wijken.get())
    assert update.thumbnail


def test_a_closed_round_waiting_for_its_count_says_so(client, voting_round):
    from django.utils import timezone

    voting_round.closed_at = timezone.now()
    voting_round.save()
    html = client.get(url("round", voting_round)).content.decode()
    assert "Nu: Uitslag" in html and "We tellen nu de stemmen" in html


def test_the_demo_round_is_seeded_once(wijken):
    from demo.wijkbudget import seed_demo_round

    first = seed_demo_round()
    assert seed_demo_round() == first
    assert first.phase() == "stemmen" and first.proposals.on_ballot().count() == 5
    # The demo codes of the README work, once each, and seeding again adds none.
    from participation.wijkbudget.services import vote_code_find

    assert first.codes.count() == 5
    assert vote_code_find(round=first, text="demz-wkbd-2222").pk


@pytest.mark.parametrize("extra", [0, 12])
def test_round_and_workspace_queries_do_not_grow_with_proposals(
    client, voting_round, proposal_factory, coordinator, extra, django_assert_max_num_queries
):
    for _ in range(extra):
        proposal_factory(round=voting_round)
    with django_assert_max_num_queries(10):
        assert client.get(url("round", voting_round)).status_code == 200
    [code] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    enter_code(client, voting_round, code)
    with django_assert_max_num_queries(12):
        assert client.get(url("ballot", voting_round)).status_code == 200
    client.force_login(coordinator)
    with django_assert_max_num_queries(30):
        assert client.get(ws("round", voting_round)).status_code == 200


def test_cumulative_results_count_points_and_voters(
    client, voting_round, resident_factory, coordinator
):
    voting_round.ballot_rule = "cumulative"
    voting_round.outcome_rule = "mes-approval"
    voting_round.points_total = 5
    voting_round.points_max_per_project = 5
    voting_round.save()
    speeltuin, bankjes, _m = voting_round.plans
    for selection in [{speeltuin.pk: 5}, {speeltuin.pk: 2, bankjes.pk: 3}]:
        ballot_cast(round=voting_round, selection=selection, user=resident_factory())
    round_close(round=voting_round, actor=coordinator)
    html = client.get(url("results", voting_round)).content.decode()
    assert "7 punten van 2 stemmers" in html


def test_the_pages_work_in_english_too(client, voting_round, coordinator):
    assert client.get(f"/en/wijkbudget/{voting_round.slug}/").status_code == 200
    assert client.get(f"/en/wijkbudget/{voting_round.slug}/stemmen/").status_code == 200
    client.force_login(coordinator)
    html = client.get(reverse("wijkbudget_rounds:index")).content.decode()
    assert "€ 10.000,00" in html


def test_only_plain_digits_count_on_a_ballot(client, voting_round, coordinator):
    """'²' passes str.isdigit() but not int(); Arabic-Indic '١' was silently read as 1. Both
    are refused with the same message as a word, and the other points stay filled in."""
    plain_rule = voting_round.ballot_rule
    voting_round.ballot_rule = "cumulative"
    voting_round.save()
    speeltuin, bankjes, _m = voting_round.plans
    [code] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    enter_code(client, voting_round, code)
    for typed in ["²", "١", "٣", "-1", "99999999999999999999"]:
        response = client.post(
            url("ballot", voting_round),
            {f"punten-{speeltuin.pk}": typed, f"punten-{bankjes.pk}": "2", "actie": "controleren"},
        )
        assert response.status_code == 400, typed
        html = response.content.decode()
        assert "heel getal" in html, typed
        assert re.search(rf'name="punten-{bankjes.pk}"[^>]*value="2"', html), typed
    assert not Ballot.objects.exists()
    voting_round.ballot_rule = plain_rule
    voting_round.save()
    for choice in ["²", "١"]:
        data = {"kies": choice, "actie": "controleren"}
        response = client.post(url("ballot", voting_round), data)
        assert "staat niet op de lijst met plannen" in response.content.decode()
    assert not Ballot.objects.exists()
