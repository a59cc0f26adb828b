"""Who may do what with an initiative: small predicates in one place (adhocracy-plus rules.py).
Views ask them to decide what to show; services ask them again before they change anything.

- The public sees published initiatives only.
- The initiator and accepted co-initiators see and (while it is still open for changes) edit
  their own initiative; drafts are theirs alone.
- Brokers see the submitted initiatives of the wijken they cover and those assigned to them;
  they act only on initiatives assigned to them, and may take an unassigned one they can see.
- Coordinators and beheerders see every submitted initiative and may hand one off.
"""

from django.db.models import Q

from accounts import roles
from accounts.roles import role_names

from .models import Initiative
from .workflow import Status

BROKER_ROLES = frozenset({roles.INITIATIEVENMAKELAAR})
OVERSEER_ROLES = frozenset({roles.COORDINATOR, roles.BEHEERDER})


def group_names(user) -> frozenset[str]:
    """The user's role names, read once per request."""
    return role_names(user)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_broker(user) -> bool:
    return _active(user) and (user.is_superuser or bool(group_names(user) & BROKER_ROLES))


def is_overseer(user) -> bool:
    return _active(user) and (user.is_superuser or bool(group_names(user) & OVERSEER_ROLES))


def can_use_workspace(user) -> bool:
    return is_broker(user) or is_overseer(user)


def broker_wijk_ids(user) -> list[int]:
    cached = getattr(user, "_initiatives_wijk_ids", None)
    if cached is None:
        cached = list(user.broker_wijken.values_list("wijk_id", flat=True))
        user._initiatives_wijk_ids = cached
    return cached


def visible_to_staff(user, queryset=None):
    """Submitted initiatives this staff member may open; drafts are never staff business."""
    queryset = (queryset if queryset is not None else Initiative.objects.all()).submitted()
    if not can_use_workspace(user):
        return queryset.none()
    if is_overseer(user):
        return queryset
    return queryset.filter(Q(wijk_id__in=broker_wijk_ids(user)) | Q(broker=user))


def may_view_as_staff(user, initiative: Initiative) -> bool:
    return visible_to_staff(user).filter(pk=initiative.pk).exists()


def may_act(user, initiative: Initiative) -> bool:
    """Messages, decisions and notes in the broker's name: only the assigned broker."""
    return is_broker(user) and initiative.broker_id == user.pk


def may_take(user, initiative: Initiative) -> bool:
    return (
        is_broker(user)
        and initiative.broker_id is None
        and initiative.status in {Status.INGEDIEND, Status.IN_GESPREK}
        and may_view_as_staff(user, initiative)
    )


def may_hand_off(user, initiative: Initiative) -> bool:
    if is_overseer(user):
        return initiative.status != Status.CONCEPT
    return may_act(user, initiative)


def may_note(user, initiative: Initiative) -> bool:
    return may_view_as_staff(user, initiative)


def is_initiator_side(user, initiative: Initiative) -> bool:
    """The initiator, or a co-initiator who accepted the invitation."""
    if not _active(user):
        return False
    if initiative.initiator_id == user.pk:
        return True
    return initiative.co_initiators.filter(user=user, accepted_at__isnull=False).exists()


def may_withdraw(user, initiative: Initiative) -> bool:
    """Stopping is the initiator's own decision, not a co-initiator's."""
    return _active(user) and initiative.initiator_id == user.pk and initiative.is_open
