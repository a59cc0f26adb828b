"""Who may do what with an initiative: small predicates in one place (adhocracy-plus rules.py).
Views ask them to decide what to show; services ask them again before they change anything.

- The public sees published initiatives only.
- The initiator and accepted co-initiators see and (while it is still open for changes) edit
  their own initiative; drafts are theirs alone.
- Brokers see the submitted initiatives of the wijken they cover and those assigned to them;
  they act only on initiatives assigned to them, and may take an unassigned one they can see.
- Coordinators and beheerders see every submitted initiative and may hand one off.
- Baliemedewerkers enter an initiative for a resident at the desk (`enter_at_desk`) and see none.

Conventions: accounts/roles.py. The workspace is the permission `initiatives.use_workspace`
(views, the Wagtail policies and the consumers ask `user.has_perm`). The other predicates are
relations a superuser does not have (being the assigned broker, the initiator) or depend on the
initiative's state; views and services call them directly. Which initiatives staff see is
`visible_to_staff`, and `queue_groups` names the live-update groups that carry the same set.
"""

import rules
from django.db.models import Q

from accounts import roles
from accounts.roles import has_role, is_active_user
from common.models import Wijk
from common.realtime import group_name

from .models import Initiative
from .workflow import Status

BROKER_ROLES = frozenset({roles.INITIATIEVENMAKELAAR})
OVERSEER_ROLES = frozenset({roles.COORDINATOR, roles.BEHEERDER})

is_broker = has_role(*BROKER_ROLES)
is_overseer = has_role(*OVERSEER_ROLES)
is_workspace_user = is_broker | is_overseer


def broker_wijk_ids(user) -> list[int]:
    cached = getattr(user, "_initiatives_wijk_ids", None)
    if cached is None:
        cached = list(user.broker_wijken.values_list("wijk_id", flat=True))
        user._initiatives_wijk_ids = cached
    return cached


def visible_to_staff(user, queryset=None):
    """Submitted initiatives this staff member may open; drafts are never staff business."""
    queryset = (queryset if queryset is not None else Initiative.objects.all()).submitted()
    if not is_workspace_user(user):
        return queryset.none()
    if is_overseer(user):
        return queryset
    return queryset.filter(Q(wijk_id__in=broker_wijk_ids(user)) | Q(broker=user))


def broker_group(broker_id: int) -> str:
    """A broker's own queue also lists what is assigned to them outside their wijken."""
    return group_name("initiatives", "broker", broker_id)


def queue_groups(user) -> list[str]:
    """The live-update groups in which services publish what `visible_to_staff(user)` lists:
    one per wijk (and one for initiatives without a wijk), and the broker's own."""
    if not is_workspace_user(user):
        return []
    if is_overseer(user):
        wijk_ids: list = [*Wijk.objects.values_list("pk", flat=True), "none"]
    else:
        wijk_ids = list(broker_wijk_ids(user))
    groups = [group_name("initiatives", "wijk", pk) for pk in wijk_ids]
    if is_broker(user):
        groups.append(broker_group(user.pk))
    return groups


@rules.predicate
def is_visible_to_staff(user, initiative: Initiative) -> bool:
    """Opens the initiative in the workspace, and may add an internal note to it."""
    return visible_to_staff(user).filter(pk=initiative.pk).exists()


@rules.predicate
def is_assigned_broker(user, initiative: Initiative) -> bool:
    """Messages, decisions and notes in the broker's name: only the assigned broker."""
    return is_broker(user) and initiative.broker_id == user.pk


@rules.predicate
def is_take_allowed(user, initiative: Initiative) -> bool:
    return (
        is_broker(user)
        and initiative.broker_id is None
        and initiative.status in {Status.INGEDIEND, Status.IN_GESPREK}
        and is_visible_to_staff(user, initiative)
    )


@rules.predicate
def is_hand_off_allowed(user, initiative: Initiative) -> bool:
    if is_overseer(user):
        return initiative.status != Status.CONCEPT
    return is_assigned_broker(user, initiative)


@rules.predicate
def is_initiator_side(user, initiative: Initiative) -> bool:
    """The initiator, or a co-initiator who accepted the invitation."""
    if not is_active_user(user):
        return False
    if initiative.initiator_id == user.pk:
        return True
    return initiative.co_initiators.filter(user=user, accepted_at__isnull=False).exists()


@rules.predicate
def is_withdraw_allowed(user, initiative: Initiative) -> bool:
    """Stopping is the initiator's own decision, not a co-initiator's."""
    return is_active_user(user) and initiative.initiator_id == user.pk and initiative.is_open


@rules.predicate
def is_hour_keeper(user, hour) -> bool:
    """Changes or cancels a consultation hour: the broker who holds it, or an overseer; never
    another broker."""
    return is_overseer(user) or (is_broker(user) and hour.broker_id == user.pk)


rules.add_perm("initiatives.use_workspace", is_workspace_user)
rules.add_perm("initiatives.manage_reference_data", is_overseer)
# The participatiewinkel's desk enters an initiative for a resident (and sees no workspace).
rules.add_perm("initiatives.enter_at_desk", has_role(roles.BALIEMEDEWERKER))
