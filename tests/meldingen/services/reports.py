"""A report made through the service, as the tests of every service start from one."""

from meldingen.services import Intake, melding_create


def new_report(categories, slug="lantaarnpaal", **extra):
    values = {
        "category": categories[slug],
        "description": "De lamp bij de speeltuin is al een week kapot.",
        "postcode": "2532AB",
        "email": "bewoner@example.org",
    }
    values.update(extra)
    return melding_create(intake=Intake(**values), photos=[])
