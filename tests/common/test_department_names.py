"""The departments' public names in every language (common/translated_names.py): the loader
fills them from site/common/data/afdelingen.json, the admin edits them like a category's, an
empty one reads as the Dutch, and the `name` column keeps the Dutch whatever the language of
whoever saves."""

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from common.loaders import load_afdelingen, read_afdelingen
from common.models import Afdeling

pytestmark = pytest.mark.django_db


def stored_names(slug: str) -> tuple:
    """The columns as the database holds them: the manager would read `name` in the active
    language, so ask the table itself."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, name_nl, name_en FROM common_afdeling WHERE slug = %s", [slug])
        return cursor.fetchone()


def test_the_data_file_names_every_department_in_every_language():
    for row in read_afdelingen():
        for code, _name in settings.LANGUAGES:
            key = "name" if code == settings.LANGUAGE_CODE else f"name_{code}"
            assert row.get(key, "").strip(), (row["slug"], code)


def test_the_loader_fills_every_language_and_the_name_reads_in_the_active_one():
    load_afdelingen()
    veiligheid = Afdeling.objects.get(slug="veiligheid")
    assert veiligheid.name == "Veiligheid en ondermijning"
    with translation.override("en"):
        assert veiligheid.name == "Safety and organised crime"
    with translation.override("tr"):
        assert veiligheid.name == "Güvenlik ve organize suç"
    with translation.override("bg"):
        assert str(veiligheid) == "Безопасност и организирана престъпност"


def test_an_empty_translation_reads_as_the_dutch(afdeling_factory):
    afdeling = afdeling_factory(name="Wijkteam Moerwijk")
    with translation.override("ar"):
        assert afdeling.name == "Wijkteam Moerwijk"


def test_the_name_column_stays_dutch_when_saved_in_another_language():
    with translation.override("en"):
        load_afdelingen()
        schoon = Afdeling.objects.get(slug="stadsbeheer-schoon")
        schoon.email = "schoon-nieuw@zuidwest.example"
        schoon.save()
    assert stored_names("stadsbeheer-schoon") == (
        "Stadsbeheer – Schoon",
        "Stadsbeheer – Schoon",
        "City maintenance – Cleaning",
    )


def test_departments_without_translations_do_not_collide(afdeling_factory):
    """Each language's name is unique, like the Dutch; an empty one is NULL, never ""."""
    afdeling_factory(name="Team A")
    afdeling_factory(name="Team B")
    load_afdelingen()  # and loading twice changes nothing
    load_afdelingen()
    assert Afdeling.objects.count() == 7
    assert Afdeling.objects.filter(name_tr__isnull=True).count() == 2


def test_the_admin_edits_the_name_in_every_language(client, administrator):
    (programmabureau, *_rest) = [a for a in load_afdelingen() if a.slug == "programmabureau"]
    client.force_login(administrator)
    url = f"/beheer/snippets/common/afdeling/edit/{programmabureau.pk}/"
    html = client.get(url).content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'name="name_{code}"' in html
    assert 'name="name"' not in html
    response = client.post(
        url,
        {
            "name_nl": "Programmabureau Zuidwest",
            "name_en": "Zuidwest programme office",
            "name_tr": "Zuidwest program bürosu",
            "name_ar": "",
            "name_pl": "",
            "name_bg": "",
            "slug": "programmabureau",
            "email": "programma@zuidwest.example",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    programmabureau.refresh_from_db()
    assert programmabureau.name_tr == "Zuidwest program bürosu"
    assert programmabureau.name_ar is None  # emptied: reads as the Dutch again
    with translation.override("ar"):
        assert programmabureau.name == "Programmabureau Zuidwest"


def test_the_admin_refuses_a_name_another_department_has_in_that_language(client, administrator):
    load_afdelingen()
    schoon = Afdeling.objects.get(slug="stadsbeheer-schoon")
    client.force_login(administrator)
    response = client.post(
        f"/beheer/snippets/common/afdeling/edit/{schoon.pk}/",
        {
            "name_nl": "Stadsbeheer – Schoon",
            "name_en": "Participation shop",
            "slug": "stadsbeheer-schoon",
            "email": "schoon@zuidwest.example",
        },
    )
    assert response.status_code == 200
    schoon.refresh_from_db()
    assert schoon.name_en == "City maintenance – Cleaning"
