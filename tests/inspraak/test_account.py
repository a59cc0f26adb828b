"""A resident's reactions in 'export my data', and anonymised when the account is deleted."""

import pytest

from participation.inspraak.account import erase_user_contributions, export_user_contributions
from participation.inspraak.models import Contribution

pytestmark = pytest.mark.django_db


def test_export_and_erase(open_process, resident):
    Contribution.objects.create(process=open_process, text="Bankjes", user=resident, name="Amina")
    Contribution.objects.create(process=open_process, text="Bomen", email=resident.email)
    exported = export_user_contributions(resident)
    assert exported[0]["text"] == "Bankjes" and exported[0]["process"] == open_process.title
    erase_user_contributions(resident)
    rows = list(Contribution.objects.values_list("text", "user", "name", "email"))
    assert sorted(rows) == [("Bankjes", None, "", ""), ("Bomen", None, "", "")]
