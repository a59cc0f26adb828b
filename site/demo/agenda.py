"""Demo content for the agenda and the wijk pages: activities in the coming weeks (dates relative
to today, so the demo never runs dry) and development projects from the programme document
('Concept Programma Zuidwest', 18 November 2021). Both loaders are idempotent."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from common.models import Wijk
from participation.agenda.models import Activity, ActivityType
from shop.models import WijkPage
from shop.projects import ProjectPage, ProjectStatus, ProjectStep, StepStatus

# (days from today, start, end, type, wijk, title, place, address, capacity, audience, text)
ACTIVITIES = [
    (
        2,
        "10:00",
        "12:00",
        ActivityType.INLOOP,
        "moerwijk",
        "Inloop in de participatiewinkel",
        "Participatiewinkel Moerwijk",
        "Hengelolaan 1",
        None,
        "",
        "Loop binnen met een vraag, een idee of een zorg over de wijk. Er staat koffie klaar. "
        "U hoeft zich niet aan te melden.",
    ),
    (
        3,
        "19:00",
        "21:00",
        ActivityType.WIJKFORUM,
        "bouwlust",
        "Wijkforum Bouwlust",
        "Wijkcentrum De Dreef",
        "Dedemsvaartweg 98",
        60,
        "",
        "Bewoners, de gemeente en Staedion praten over de vernieuwing van de Dreven, Gaarden en "
        "Zichten. Wat gaat er gebeuren in uw straat, en wat vindt u belangrijk?",
    ),
    (
        4,
        "14:00",
        "16:00",
        ActivityType.TAALCAFE,
        "vrederust",
        "Taal- en digitaal café",
        "Bibliotheek Escamp",
        "Leyweg 813",
        12,
        "nieuwkomers",
        "Oefen Nederlands praten en leer werken met DigiD, e-mail en de website van de gemeente. "
        "Vrijwilligers helpen u op uw eigen tempo.",
    ),
    (
        6,
        "15:30",
        "17:30",
        ActivityType.ONTWERPSESSIE,
        "moerwijk",
        "Ontwerpsessie: het schoolplein van de Twickelstraat",
        "Voormalig schoolgebouw Twickelstraat",
        "Twickelstraat",
        20,
        "jeugd",
        "Kinderen en ouders tekenen mee aan het plein bij het oude schoolgebouw. Wat moet er "
        "komen: groen, een voetbalveldje, bankjes? Neem uw ideeën mee.",
    ),
    (
        8,
        "09:30",
        "11:00",
        ActivityType.ADVIES,
        "morgenstond",
        "Advies: zelf iets organiseren",
        "Participatiewinkel op de Leyweg",
        "Leyweg 920",
        6,
        "",
        "Wilt u een buurtfeest, een moestuin of een cursus opzetten? De participatiewinkel helpt "
        "u kiezen hoe u buren erbij betrekt, en welke steun er is.",
    ),
    (
        9,
        "13:00",
        "15:00",
        ActivityType.SPREEKUUR,
        "zuiderpark",
        "Spreekuur wijkagent en gemeente",
        "Sportcampus Zuiderpark",
        "Mr. P. Droogleever Fortuynweg 30",
        None,
        "",
        "Vragen over veiligheid, overlast of de buitenruimte? De wijkagent en een medewerker van "
        "de gemeente zijn er voor u.",
    ),
    (
        12,
        "19:30",
        "21:30",
        ActivityType.WORKSHOP,
        "morgenstond",
        "Workshop: plannen voor het wijkbudget",
        "Buurthuis Morgenstond",
        "Melis Stokelaan 1500",
        25,
        "",
        "Heeft u een idee voor het wijkbudget? In deze workshop maakt u er een goed plan van, "
        "met een begroting. Daarna kunt u het indienen.",
    ),
    (
        15,
        "10:00",
        "12:00",
        ActivityType.INLOOP,
        "vrederust",
        "Koffie-inloop voor ouderen",
        "Wijkcentrum Vrederust",
        "Hoge Veld 10",
        None,
        "ouderen",
        "Een kop koffie, een praatje en hulp bij vragen over wonen, zorg en geld. Iedereen van "
        "65 jaar en ouder is welkom.",
    ),
]

# (wijk, slug, title, status, location, lat, lon, summary, steps)
PROJECTS = [
    (
        "moerwijk",
        "twickelstraat",
        "Samenwerken Twickelstraat",
        ProjectStatus.PLAN,
        "Twickelstraat, Moerwijk-Oost",
        52.05410,
        4.29310,
        "In Moerwijk-Oost staat een oud schoolgebouw van de gemeente. Een deel wordt een "
        "verzamelgebouw voor kleine bedrijven uit de wijk, zodat er werk dichtbij komt.",
        [
            (-120, "Verkenning met bewoners en ondernemers", StepStatus.KLAAR),
            (-10, "Plan voor het gebouw", StepStatus.BEZIG),
            (90, "Bewonersavond over het ontwerp", StepStatus.GEPLAND),
            (300, "Verbouwing", StepStatus.GEPLAND),
        ],
    ),
    (
        "bouwlust",
        "dreven-gaarden-zichten",
        "Dreven, Gaarden en Zichten",
        ProjectStatus.UITVOERING,
        "De Dreven, Gaarden en Zichten",
        52.04170,
        4.25310,
        "De gemeente en Staedion vernieuwen samen de buurten rond de Dreven, Gaarden en Zichten: "
        "betere woningen, meer groen en een nieuw hart voor de buurt.",
        [
            (-400, "Gebiedsvisie vastgesteld", StepStatus.KLAAR),
            (-60, "Eerste woningen gerenoveerd", StepStatus.BEZIG),
            (150, "Ontwerp van het buurtplein", StepStatus.GEPLAND),
        ],
    ),
    (
        "vrederust",
        "inzicht-ruimzicht",
        "Inzicht: werken in Ruimzicht",
        ProjectStatus.IDEE,
        "Ruimzicht",
        52.03720,
        4.26020,
        "Met Staedion onderzoekt de gemeente of twee bedrijvenstrips in De Zichten een modern hart "
        "voor de buurt kunnen worden, met ruimte voor kleine, lokale bedrijven.",
        [
            (-30, "Onderzoek naar de gebouwen", StepStatus.BEZIG),
            (120, "Besluit over de plannen", StepStatus.GEPLAND),
        ],
    ),
    (
        "morgenstond",
        "winkelcentrum-leyweg",
        "Winkelcentrum Leyweg",
        ProjectStatus.PLAN,
        "Winkelcentrum Leyweg",
        52.04560,
        4.27080,
        "Eigenaren en de gemeente maken het winkelgebied aan de Leyweg compacter en prettiger, met "
        "ruimte voor cultuur, zorg, sport en onderwijs.",
        [
            (-200, "Afspraken met de eigenaren", StepStatus.KLAAR),
            (-20, "Plan voor de openbare ruimte", StepStatus.BEZIG),
            (200, "Start van de werkzaamheden", StepStatus.GEPLAND),
        ],
    ),
    (
        "zuiderpark",
        "sportcampus-zuiderpark",
        "Sportcampus Zuiderpark beter bereikbaar",
        ProjectStatus.PLAN,
        "Sportcampus Zuiderpark",
        52.05780,
        4.28190,
        "De nieuwe sportaccommodatie in het Zuiderpark wordt beter verbonden met de wijken van "
        "Zuidwest: veilige fiets- en wandelroutes en activiteiten voor de buurt.",
        [
            (-90, "Inventarisatie van de routes", StepStatus.KLAAR),
            (60, "Wandeling met bewoners langs de routes", StepStatus.GEPLAND),
        ],
    ),
]


def _at(day: dt.date, clock: str) -> dt.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@transaction.atomic
def load_demo_activities(*, today: dt.date | None = None) -> int:
    """Create the demo activities once (skipped when any activity exists). Returns how many."""
    if Activity.objects.exists():
        return 0
    today = today or timezone.localdate()
    wijken = {w.slug: w for w in Wijk.objects.all()}
    created = 0
    for days, start, end, kind, slug, title, place, address, capacity, audience, text in ACTIVITIES:
        if slug not in wijken:
            continue
        day = today + dt.timedelta(days=days)
        Activity.objects.create(
            type=kind,
            title=title,
            description=text,
            wijk=wijken[slug],
            place=place,
            address=address,
            starts_at=_at(day, start),
            ends_at=_at(day, end),
            capacity=capacity,
            registration_open=kind != ActivityType.INLOOP,
            organiser="Participatiewinkel Zuidwest",
            audience=audience,
            is_published=True,
        )
        created += 1
    return created


def load_demo_projects(*, today: dt.date | None = None) -> int:
    """One or two projects below each Dutch wijk page; pages that exist are left alone."""
    today = today or timezone.localdate()
    created = 0
    for slug, page_slug, title, status, location, lat, lon, summary, steps in PROJECTS:
        wijk_page = WijkPage.objects.filter(wijk__slug=slug, locale__language_code="nl").first()
        if wijk_page is None or ProjectPage.objects.child_of(wijk_page).filter(slug=page_slug):
            continue
        project = ProjectPage(
            title=title,
            slug=page_slug,
            summary=summary,
            status=status,
            location_name=location,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
        )
        for offset, step_title, step_status in steps:
            project.steps.add(
                ProjectStep(
                    date=today + dt.timedelta(days=offset), title=step_title, status=step_status
                )
            )
        wijk_page.add_child(instance=project)
        project.save_revision().publish()
        created += 1
    return created
