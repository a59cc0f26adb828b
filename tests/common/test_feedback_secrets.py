"""One way to hash and match the secrets in follow, cancel and invitation links: digests stored
before the kernel existed must still open what they opened."""

import pytest
from django.urls import reverse

from common.feedback.secrets import hash_secret, new_secret, secret_matches
from meldingen.factories import MeldingFactory
from participation.agenda.factories import ActivityFactory
from participation.agenda.models import Registration
from participation.agenda.services import registration_by_token

# What meldingen, initiatives and the agenda stored for the secret "geheim-volg-link" before
# the kernel: sha256, hex. Written out, so a change of the hashing cannot go unnoticed.
SECRET = "geheim-volg-link"
STORED_BEFORE = "266382f7ad00a173fb99087180893277eeaf2647ac593ff23a8d97e4cc06992e"


def test_a_digest_stored_before_the_kernel_still_matches():
    assert hash_secret(SECRET) == STORED_BEFORE
    assert secret_matches(SECRET, STORED_BEFORE)
    assert not secret_matches("geheim-volg-linl", STORED_BEFORE)
    assert not secret_matches("", STORED_BEFORE) and not secret_matches(None, STORED_BEFORE)
    assert not secret_matches(SECRET, "")


def test_new_secrets_are_long_random_and_url_safe():
    made = {new_secret() for _ in range(50)}
    assert len(made) == 50
    assert all(len(s) == 32 and s == s.strip() and "/" not in s for s in made)


@pytest.mark.django_db
def test_a_follow_link_of_a_report_stored_before_still_opens_it(client, wijken):
    melding = MeldingFactory(secret_hash=STORED_BEFORE, wijk=wijken["moerwijk"])
    opened = client.get(reverse("meldingen:follow", args=[melding.reference, SECRET]))
    assert opened.status_code == 200 and melding.reference in opened.content.decode()
    refused = client.get(reverse("meldingen:follow", args=[melding.reference, "geraden"]))
    assert refused.status_code == 404


@pytest.mark.django_db
def test_a_cancel_link_of_the_agenda_stored_before_still_finds_the_registration(wijken):
    registration = Registration.objects.create(
        activity=ActivityFactory(wijk=wijken["moerwijk"]),
        name="Ali",
        email="a@x.nl",
        cancel_token_hash=STORED_BEFORE,
    )
    assert registration_by_token(SECRET) == registration
    assert registration_by_token("geraden") is None
