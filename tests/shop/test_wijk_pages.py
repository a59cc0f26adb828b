"""A wijk page is one place per wijk: its development projects (timeline, status, documents,
map), what is coming up in the agenda, and the parts of the other modules. Its queries do not
grow with the number of projects, activities or initiatives."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from initiatives.factories import InitiativeFactory
from initiatives.workflow import Status
from participation.agenda.factories import ActivityFactory, in_days
from shop.models import ProjectPage, WijkPage
from shop.projects import ProjectDocument, ProjectStep, StepStatus

pytestmark = pytest.mark.django_db


def add_project(wijk_page, n: int) -> ProjectPage:
    project = ProjectPage(title=f"Nieuw plein {n}", slug=f"plein-{n}", summary="Een plein.")
    project.steps.add(ProjectStep(date=dt.date(2027, 1, 1), title="Ontwerp", status="bezig"))
    project.steps.add(ProjectStep(date=dt.date(2027, 6, 1), title="Aanleg"))
    wijk_page.add_child(instance=project)
    project.save_revision().publish()
    return project


def test_a_wijk_page_shows_its_projects_agenda_and_modules(client, page_tree, wijken):
    ActivityFactory(wijk=wijken["moerwijk"], title="Wijkforum Moerwijk")
    ActivityFactory(wijk=wijken["bouwlust"], title="Wijkforum Bouwlust")
    ActivityFactory(wijk=wijken["moerwijk"], title="Nog geheim", is_published=False)
    InitiativeFactory(
        wijk=wijken["moerwijk"],
        title="Moestuin Moerwijk",
        status=Status.INGEDIEND,
        publish_consent=True,
        reference="IN-2026-00901",
    )
    InitiativeFactory(wijk=wijken["moerwijk"], title="Nog een concept")
    from participation.inspraak.factories import PublishedProcessFactory
    from participation.wijkbudget.factories import ProposalFactory, RoundFactory
    from participation.wijkbudget.models import RealisationUpdate

    budget_round = RoundFactory(title="Wijkbudget Moerwijk 2027", wijken=[wijken["moerwijk"]])
    plan = ProposalFactory(round=budget_round, title="Bankjes bij de vijver")
    RealisationUpdate.objects.create(proposal=plan, text="De bankjes zijn besteld.")
    PublishedProcessFactory(title="Speelplek Moerwijk", wijken=[wijken["moerwijk"]])
    PublishedProcessFactory(title="Plein Bouwlust", wijken=[wijken["bouwlust"]])
    html = client.get("/wijken/moerwijk/").content.decode()
    assert "Wijkbudget Moerwijk 2027" in html and "De bankjes zijn besteld." in html
    assert "Speelplek Moerwijk" in html and "Plein Bouwlust" not in html
    assert "/terugkoppeling/moerwijk/" in html
    assert "Samenwerken Twickelstraat" in html  # demo project from the programme
    assert "Plan voor het gebouw" in html  # its current step
    assert "Wijkforum Moerwijk" in html
    assert "Wijkforum Bouwlust" not in html and "Nog geheim" not in html
    assert "Moestuin Moerwijk" in html and "Nog een concept" not in html
    assert "/initiatieven/?wijk=moerwijk" in html
    assert "/meldingen/wijk/moerwijk/" in html and "/wijkbudget/" in html
    assert "/agenda/moerwijk.ics" in html and "/agenda/?wijk=moerwijk" in html
    assert "wijk-project-markers" in html  # the map's data, for the enhancement
    english = client.get("/en/wijken/moerwijk/").content.decode()
    assert "Samenwerken Twickelstraat" in english  # the Dutch projects until translated


def test_a_project_page_has_a_timeline_documents_and_a_place(client, page_tree):
    project = ProjectPage.objects.get(slug="twickelstraat")
    document = Document.objects.create(
        title="Schetsontwerp", file=ContentFile(b"%PDF-1.4 test", name="schets.pdf")
    )
    ProjectDocument.objects.create(page=project, document=document, sort_order=0)
    html = client.get(project.url).content.decode()
    assert "Tijdlijn" in html and "Verkenning met bewoners en ondernemers" in html
    assert html.index("Verkenning met bewoners") < html.index("Bewonersavond over het ontwerp")
    assert "Nu bezig" in html and "Klaar" in html
    assert "Schetsontwerp" in html and "(PDF)" in html
    assert "Twickelstraat, Moerwijk-Oost" in html
    assert project.current_step().status == StepStatus.BEZIG


def test_a_wijk_page_costs_the_same_queries_with_few_or_many_rows(client, page_tree, wijken):
    wijk_page = WijkPage.objects.get(slug="bouwlust", locale__language_code="nl")
    client.get(wijk_page.url)  # warm caches (site root paths, session)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(wijk_page.url).status_code == 200
        return len(queries)

    from participation.inspraak.factories import PublishedProcessFactory
    from participation.wijkbudget.factories import ProposalFactory, RoundFactory
    from participation.wijkbudget.models import RealisationUpdate

    budget_round = RoundFactory(wijken=[wijken["bouwlust"]])
    few = count()
    for n in range(6):
        PublishedProcessFactory(wijken=[wijken["bouwlust"]])
        RealisationUpdate.objects.create(
            proposal=ProposalFactory(round=budget_round), text=f"Stap {n} is klaar."
        )
        add_project(wijk_page, n)
        ActivityFactory(wijk=wijken["bouwlust"], starts_at=in_days(n + 1))
        InitiativeFactory(
            wijk=wijken["bouwlust"],
            status=Status.INGEDIEND,
            publish_consent=True,
            reference=f"IN-2026-0095{n}",
        )
    many = count()
    assert many == few, f"{few} queries with one project, {many} with seven"
    assert "Nieuw plein 5" in client.get(wijk_page.url).content.decode()


def test_editors_can_add_a_project_only_below_a_wijk_page():
    assert ProjectPage.parent_page_types == ["shop.WijkPage"]
    assert "shop.ProjectPage" in WijkPage.subpage_types


def test_the_participatiewinkel_shows_what_is_coming_up(client, page_tree, wijken):
    ActivityFactory(wijk=wijken["vrederust"], title="Taalcafé Vrederust")
    ActivityFactory(wijk=wijken["vrederust"], title="Nog niet openbaar", is_published=False)
    html = client.get("/participatiewinkel/").content.decode()
    assert "Taalcafé Vrederust" in html and "Nog niet openbaar" not in html
    assert 'href="/agenda/"' in html
