"""The roles of the platform, as groups (created by a migration), and the one permission
mechanism every app uses: django-rules.

Conventions, the same in every app:
- Each app's `rules.py` defines its predicates with `@rules.predicate` (or `has_role` below) and
  registers its permissions with `rules.add_perm("<app_label>.<verb>_<object>", predicate)`, e.g.
  `meldingen.use_queue`, `meldingen.handle_melding`, `initiatives.take_initiative`. A permission
  name never equals a Django model permission (no `view_`/`change_` of a model's own codename):
  those stay in the database and a predicate may ask for them with `user.has_perm`.
- Predicates are named after what they test: `is_<role or relation>` (`is_broker`,
  `is_initiator_side`) or `has_<power>`; they check that the user is active themselves.
- Views, Wagtail permission policies (`accounts.policies.RolePermissionPolicy(perm=...)`) and
  websocket consumers ask `user.has_perm("<app>.<perm>", obj)`. Django lets an active superuser
  pass every `has_perm`; a relation that a superuser does not have (being the initiator, the
  assigned broker) is asked as the predicate itself, e.g. `rules.is_initiator_side(user, obj)`.
- A rule that decides which rows a user sees is written once, as a queryset or a function next
  to the rule in `rules.py`, and the queue, the detail view and the consumer's groups use it.
"""

import rules

BEWONER = "bewoner"
INITIATIEVENMAKELAAR = "initiatievenmakelaar"
BEHANDELAAR = "behandelaar"
REDACTEUR = "redacteur"
COORDINATOR = "coordinator"
BEHEERDER = "beheerder"
# The participatiewinkel's desk and phone: enters reports and other input for a resident who
# is at the desk or on the phone, and sees nothing of how departments handle them.
BALIEMEDEWERKER = "baliemedewerker"
ONDERMIJNING = "ondermijning"  # the only group that sees sensitive reports

ROLES = [
    BEWONER,
    INITIATIEVENMAKELAAR,
    BEHANDELAAR,
    REDACTEUR,
    COORDINATOR,
    BEHEERDER,
    BALIEMEDEWERKER,
]
STAFF_ROLES = [
    INITIATIEVENMAKELAAR,
    BEHANDELAAR,
    REDACTEUR,
    COORDINATOR,
    BEHEERDER,
    BALIEMEDEWERKER,
]

# The programme's measures (shop migrations 0005 and 0012): kept and published by the editors
# and coordinators who publish the rest of the site's content.
MEASURE_PERMISSIONS = [
    f"shop.{verb}_measure" for verb in ("add", "change", "delete", "publish", "view")
]

# Wagtail/Django permissions per role (app_label.codename). Staff reach the Wagtail admin;
# residents never do.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    BEWONER: [],
    INITIATIEVENMAKELAAR: ["wagtailadmin.access_admin"],
    BEHANDELAAR: ["wagtailadmin.access_admin"],
    REDACTEUR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "simple_translation.submit_translation",
        *MEASURE_PERMISSIONS,
    ],
    COORDINATOR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "simple_translation.submit_translation",
        *MEASURE_PERMISSIONS,
    ],
    BEHEERDER: [
        "wagtailadmin.access_admin",
        "common.add_wijk",
        "common.change_wijk",
        "common.view_wijk",
        "common.add_afdeling",
        "common.change_afdeling",
        "common.view_afdeling",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
    ],
    ONDERMIJNING: ["wagtailadmin.access_admin"],
    BALIEMEDEWERKER: ["wagtailadmin.access_admin"],
}


def role_names(user) -> frozenset[str]:
    """The names of the user's roles (groups), read once per request and kept on the user
    object: menus, permission checks and querysets ask many times while one page is built."""
    if not (user and user.is_authenticated):
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


@rules.predicate
def is_active_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(*names: str) -> rules.Predicate:
    """A predicate: the user is active and holds one of these roles; a superuser holds all."""
    wanted = frozenset(names)

    def holds(user) -> bool:
        return is_active_user(user) and (user.is_superuser or bool(role_names(user) & wanted))

    return rules.predicate(holds, name=f"has_role({', '.join(sorted(wanted))})")


def is_staff_member(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
