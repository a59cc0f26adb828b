"""Triage: a report in the wrong category or at the wrong department is moved, by a handler who
may act on it. The routing rules (`route`) say which department a category belongs to; the
handler may choose another. Staff read what moved in the internal notes; the reporter hears
only what changes for them: a later expected date. The promise (`deadline`) is never moved
(common/feedback/deadlines.py), so "late" keeps counting from what we told them."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.l10n import iso_day
from common.realtime import publish_event
from common.workdays import add_working_days

from .. import workflow
from ..models import Category, InternalNote, Melding
from .base import MeldingError, event_payload, lock, melding_group, queue_group, tell_reporter
from .reporting import route


def _date(moment) -> str:
    return timezone.localtime(moment).strftime("%d-%m-%Y")


def later_expected_at(melding: Melding, category: Category):
    """The new expected date when the new category needs more working days than the old one
    (counted on from the promise), if that is later than what the reporter was told; else None."""
    extra = category.handling_days - melding.category.handling_days
    if extra <= 0 or melding.deadline is None:
        return None
    expected = add_working_days(melding.deadline, extra)
    told = melding.expected_at or melding.deadline
    return expected if expected > told else None


@transaction.atomic
def melding_reroute(
    *,
    melding: Melding,
    actor,
    category: Category,
    afdeling=None,
    internal_note: str = "",
) -> Melding:
    """Give the report `category` and `afdeling`; without an afdeling, the one the routing
    rules give that category in the report's wijk."""
    locked = lock(melding)
    if not actor.has_perm("meldingen.handle_melding", locked):
        raise MeldingError(_("U mag deze melding niet behandelen."))
    if locked.status in workflow.CLOSED:
        raise MeldingError(
            _("Deze melding is afgesloten. Heropen hem eerst als hij nog behandeld moet worden.")
        )
    if not category.is_active:
        raise MeldingError(_("Deze categorie wordt niet meer gebruikt. Kies een andere."))
    if category.is_sensitive != locked.is_sensitive:
        # Another numbering, no account link, other readers: a report cannot cross that line.
        raise MeldingError(
            _("Een gewone melding kan niet gevoelig worden, en een gevoelige niet gewoon.")
        )
    if afdeling is None:
        afdeling = route(category=category, wijk=locked.wijk)
    old_category, old_afdeling = locked.category, locked.afdeling
    if category.pk == old_category.pk and getattr(afdeling, "pk", None) == locked.afdeling_id:
        raise MeldingError(_("Er verandert niets. Kies een andere categorie of afdeling."))
    old_group = queue_group(locked)
    expected = later_expected_at(locked, category)

    locked.category = category
    locked.afdeling = afdeling
    changed = ["category", "afdeling", "updated_at"]
    if (
        locked.assigned_to_id
        and not (
            Melding.objects.filter(pk=locked.pk, afdeling=afdeling).visible_to(locked.assigned_to)
        ).exists()
    ):
        # The colleague can no longer see it: it waits in the new department's queue.
        locked.assigned_to = None
        changed.append("assigned_to")
    if expected is not None:
        old_date = locked.expected_at or locked.deadline
        locked.expected_at = expected
        changed.append("expected_at")
    locked.save(update_fields=changed)

    lines = []
    if category.pk != old_category.pk:
        lines.append(
            _("Categorie gewijzigd van “%(old)s” naar “%(new)s”.")
            % {"old": old_category, "new": category}
        )
    if locked.afdeling_id != getattr(old_afdeling, "pk", None):
        lines.append(
            _("Afdeling gewijzigd van %(old)s naar %(new)s.")
            % {"old": old_afdeling or _("geen"), "new": afdeling or _("geen")}
        )
    if expected is not None:
        lines.append(
            _("De melder kreeg bericht: nu verwacht op %(date)s (de uiterste datum blijft).")
            % {"date": _date(expected)}
        )
    if internal_note.strip():
        lines.append(internal_note.strip())
    InternalNote.objects.create(melding=locked, author=actor, text="\n".join(lines))

    if expected is not None:
        tell_reporter(
            locked,
            "melding_expected",
            {"old_deadline": iso_day(old_date), "deadline": iso_day(expected)},
        )
    payload = event_payload(locked)
    new_group = queue_group(locked)
    if new_group != old_group:
        # Gone from one queue, new in the other (the live queue inserts it there).
        publish_event(old_group, "melding.changed", payload)
        publish_event(new_group, "melding.new", payload)
    else:
        publish_event(new_group, "melding.changed", payload)
    if expected is not None:
        publish_event(melding_group(locked), "melding.status", payload)
    return locked
