"""Who may hand out which rights. One rule for every way into it (the user forms, the bulk
actions, the roles service): a staff member gives only roles they hold themselves, never the
sensitive-report role nor the superuser flag (those come from a superuser), and leaves alone
every account that holds something they do not. Otherwise a user administrator could make
themselves anything, or take over a stronger account by giving it their own e-mail address and
logging in by code."""

import rules
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.users.utils import user_can_delete_user

from . import roles

# Given only by a superuser, even to someone who holds it: it opens every sensitive report.
SUPERUSER_ONLY_ROLES = frozenset({roles.ONDERMIJNING})
# Every resident holds it and it carries no rights, so anyone who manages users may give it.
BASE_ROLES = frozenset({roles.BEWONER})

ROLE_REFUSED = _(
    "U kunt deze rol niet toekennen: u heeft hem zelf niet, of alleen een superuser mag hem geven."
)
SUPERUSER_REFUSED = _("Alleen een superuser kan iemand alle rechten geven.")
ACCOUNT_REFUSED = _(
    "U kunt dit account niet wijzigen: het heeft meer rechten dan u. Vraag het een superuser."
)


def grantable_groups(editor) -> QuerySet[Group]:
    """The groups `editor` may give to an account: all of them for a superuser."""
    if editor.is_superuser:
        return Group.objects.all()
    held = Q(pk__in=editor.groups.values("pk")) | Q(name__in=BASE_ROLES)
    return Group.objects.filter(held).exclude(name__in=SUPERUSER_ONLY_ROLES)


def manageable_users(editor) -> QuerySet:
    """The accounts `editor` may change, deactivate or delete: those that hold nothing
    `editor` could not give (no superuser flag, no other role, no permission given by hand),
    and oneself, where what one may change cannot raise one's rights."""
    users = get_user_model().objects.all()
    if editor.is_superuser:
        return users
    lacking_groups = Group.objects.exclude(pk__in=grantable_groups(editor).values("pk"))
    held_permissions = Permission.objects.filter(Q(group__user=editor) | Q(user=editor))
    lacking_permissions = Permission.objects.exclude(pk__in=held_permissions.values("pk"))
    in_reach = (
        users.filter(is_superuser=False)
        .exclude(groups__in=lacking_groups)
        .exclude(user_permissions__in=lacking_permissions)
    )
    return users.filter(Q(pk__in=in_reach.values("pk")) | Q(pk=editor.pk))


@rules.predicate
def is_in_reach(editor, target) -> bool:
    """The permission `accounts.manage_account` (accounts/rules.py)."""
    return editor.is_superuser or manageable_users(editor).filter(pk=target.pk).exists()


@rules.predicate
def is_deletable(editor, target) -> bool:
    """Wagtail's rule (the delete permission, never oneself, a superuser only by a superuser)
    and ours on top. Asked as the predicate: a superuser may not delete themselves either."""
    return user_can_delete_user(editor, target) and is_in_reach(editor, target)


def check_grant(*, editor, target, groups, superuser: bool | None = None) -> None:
    """Refuse (PermissionDenied with a Dutch message) when `editor` would give `target` a group
    or the superuser flag they may not give. `target` may be unsaved (a new account)."""
    if target.pk and not is_in_reach(editor, target):
        raise PermissionDenied(ACCOUNT_REFUSED)
    if superuser and not target.is_superuser and not editor.is_superuser:
        raise PermissionDenied(SUPERUSER_REFUSED)
    held = set(target.groups.values_list("pk", flat=True)) if target.pk else set()
    added = {group.pk for group in groups} - held
    if added - set(grantable_groups(editor).values_list("pk", flat=True)):
        raise PermissionDenied(ROLE_REFUSED)
