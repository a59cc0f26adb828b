"""A round imported from a pabulib file stays off the site until a coordinator publishes it, on a
page that says what will happen; once published it says on every page that its votes come from
elsewhere, and it never counts as Zuidwest's (ledger, wijk pages, site search)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from common.feedback.ledger.models import LedgerEntry
from common.search import search_everything
from participation.wijkbudget.factories import ProposalFactory, RoundFactory
from participation.wijkbudget.ledger import counted_rounds, counts
from participation.wijkbudget.models import Ballot, Round
from participation.wijkbudget.services import BudgetError, round_close, round_publish
from participation.wijkbudget.wijk import wijk_part
from participation.wijkbudget.workflow import Feasibility

pytestmark = pytest.mark.django_db

PB = """META
key;value
country;Netherlands
unit;Assen
instance;2024
num_projects;2
num_votes;3
budget;1000
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;name;selected
p7;600;Speeltuin Assen;1
p9;300;Bankjes Assen;1
VOTES
voter_id;vote;age;sex;neighborhood
a;p7;34;F;Kloosterveen
b;p7,p9;71;M;Marsdijk
c;p9;16;F;Kloosterveen
"""


@pytest.fixture
def imported(tmp_path, wijken):
    source = tmp_path / "assen.pb"
    source.write_text(PB, encoding="utf-8")
    out = io.StringIO()
    call_command("pb_import", str(source), "--slug", "assen", stdout=out)
    assert "not published" in out.getvalue()
    return Round.objects.get(slug="assen")


def ws(name, round):
    return reverse(f"wijkbudget_workspace:{name}", args=[round.pk])


def test_an_imported_round_keeps_the_file_but_is_not_on_the_site(client, imported):
    assert imported.is_imported and not imported.is_published
    assert imported.imported_from() == "Assen, Netherlands"
    assert sorted(imported.proposals.values_list("pabulib__project_id", flat=True)) == [
        "p7",
        "p9",
    ]
    kept = sorted(b.pabulib for b in imported.ballots.all())
    assert kept == [
        [1, "a", "34", "F", "Kloosterveen"],
        [2, "b", "71", "M", "Marsdijk"],
        [3, "c", "16", "F", "Kloosterveen"],
    ]
    assert set(imported.ballots.values_list("source", flat=True)) == {Ballot.Source.IMPORT}

    assert "Speeltuin Assen" not in client.get(reverse("participation:wijkbudget")).text
    assert "Assen" not in client.get(reverse("participation:wijkbudget")).text
    assert client.get(reverse("participation:round", args=["assen"])).status_code == 404
    assert not any(
        hit.title == "Speeltuin Assen"
        for _kind, hits, _n in search_everything("Speeltuin", 10)
        for hit in hits
    )


def test_a_coordinator_publishes_a_counted_import_after_reading_what_happens(
    client, imported, coordinator, moerwijk, django_capture_on_commit_callbacks
):
    own = RoundFactory(wijken=[moerwijk], slug="eigen")
    ProposalFactory(
        round=own, title="Speeltuin Moerwijk", status=Feasibility.HAALBAAR, final_cost_cents=1
    )
    before = counts()
    # The vote of an imported round is still open: publishing now would let residents vote.
    client.force_login(coordinator)
    html = client.get(ws("round", imported)).text
    assert "Deze ronde staat niet op de site" in html
    assert f'href="{ws("publish", imported)}"' in html
    html = client.get(ws("publish", imported)).text
    assert "Sluit eerst het stemmen van deze ronde" in html and 'name="sure"' not in html
    client.post(ws("publish", imported), {"sure": "on"})
    imported.refresh_from_db()
    assert not imported.is_published

    with django_capture_on_commit_callbacks(execute=True):
        round_close(round=imported, actor=coordinator)
    response = client.get(ws("publish", imported))
    html = response.text
    assert response.status_code == 200
    assert "met 2 plannen" in html
    assert "een echte stemming in Assen, Netherlands" in html
    assert "geen stemmen van bewoners van Zuidwest" in html
    assert 'name="sure"' in html
    imported.refresh_from_db()
    assert not imported.is_published  # a GET changes nothing

    assert client.post(ws("publish", imported), {}).status_code == 400  # no tick
    imported.refresh_from_db()
    assert not imported.is_published

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ws("publish", imported), {"sure": "on"})
    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.is_published

    # On the site, and labelled on every page: these are not Zuidwest's votes.
    index = client.get(reverse("participation:wijkbudget")).text
    assert "Voorbeeld: een stemming in Assen, Netherlands, niet in Zuidwest" in index
    for name in ("round", "results", "ballots"):
        html = client.get(reverse(f"participation:{name}", args=["assen"])).text
        assert "Het zijn geen stemmen van bewoners van Zuidwest." in html
        assert "Marsdijk" not in html  # the voters' columns stay in the database
    results = client.get(reverse("participation:results", args=["assen"])).text
    assert "3 kiezers in Assen, Netherlands stemden" in results
    assert "bewoners stemden" not in results

    # Never counted as Zuidwest's: ledger, wijk pages, site search.
    assert imported not in counted_rounds()
    assert not LedgerEntry.objects.filter(object_id=imported.pk, source="wijkbudget").exists()
    assert counts() == before
    assert wijk_part(moerwijk)["budget_round"] == own
    titles = [h.title for _k, hits, _n in search_everything("Speeltuin", 10) for h in hits]
    assert "Speeltuin Moerwijk" in titles and "Speeltuin Assen" not in titles

    assert "Deze ronde staat al op de site" in client.get(ws("publish", imported)).text


@pytest.mark.parametrize("role", ["resident", "broker", "handler"])
def test_only_a_coordinator_may_publish(client, imported, coordinator, every_role, role):
    round_close(round=imported, actor=coordinator)
    client.force_login(every_role()[role])
    # Wagtail sends who may not enter the admin back to its login (302); others get a 403.
    response = client.get(ws("publish", imported))
    assert response.status_code in (302, 403) and "Wat er gaat gebeuren" not in response.text
    assert client.post(ws("publish", imported), {"sure": "on"}).status_code in (302, 403)
    imported.refresh_from_db()
    assert not imported.is_published


def test_publishing_twice_is_refused(imported, coordinator):
    round_close(round=imported, actor=coordinator)
    round_publish(round=imported, actor=coordinator)
    with pytest.raises(BudgetError, match="al op de site"):
        round_publish(round=imported, actor=coordinator)
