"""Demo processes drawn from the programme (Concept Programma Zuidwest): the Leyweg shopping
centre, the skate park in the Zuiderpark, the Dreven/Gaarden/Zichten area. Idempotent; run after
seed_demo. Two of them clash (same wijk, same people, same weeks) so the publish step's warning
can be seen; one is past its follow-up date without a report."""

import datetime as dt

from django.utils import timezone

from common.models import Afdeling, Wijk
from demo.seeding import DemoCommand
from participation.inspraak.models import Phase, Process, Status

DAY = dt.timedelta(days=1)


def _processes(today: dt.date) -> list[dict]:
    return [
        {
            "slug": "winkelcentrum-leyweg",
            "title": "Winkelcentrum Leyweg: meer dan winkelen",
            "summary": (
                "Het winkelcentrum Leyweg wordt compacter en krijgt meer functies: sport, "
                "cultuur, zorg en onderwijs. Wat mist u nu aan de Leyweg?"
            ),
            "question": "Wat zou u aan de Leyweg willen doen, behalve winkelen?",
            "wijken": ["bouwlust", "vrederust"],
            "audience": ["iedereen"],
            "afdeling": "programmabureau",
            "influence": "raadplegen",
            "influence_note": (
                "Dat het winkelgebied kleiner wordt, ligt vast. Wat er bij komt, nog niet."
            ),
            "starts_on": today - 5 * DAY,
            "ends_on": today + 30 * DAY,
            "followup_due": today + 75 * DAY,
            "status": Status.GEPUBLICEERD,
            "phases": [
                ("Ideeën ophalen", today - 5 * DAY, today + 30 * DAY),
                ("Keuzes maken met eigenaren", today + 31 * DAY, today + 70 * DAY),
            ],
        },
        {
            "slug": "skatebaan-zuiderpark",
            "title": "Een nieuwe skatebaan in het Zuiderpark",
            "summary": "De skateplaats in het Zuiderpark wordt vernieuwd. Ontwerp mee.",
            "question": "Wat moet er op de nieuwe skatebaan komen?",
            "wijken": ["zuiderpark", "moerwijk"],
            "audience": ["jeugd"],
            "afdeling": "stadsbeheer-openbare-ruimte",
            "influence": "coproduceren",
            "influence_note": "De plek en het budget liggen vast. Het ontwerp maken we samen.",
            "starts_on": today + 10 * DAY,
            "ends_on": today + 40 * DAY,
            "followup_due": today + 70 * DAY,
            "status": Status.CONCEPT,
            "phases": [("Ontwerpsessies met skaters", today + 10 * DAY, today + 40 * DAY)],
        },
        {
            "slug": "jongeren-moerwijk-ontmoeten",
            "title": "Waar ontmoeten jongeren elkaar in Moerwijk?",
            "summary": "Er zijn te weinig plekken voor jongeren die na 5 uur open zijn.",
            "wijken": ["moerwijk"],
            "audience": ["jeugd"],
            "afdeling": "participatiewinkel",
            "influence": "adviseren",
            "starts_on": today + 15 * DAY,
            "ends_on": today + 45 * DAY,
            "followup_due": today + 80 * DAY,
            "status": Status.GEPUBLICEERD,
            "phases": [],
        },
        {
            "slug": "dreven-gaarden-zichten",
            "title": "Een hart voor De Zichten",
            "summary": (
                "Twee bedrijvenstrips in De Zichten kunnen een nieuw hart voor de buurt worden, "
                "met ruimte voor kleine bedrijven. Wat vindt u?"
            ),
            "wijken": ["morgenstond"],
            "audience": ["iedereen", "ondernemers"],
            "afdeling": "programmabureau",
            "influence": "adviseren",
            "starts_on": today - 90 * DAY,
            "ends_on": today - 45 * DAY,
            "followup_due": today - 5 * DAY,
            "status": Status.GEPUBLICEERD,
            "phases": [("Enquête aan de deur", today - 90 * DAY, today - 45 * DAY)],
        },
    ]


class Command(DemoCommand):
    help = "Create demo participation processes (idempotent)."

    refusal = "seed_processes makes demo content: only with DEBUG on."

    def seed(self) -> None:
        today = timezone.localdate()
        for data in _processes(today):
            data = dict(data)
            wijken = list(Wijk.objects.filter(slug__in=data.pop("wijken")))
            phases = data.pop("phases")
            data["afdeling"] = Afdeling.objects.get(slug=data["afdeling"])
            if data["status"] == Status.GEPUBLICEERD:
                data["published_at"] = timezone.now()
            process, _created = Process.objects.update_or_create(
                slug=data.pop("slug"), defaults=data
            )
            process.wijken.set(wijken)
            process.phases.all().delete()
            for order, (title, start, end) in enumerate(phases):
                Phase.objects.create(
                    process=process, title=title, starts_on=start, ends_on=end, sort_order=order
                )
        self.stdout.write(f"{len(_processes(today))} demo processes ready.")
