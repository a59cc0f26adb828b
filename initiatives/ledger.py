"""Initiatives in the follow-up ledger (common/feedback/ledger): every status change
(services/base.py `move`) and publication choice pushes the entry. Entries are published
initiatives (the initiator agreed) with a decision — granted (with the amount), referred
elsewhere (with the organisation), in progress or completed (with the confirmed accountability).
Declined initiatives are not public, so they are counted but not listed. The message a broker
wrote to the initiator is private and never shown here."""

from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, gettext_noop

from common.feedback import ledger, texts

from .models import Initiative, InitiativeEvent
from .models.initiative import DECISION, overdue_q
from .workflow import Status

KEY = "initiatieven"
DECIDED = [Status.TOEGEKEND, Status.DOORVERWEZEN, Status.IN_UITVOERING, Status.AFGEROND]


def counts(wijk=None) -> ledger.Counts:
    """Answered is decided (initiatives/models/initiative.py DECISION); late is late on either
    promise, as in the brokers' "te laat" list."""
    now = timezone.now()
    initiatives = Initiative.objects.submitted()
    if wijk is not None:
        initiatives = initiatives.in_wijk(wijk)
    figures = {**DECISION.counts(now), "overdue": Count("pk", filter=overdue_q(now))}
    return ledger.Counts(**initiatives.order_by().aggregate(**figures))


def answered_queryset():
    referrals = InitiativeEvent.objects.filter(
        kind=InitiativeEvent.Kind.STATUS, to_status=Status.DOORVERWEZEN
    ).order_by("-created_at")
    return (
        Initiative.objects.public()
        .filter(status__in=DECIDED, decided_at__isnull=False)
        .select_related("wijk", "grant", "accountability")
        .prefetch_related(Prefetch("events", queryset=referrals, to_attr="referrals"))
        .order_by("pk")
    )


def answer_text(initiative: Initiative) -> list:
    """What we did, as parts (common/feedback/texts.py): worded for each reader."""
    parts = [texts.msg(str(initiative.public_label))]
    grant = getattr(initiative, "grant", None)
    if grant is not None and grant.released_at is None and grant.amount_cents:
        parts.append(
            texts.msg(
                gettext_noop("Toegekend bedrag: %(amount)s."),
                amount=texts.euros(grant.amount_cents),
            )
        )
    if initiative.referrals and initiative.referrals[0].details.get("organisation"):
        parts.append(
            texts.msg(
                gettext_noop("Doorverwezen naar: %(organisation)s."),
                organisation=initiative.referrals[0].details["organisation"],
            )
        )
    accountability = getattr(initiative, "accountability", None)
    if accountability is not None and accountability.confirmed_at:
        parts.append(texts.literal(accountability.what_happened))
    return parts


def build(batch) -> list[tuple[int, dict]]:
    result = []
    with translation.override("nl"):
        for initiative in batch:
            result.append(
                (
                    initiative.pk,
                    ledger.entry_fields(
                        source=KEY,
                        title=initiative.title,
                        answer=answer_text(initiative),
                        answered_at=initiative.decided_at,
                        wijk=initiative.wijk,
                        input_url=reverse("initiatives:detail", args=[initiative.reference]),
                        input_reference=initiative.reference or "",
                        input_summary=initiative.what_why,
                        input_received_at=initiative.submitted_at,
                        deadline=initiative.decision_deadline,
                        on_time=DECISION.answered_on_time(initiative),
                    ),
                )
            )
    return result


def register() -> None:
    feed = ledger.Feed(model=Initiative, answered=answered_queryset, build=build)
    ledger.register_source(
        KEY, gettext_lazy("Initiatieven"), counts, unit=gettext_lazy("initiatieven"), feeds=[feed]
    )
