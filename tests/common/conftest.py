import pytest


@pytest.fixture
def new_report(wijken, django_capture_on_commit_callbacks):
    """Report in a category of the data file, as a resident without an account who wants to be
    kept informed; the mails go out. Returns (melding, secret of its follow link)."""
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories
    from meldingen.models import Category
    from meldingen.services import Intake, melding_create

    load_afdelingen()
    load_categories()

    def _report(slug: str):
        intake = Intake(
            category=Category.objects.get(slug=slug),
            description="Er is iets aan de hand bij de flat.",
            postcode="2532AB",
            email="melder@example.org",
        )
        with django_capture_on_commit_callbacks(execute=True):
            return melding_create(intake=intake, photos=[])

    return _report
