"""The roles of the platform, as groups. Created by a migration; predicates live here too."""

BEWONER = "bewoner"
INITIATIEVENMAKELAAR = "initiatievenmakelaar"
BEHANDELAAR = "behandelaar"
REDACTEUR = "redacteur"
COORDINATOR = "coordinator"
BEHEERDER = "beheerder"
ONDERMIJNING = "ondermijning"  # the only group that sees sensitive reports

ROLES = [BEWONER, INITIATIEVENMAKELAAR, BEHANDELAAR, REDACTEUR, COORDINATOR, BEHEERDER]
STAFF_ROLES = [INITIATIEVENMAKELAAR, BEHANDELAAR, REDACTEUR, COORDINATOR, BEHEERDER]

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
    ],
    COORDINATOR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
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


def is_staff_member(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
