"""Who may do what with meldingen (conventions: accounts/roles.py). The visibility rule is
written once, as `reach(user)`: `Melding.objects.visible_to(user)` filters by it and the queue
consumer joins the groups it names, so the queue and its live updates show the same reports.

- Behandelaars see the non-sensitive reports of their own afdeling.
- Coordinators and beheerders see every non-sensitive report (with or without an afdeling).
- Only ondermijning sees sensitive reports. A superuser sees everything.
- Baliemedewerkers enter reports for residents at the desk (`enter_at_desk`) and see none.
"""

from dataclasses import dataclass

import rules
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from accounts import roles
from accounts.roles import has_role
from common.models import Afdeling
from common.realtime import group_name

# Roles that handle or oversee reports. Editors and brokers reach the Wagtail admin, not this.
QUEUE_ROLES = frozenset({roles.BEHANDELAAR, roles.ONDERMIJNING, roles.COORDINATOR, roles.BEHEERDER})
OVERSEERS = frozenset({roles.COORDINATOR, roles.BEHEERDER})

is_queue_user = has_role(*QUEUE_ROLES)
is_beheerder = has_role(roles.BEHEERDER)
is_ondermijning = has_role(roles.ONDERMIJNING)
# The participatiewinkel's desk enters reports for residents; it does not see the queue.
is_desk_employee = has_role(roles.BALIEMEDEWERKER)


@dataclass(frozen=True)
class Reach:
    """Which reports a user sees: all of them, the sensitive ones, the non-sensitive ones of
    every afdeling, or those of one afdeling."""

    everything: bool = False
    sensitive: bool = False
    every_afdeling: bool = False
    afdeling_id: int | None = None


def reach(user) -> Reach:
    if not (user and user.is_authenticated):
        return Reach()
    if user.is_superuser:
        return Reach(everything=True)
    names = roles.role_names(user)
    return Reach(
        sensitive=roles.ONDERMIJNING in names,
        every_afdeling=bool(names & OVERSEERS),
        afdeling_id=user.afdeling_id if roles.BEHANDELAAR in names else None,
    )


def visible_q(user) -> Q | None:
    """The filter of `Melding.objects.visible_to(user)`; None means every report."""
    scope = reach(user)
    if scope.everything:
        return None
    visible = Q(pk__in=[])
    if scope.sensitive:
        visible |= Q(is_sensitive=True)
    if scope.every_afdeling:
        visible |= Q(is_sensitive=False)
    elif scope.afdeling_id:
        visible |= Q(is_sensitive=False, afdeling_id=scope.afdeling_id)
    return visible


def queue_groups(user) -> list[str]:
    """The queue groups in which services publish what `visible_q(user)` lets through (see
    `services.melding_group`): one per afdeling, one for reports without one, one for the
    sensitive reports."""
    if not (user and user.is_active):
        return []
    scope = reach(user)
    groups: list[str] = []
    if scope.everything or scope.every_afdeling:
        groups += [
            group_name("meldingen", "afdeling", pk)
            for pk in Afdeling.objects.values_list("pk", flat=True)
        ]
        groups.append(group_name("meldingen", "afdeling", "none"))
    elif scope.afdeling_id:
        groups.append(group_name("meldingen", "afdeling", scope.afdeling_id))
    if scope.everything or scope.sensitive:
        groups.append(group_name("meldingen", "ondermijning"))
    return groups


def _meldingen():
    """The reports, through the app registry: the models ask these rules for `visible_to`, so
    the rules do not import the models back (no cycle inside the app)."""
    return apps.get_model("meldingen", "Melding").objects


@rules.predicate
def is_visible_to(user, melding) -> bool:
    return _meldingen().filter(pk=melding.pk).visible_to(user).exists()


def visible_meldingen(user):
    return _meldingen().visible_to(user)


def get_visible_or_404(user, reference: str, queryset=None):
    """A report outside what the user may see does not exist for them: 404, never 403, so a
    reference cannot be probed."""
    queryset = queryset if queryset is not None else visible_meldingen(user)
    melding = queryset.filter(reference=reference).first()
    if melding is None:
        raise Http404
    return melding


def colleagues_for(melding):
    """Active users who may see (and so handle) this report: the users whose `reach` lets it
    through. `melding_assign` checks again with `visible_to`."""
    users = get_user_model().objects.filter(is_active=True)
    if melding.is_sensitive:
        allowed = Q(groups__name=roles.ONDERMIJNING)
    else:
        allowed = Q(groups__name__in=OVERSEERS)
        if melding.afdeling_id:
            allowed |= Q(groups__name=roles.BEHANDELAAR, afdeling_id=melding.afdeling_id)
    return users.filter(allowed | Q(is_superuser=True)).distinct().order_by("display_name", "email")


rules.add_perm("meldingen.use_queue", is_queue_user)
rules.add_perm("meldingen.handle_melding", is_queue_user & is_visible_to)
rules.add_perm("meldingen.view_sensitive_meldingen", is_ondermijning)
rules.add_perm("meldingen.manage_reference_data", is_beheerder)
rules.add_perm("meldingen.enter_at_desk", is_desk_employee)
