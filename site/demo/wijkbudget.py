"""A small demo round for the demo data, from the programme's wish for wijkbudgetten in
Moerwijk. Idempotent: `seed_demo_round()` returns the existing round when it is there.
The seed_demo command calls it."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from common.models import Wijk
from participation.wijkbudget.models import Proposal, ProposalEvent, Round
from participation.wijkbudget.workflow import Actor, Feasibility

SLUG = "moerwijk-2027"
PLANS = [
    (
        "Bankjes en schaduw op het Moerwijkplein",
        "Zes bankjes en twee bomen, zodat ouderen kunnen uitrusten.",
        1_800_000,
    ),
    (
        "Taalcafé in de bibliotheek",
        "Elke week een avond Nederlands oefenen met buren, met koffie.",
        600_000,
    ),
    (
        "Speelplek Zuiderpark-west opknappen",
        "Nieuwe klimtoestellen en een zandbak voor jonge kinderen.",
        2_500_000,
    ),
    (
        "Buurtmoestuin Hengelolaan",
        "Twintig bakken voor groente en kruiden, met een waterpunt.",
        900_000,
    ),
    (
        "Betere verlichting in het steegje",
        "Ledlampen in de donkere doorgang naar de tramhalte.",
        700_000,
    ),
]


def seed_demo_round() -> Round:
    existing = Round.objects.filter(slug=SLUG).first()
    if existing:
        _demo_codes(existing)
        return existing
    now = timezone.now()
    with transaction.atomic():
        round = Round.objects.create(
            title="Wijkbudget Moerwijk 2027",
            slug=SLUG,
            intro=(
                "Moerwijk heeft € 50.000 voor plannen van bewoners. Stem op de plannen die u het "
                "belangrijkst vindt; de Methode van Gelijke Delen zorgt dat de hele wijk iets "
                "krijgt."
            ),
            budget_cents=5_000_000,
            ideas_open_at=now - timedelta(days=60),
            review_starts_at=now - timedelta(days=30),
            voting_starts_at=now - timedelta(days=1),
            voting_ends_at=now + timedelta(days=20),
            realisation_starts_at=now + timedelta(days=60),
        )
        round.wijken.set(Wijk.objects.filter(slug__in=["moerwijk"]) or Wijk.objects.all()[:1])
        for title, text, cents in PLANS:
            proposal = Proposal.objects.create(
                round=round,
                title=title,
                description=text,
                estimated_cost_cents=cents,
                final_cost_cents=cents,
                status=Feasibility.HAALBAAR,
                created_at=now - timedelta(days=45),
            )
            ProposalEvent.objects.create(
                proposal=proposal,
                to_status=Feasibility.HAALBAAR,
                from_status=Feasibility.INGEDIEND,
                public_message="Dit plan kan. Het staat op het stembiljet.",
                actor_kind=Actor.STAFF,
                # Answered during the feasibility review, before voting started.
                created_at=now - timedelta(days=20),
            )
    _demo_codes(round)
    return round


DEMO_CODES = [f"DEMZWKBD222{n}" for n in range(2, 7)]  # DEMZ-WKBD-2222 … DEMZ-WKBD-2226


def _demo_codes(round: Round) -> None:
    """Known vote codes for the demo (seed_demo runs only with DEBUG), so a visitor can vote
    without printing letters; real codes are random and shown once."""
    from participation.wijkbudget.models import VoteCode
    from participation.wijkbudget.services.voting import hash_code

    for code in DEMO_CODES:
        VoteCode.objects.get_or_create(round=round, code_hash=hash_code(round, code))
