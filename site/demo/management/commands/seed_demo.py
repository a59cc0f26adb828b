"""Demo users for every role, built on the test factories, and the demo content of each module
made for them. Idempotent: run it as often as you like. They have no password: like everyone,
they log in with a code sent by e-mail (in var/mail/ locally)."""

from accounts import roles
from accounts.factories import UserFactory
from accounts.models import User
from common.models import Afdeling, Wijk
from demo.initiatives import seed_demo_initiatives
from demo.meldingen import seed_demo_meldingen
from demo.seeding import DemoCommand
from demo.wijkbudget import seed_demo_round

DEMO_USERS = [
    # email, role, display name, wijk slug, afdeling slug
    ("bewoner@zuidwest.example", roles.BEWONER, "Fatima", "moerwijk", None),
    (
        "makelaar@zuidwest.example",
        roles.INITIATIEVENMAKELAAR,
        "Sander (makelaar)",
        "bouwlust",
        None,
    ),
    (
        "behandelaar@zuidwest.example",
        roles.BEHANDELAAR,
        "Yusuf (Stadsbeheer)",
        None,
        "stadsbeheer-schoon",
    ),
    ("ondermijning@zuidwest.example", roles.ONDERMIJNING, "Team ondermijning", None, "veiligheid"),
    ("redacteur@zuidwest.example", roles.REDACTEUR, "Anouk (redactie)", None, None),
    (
        "coordinator@zuidwest.example",
        roles.COORDINATOR,
        "Marco (participatie)",
        None,
        "participatiewinkel",
    ),
    ("beheerder@zuidwest.example", roles.BEHEERDER, "Beheer", None, None),
    (
        "balie@zuidwest.example",
        roles.BALIEMEDEWERKER,
        "Samira (balie)",
        None,
        "participatiewinkel",
    ),
]


# Demo content of the modules, each idempotent; the first is called with the demo users by role.
DEMO_CONTENT = [
    ("meldingen", lambda by_role: seed_demo_meldingen(by_role)),
    ("initiatives", lambda by_role: seed_demo_initiatives()),
    ("wijkbudget", lambda by_role: seed_demo_round()),
]


class Command(DemoCommand):
    help = "Create the demo users (one per role) with the addresses shown in the README."

    refusal = "seed_demo makes staff accounts with known addresses: only with DEBUG on."

    def seed(self) -> None:
        for email, role, name, wijk_slug, afdeling_slug in DEMO_USERS:
            user = UserFactory(
                email=email,
                display_name=name,
                role=role,
                wijk=Wijk.objects.filter(slug=wijk_slug).first() if wijk_slug else None,
                afdeling=Afdeling.objects.filter(slug=afdeling_slug).first()
                if afdeling_slug
                else None,
            )
            user.set_unusable_password()  # also over a password an older seed_demo set
            if role == roles.ONDERMIJNING:
                user.is_staff = True
            user.save()
        admin = UserFactory(
            email="admin@zuidwest.example", display_name="Admin", role=roles.BEHEERDER
        )
        admin.is_superuser = True
        admin.is_staff = True
        admin.set_unusable_password()
        admin.save()
        self.stdout.write(f"{len(DEMO_USERS) + 1} demo users ready (log in by code).")
        users = {role: email for email, role, *_rest in DEMO_USERS}
        by_role = {role: User.objects.get(email=email) for role, email in users.items()}
        for name, seed in DEMO_CONTENT:
            self.stdout.write(f"{name}: {seed(by_role)} made")
