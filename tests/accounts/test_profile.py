import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_resident_sets_name_wijk_language_and_preferences(client, resident, wijken):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {
            "display_name": "Samira",
            "wijk": wijken["morgenstond"].pk,
            "preferred_language": "en",
            "notify_updates": "on",
            "notify_wijk_news": "on",
        },
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "Samira"
    assert resident.wijk == wijken["morgenstond"]
    assert resident.preferred_language == "en"
    assert resident.notify_wijk_news is True


def test_bad_input_shows_an_error_and_keeps_what_was_typed(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Samira", "wijk": "999999", "preferred_language": "nl"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'value="Samira"' in html
    resident.refresh_from_db()
    assert resident.display_name != "Samira"
