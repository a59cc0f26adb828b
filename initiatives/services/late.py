"""Brokers hear when an initiative falls late on one of its two promises (a first response,
a decision): the broker who took it, else the wijk's brokers. Once per promise
(common/feedback/late.py); the promise stays, so the initiative stays late in the workspace
and the ledger until it is answered."""

from django.utils import timezone

from common.feedback.late import tell_staff_late

from ..models import BrokerWijk, Initiative
from ..models.initiative import DECISION, FIRST_RESPONSE
from .base import workspace_path

PROMISES = (("first_response", FIRST_RESPONSE), ("decision", DECISION))


def _brokers(initiative: Initiative) -> list:
    if initiative.broker_id and initiative.broker.is_active:
        return [initiative.broker]
    areas = BrokerWijk.objects.filter(wijk_id=initiative.wijk_id, broker__is_active=True)
    return [area.broker for area in areas.select_related("broker")]


def initiatives_tell_brokers_late(*, now=None) -> int:
    now = now or timezone.now()
    told = 0
    rows = Initiative.objects.select_related("broker", "wijk")
    for promise, deadlines in PROMISES:

        def context(initiative, promise=promise):
            return {
                "title": initiative.reference,
                "reference": initiative.reference,
                "initiative": initiative.title,
                "wijk": initiative.wijk.name,
                "promise": promise,
                "url": workspace_path(initiative),
            }

        told += tell_staff_late(
            rows,
            deadlines,
            event="initiative_late_staff",
            recipients=_brokers,
            context=context,
            now=now,
        )
    return told
