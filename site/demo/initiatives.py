"""Demo initiatives for `seed_demo`: a fund per wijk, a few initiatives in different states (made
through the services, so their history, thread and fund bookings are real) and spreekuren next
week. Idempotent: a second run changes nothing. Content after chapter 2 of the programme
("Thuis en gekend": ontmoeting, taal, sport, groen en schoon)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.factories import BrokerFactory, ResidentFactory
from common.loaders import load_wijken
from common.models import Wijk
from initiatives.factories import InitiativeFactory
from initiatives.models import BrokerWijk, ConsultationHour, Fund, Initiative
from initiatives.services import (
    SpentLine,
    consultation_hour_create,
    initiative_complete,
    initiative_file_accountability,
    initiative_grant,
    initiative_refer,
    initiative_send_message,
    initiative_start,
    initiative_submit,
    initiative_support,
    initiative_take,
    initiative_volunteer,
)

BROKER_EMAIL = "makelaar@zuidwest.example"
RESIDENT_EMAIL = "bewoner@zuidwest.example"
FUND_CENTS = {
    "bouwlust": 2_500_000,
    "vrederust": 2_500_000,
    "morgenstond": 2_000_000,
    "moerwijk": 3_000_000,
    "zuiderpark": 1_000_000,
}
HOURS = [
    # wijk, place, address, days from next Monday, start hour
    ("moerwijk", "Buurthuis De Henneb", "Hengelolaan 1", 1, 14),
    ("bouwlust", "Bibliotheek Escamp", "Leyweg 813", 3, 10),
]


def _submitted(initiator, wijk, title, what_why, for_whom, theme, lines, **extra) -> Initiative:
    """A published initiative, written and submitted by `initiator` through the service."""
    draft = InitiativeFactory(
        initiator=initiator,
        wijk=wijk,
        title=title,
        what_why=what_why,
        for_whom=for_whom,
        theme=theme,
        lines=lines,
        publish_consent=True,
        **extra,
    )
    return initiative_submit(initiative=draft, actor=initiator)


def _granted_and_started(
    initiative, broker, cents: int, conditions: str, granted: str, started: str
):
    """Taken by the broker earlier; now granted `cents` with conditions, and carried out."""
    initiative_grant(
        initiative=initiative,
        actor=broker,
        amount_cents=cents,
        conditions=conditions,
        public_message=granted,
    )
    initiative_start(initiative=initiative, actor=broker, public_message=started)


@transaction.atomic
def seed_demo_initiatives() -> dict:
    """Returns what it made, for the command's output: {"funds": n, "initiatives": n, ...}."""
    if not Wijk.objects.exists():
        load_wijken()
    wijken = {w.slug: w for w in Wijk.objects.all()}
    year = timezone.localtime().year
    made = {"funds": 0, "initiatives": 0, "spreekuren": 0}
    for slug, cents in FUND_CENTS.items():
        if slug in wijken:
            _fund, created = Fund.objects.get_or_create(
                wijk=wijken[slug], year=year, defaults={"total_cents": cents}
            )
            made["funds"] += int(created)

    broker = BrokerFactory(email=BROKER_EMAIL, display_name="Sander (makelaar)")
    for wijk in wijken.values():
        BrokerWijk.objects.get_or_create(broker=broker, wijk=wijk)
    fatima = ResidentFactory(email=RESIDENT_EMAIL, display_name="Fatima")
    neighbours = [
        ResidentFactory(email=f"buur{n}@zuidwest.example", display_name=name)
        for n, name in enumerate(["Sem", "Nadia", "Kees"], start=1)
    ]

    if not Initiative.objects.filter(initiator=fatima, title="Moestuin op het Hengelolaanveldje"):
        made["initiatives"] += _seed_initiatives(wijken, broker, fatima, neighbours)
    made["spreekuren"] = _seed_hours(wijken, broker)
    return made


