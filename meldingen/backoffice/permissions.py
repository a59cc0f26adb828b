"""Who may use the back office, and which colleagues may handle a report. The object-level rule
itself lives in one place, `Melding.objects.visible_to(user)`; these predicates only decide who
reaches the queue at all and mirror that rule for choosing a colleague."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from accounts import roles
from accounts.roles import role_names

from ..models import Melding

# Roles that handle or oversee reports. Editors and brokers reach the Wagtail admin, not this.
QUEUE_ROLES = frozenset({roles.BEHANDELAAR, roles.ONDERMIJNING, roles.COORDINATOR, roles.BEHEERDER})
OVERSEERS = frozenset({roles.COORDINATOR, roles.BEHEERDER})


def group_names(user) -> frozenset[str]:
    """The user's role names, read once per request (the menu, the view and the queryset all
    ask)."""
    return role_names(user)


def can_use_queue(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(group_names(user) & QUEUE_ROLES)


def sees_sensitive(user) -> bool:
    return bool(user.is_superuser or roles.ONDERMIJNING in group_names(user))


def is_beheerder(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or roles.BEHEERDER in group_names(user)


def visible_meldingen(user):
    return Melding.objects.visible_to(user)


def get_visible_or_404(user, reference: str, queryset=None) -> Melding:
    """A report outside what the user may see does not exist for them: 404, never 403, so a
    reference cannot be probed."""
    queryset = queryset if queryset is not None else visible_meldingen(user)
    melding = queryset.filter(reference=reference).first()
    if melding is None:
        raise Http404
    return melding


def colleagues_for(melding: Melding):
    """Active users who may see (and so handle) this report; `melding_assign` checks again."""
    users = get_user_model().objects.filter(is_active=True)
    if melding.is_sensitive:
        allowed = Q(groups__name=roles.ONDERMIJNING)
    else:
        allowed = Q(groups__name__in=OVERSEERS)
        if melding.afdeling_id:
            allowed |= Q(groups__name=roles.BEHANDELAAR, afdeling_id=melding.afdeling_id)
    return users.filter(allowed | Q(is_superuser=True)).distinct().order_by("display_name", "email")
