"""Services on accounts: profile changes, data export and erasure (AVG/GDPR art. 15, 17, 20)."""

import logging
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from . import rights, roles
from .exports import erasers, exporters

logger = logging.getLogger(__name__)
User = get_user_model()
# The groups that open the back office: the staff roles and the sensitive-report team.
STAFF_GROUPS = frozenset(roles.STAFF_ROLES) | {roles.ONDERMIJNING}


def user_export_data(*, user) -> dict:
    """Everything the platform holds about `user`, and nothing about anyone else."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "wijk": user.wijk.name if user.wijk_id else None,
            "preferred_language": user.preferred_language,
            "notify_updates": user.notify_updates,
            "notify_wijk_news": user.notify_wijk_news,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user).order_by("email")
            ],
        },
        "notifications": [
            {
                "event": n.event,
                "subject": n.subject,
                "status": n.status,
                "created_at": n.created_at.isoformat(),
            }
            for n in user.notifications.order_by("created_at")
        ],
    }
    for section, exporter in sorted(exporters().items()):
        data[section] = exporter(user)
    return data


@transaction.atomic
def user_delete(*, user) -> None:
    """Erase the account and every personal datum the platform holds about the person: each
    app's eraser (registered in accounts.exports) clears what it holds by account or by one of
    the account's verified addresses, and anonymises public contributions; the account's own
    eraser (notifications, sessions, addresses) runs last; then the row goes."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    for _section, eraser in erasers().items():
        eraser(locked)
    EmailAddress.objects.filter(user=locked).delete()
    logger.info("Account %s erased on request", locked.pk)
    locked.delete()


@transaction.atomic
def user_set_roles(*, user, role_names: Iterable[str], actor=None) -> None:
    """Give `user` exactly these roles (groups) and keep the staff flag in step with them.
    With an `actor` (a person in the back office) the rules of accounts.rights apply and a
    refusal raises PermissionDenied before anything changes; without one it is the platform
    itself (migrations, demo data)."""
    User.objects.select_for_update().only("pk").get(pk=user.pk)  # one change at a time
    role_names = set(role_names)
    groups = list(Group.objects.filter(name__in=role_names))
    unknown = role_names - {group.name for group in groups}
    if unknown:
        raise ValueError(f"Onbekende rol(len): {', '.join(sorted(unknown))}")
    if actor is not None:
        rights.check_grant(editor=actor, target=user, groups=groups)
    user.groups.set(groups)
    user.is_staff = user.is_superuser or bool(role_names & STAFF_GROUPS)
    user.save(update_fields=["is_staff"])
    for cached in ("_role_names", "_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cached, None)