def _seed_initiatives(wijken, broker, fatima, neighbours) -> int:
    sem, nadia, kees = neighbours

    # 1. In conversation: a question in the thread, waiting for Fatima.
    tuin = _submitted(
        fatima,
        wijken["moerwijk"],
        "Moestuin op het Hengelolaanveldje",
        "Samen groente kweken op het veldje achter de school. Buren leren elkaar kennen en "
        "de kinderen zien hoe eten groeit.",
        "Alle buren, jong en oud, en de kinderen van de school.",
        "groen_en_schoon",
        [("Zaden en plantjes", 15_050), ("Gereedschap", 20_000), ("Regenton", 8_500)],
        place="Het veldje achter de Hengelolaan",
        when_text="Elke zaterdag vanaf april",
        lat=52.0545,
        lon=4.2873,
    )
    initiative_take(
        initiative=tuin,
        actor=broker,
        public_message="Dag Fatima, wat een mooi plan. Ik help u graag verder.",
    )
    initiative_send_message(
        initiative=tuin,
        author=broker,
        text="Heeft u al toestemming van de school of de gemeente voor het veldje?",
    )
    initiative_support(initiative=tuin, user=sem)
    initiative_volunteer(
        initiative=tuin,
        user=nadia,
        name="Nadia",
        email="buur2@zuidwest.example",
        message="Ik kan op zaterdag helpen met scheppen.",
        share_contact=True,
    )

    # 2. Just submitted, nobody has taken it yet: the broker's "nieuw" list.
    _submitted(
        kees,
        wijken["bouwlust"],
        "Taalcafé in de bibliotheek",
        "Elke week een uur Nederlands praten met buren, met koffie. Wie de taal leert, vindt "
        "makkelijker werk en praat mee op school.",
        "Buren die Nederlands willen oefenen, en vrijwilligers die willen helpen.",
        "taal_en_digitaal",
        [("Koffie en thee voor een jaar", 30_000), ("Lesmateriaal", 12_500)],
        place="Bibliotheek Escamp",
        when_text="Elke woensdagmiddag",
        help_needed=["geld", "ruimte", "vrijwilligers"],
    )

    # 3. Granted in part, being carried out.
    feest = _submitted(
        nadia,
        wijken["morgenstond"],
        "Zomerfeest op het plein",
        "Een middag met muziek, eten uit alle landen van de buurt en spelletjes voor kinderen.",
        "Iedereen uit Morgenstond.",
        "ontmoeting",
        [("Geluid en podium", 60_000), ("Springkussen", 25_000), ("Eten", 40_000)],
        place="Het plein bij het winkelcentrum",
        when_text="Zaterdag eind juni",
        lat=52.0468,
        lon=4.2745,
    )
    initiative_take(initiative=feest, actor=broker, public_message="Leuk! Ik bel u deze week.")
    _granted_and_started(
        feest,
        broker,
        100_000,
        "Bewaar de bonnetjes. Het springkussen betaalt de school.",
        granted="U krijgt € 1.000 voor het feest. Veel plezier!",
        started="De voorwaarden zijn rond. Succes!",
    )
    for neighbour in (sem, fatima):
        initiative_support(initiative=feest, user=neighbour)

    # 4. Completed, with the accountability confirmed.
    voetbal = _submitted(
        sem,
        wijken["zuiderpark"],
        "Meidenvoetbal in het Zuiderpark",
        "Twee keer per week voetballen voor meiden van 10 tot 16, met een vaste trainster.",
        "Meiden uit Zuidwest.",
        "sport_en_bewegen",
        [("Ballen en hesjes", 18_000), ("Trainster", 60_000)],
        place="Veld 3 in het Zuiderpark",
        when_text="Dinsdag en donderdag na school",
        lat=52.0552,
        lon=4.2805,
    )
    initiative_take(initiative=voetbal, actor=broker, public_message="Sterk plan. Ik help mee.")
    _granted_and_started(
        voetbal,
        broker,
        78_000,
        "Stuur na afloop een korte verantwoording met een foto.",
        granted="Toegekend, het hele bedrag.",
        started="Succes met de training!",
    )
    lines = list(voetbal.budget_lines.all())
    initiative_file_accountability(
        initiative=voetbal,
        actor=sem,
        what_happened="Twintig meiden trainden een half jaar mee. In juni was er een toernooi.",
        participants=20,
        lines=[
            SpentLine(line.pk, line.description, line.amount_cents, line.amount_cents - 2_000)
            for line in lines
        ],
    )
    initiative_complete(
        initiative=voetbal, actor=broker, public_message="Dank u wel, wat mooi gedaan!"
    )

    # 5. Referred to another fund.
    schoon = _submitted(
        fatima,
        wijken["vrederust"],
        "Opschoondag met de hele straat",
        "Eén zaterdag per maand ruimen we samen zwerfafval op, met grijpers en vuilniszakken.",
        "Iedereen uit de straat.",
        "groen_en_schoon",
        [("Grijpers en zakken", 9_500)],
    )
    initiative_take(initiative=schoon, actor=broker, public_message="Goed idee!")
    initiative_refer(
        initiative=schoon,
        actor=broker,
        organisation="Haagse Milieu Services (HMS): gratis grijpers en zakken",
        url="https://www.denhaag.nl/nl/afval/",
        public_message="HMS leent grijpers en zakken gratis uit. Daar kunt u het beste terecht.",
    )
    # 6. A draft Fatima has not finished.
    InitiativeFactory(
        initiator=fatima,
        wijk=wijken["moerwijk"],
        title="Computerles voor ouderen",
        what_why="Ouderen leren mailen, videobellen en DigiD gebruiken, met hulp van scholieren.",
        for_whom="Ouderen uit Moerwijk.",
        place="",
        when_text="",
        draft_step=2,
        theme="taal_en_digitaal",
        lines=[],
    )
    return 6


def _seed_hours(wijken, broker) -> int:
    """Spreekuren next week, unless the broker already has some coming."""
    if ConsultationHour.objects.upcoming().filter(broker=broker).exists():
        return 0
    today = timezone.localdate()
    monday = today + dt.timedelta(days=7 - today.weekday())
    tz = timezone.get_current_timezone()
    count = 0
    for slug, place, address, offset, start in HOURS:
        day = monday + dt.timedelta(days=offset)
        consultation_hour_create(
            broker=broker,
            wijk=wijken.get(slug),
            place=place,
            address=address,
            starts_at=dt.datetime.combine(day, dt.time(start, 0), tzinfo=tz),
            ends_at=dt.datetime.combine(day, dt.time(start + 2, 0), tzinfo=tz),
            slot_minutes=20,
            note="Loop binnen of maak een afspraak. U kunt ook bellen: 14 070.",
        )
        count += 1
    return count
