import pytest
from pytest_factoryboy import register

from initiatives.factories import BrokerWijkFactory, FundFactory, InitiativeFactory

register(InitiativeFactory)
register(FundFactory)
register(BrokerWijkFactory)


@pytest.fixture
def wijk_broker(broker_factory, moerwijk):
    """A broker who covers Moerwijk."""
    from initiatives.models import BrokerWijk

    user = broker_factory()
    BrokerWijk.objects.create(broker=user, wijk=moerwijk)
    return user


@pytest.fixture
def fund(moerwijk):
    from initiatives.factories import FundFactory

    return FundFactory(wijk=moerwijk, total_cents=100_000)  # € 1.000


@pytest.fixture
def submit(moerwijk):
    """Submit a ready draft in Moerwijk; returns the fresh initiative."""
    from initiatives.factories import InitiativeFactory
    from initiatives.services import initiative_submit

    def _submit(**kwargs):
        kwargs.setdefault("wijk", moerwijk)
        initiative = InitiativeFactory(**kwargs)
        return initiative_submit(initiative=initiative, actor=initiative.initiator)

    return _submit


@pytest.fixture
def taken(submit, wijk_broker):
    """An initiative a broker has taken (in gesprek)."""
    from initiatives.services import initiative_take

    def _taken(**kwargs):
        initiative = submit(**kwargs)
        return initiative_take(
            initiative=initiative, actor=wijk_broker, public_message="Dag! Ik ben uw makelaar."
        )

    return _taken


@pytest.fixture
def grant(wijk_broker):
    """Grant an amount to an initiative, by its broker unless another actor is given."""
    from initiatives.services import initiative_grant

    def _grant(initiative, amount_cents, *, actor=None, conditions="", public_message="Ja"):
        return initiative_grant(
            initiative=initiative,
            actor=actor or wijk_broker,
            amount_cents=amount_cents,
            conditions=conditions,
            public_message=public_message,
        )

    return _grant


@pytest.fixture
def started(taken, grant, wijk_broker, fund):
    """An initiative granted € 500 from the Moerwijk fund and started (in uitvoering)."""
    from initiatives.services import initiative_start

    def _started(**kwargs):
        initiative = taken(**kwargs)
        grant(initiative, 50_000)
        initiative_start(initiative=initiative, actor=wijk_broker, public_message="Start maar")
        return initiative

    return _started


@pytest.fixture
def file_accountability():
    """The initiator reports what happened and spends `spent_cents` on every budget line."""
    from initiatives.services import SpentLine, initiative_file_accountability

    def _file(initiative, *, spent_cents: int, what_happened: str, participants: int):
        return initiative_file_accountability(
            initiative=initiative,
            actor=initiative.initiator,
            what_happened=what_happened,
            participants=participants,
            lines=[
                SpentLine(x.pk, x.description, x.amount_cents, spent_cents)
                for x in initiative.budget_lines.all()
            ],
        )

    return _file


@pytest.fixture
def hour(wijk_broker, moerwijk):
    """A spreekuur next week, 14:00 to 15:00 in appointments of 20 minutes, in Moerwijk."""
    from initiatives.services import consultation_hour_create
    from tests.initiatives.hours import next_week

    return consultation_hour_create(
        broker=wijk_broker,
        wijk=moerwijk,
        place="Buurthuis De Henneb",
        address="Hengelolaan 1",
        starts_at=next_week(14),
        ends_at=next_week(15),
        slot_minutes=20,
    )
