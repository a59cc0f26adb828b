"""The embedded mail backend (`make run`): the whole message lands in var/mail/, the console
only says who it is for, what it is about and where the file is — never a login code or link."""

import email
import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(settings, tmp_path):
    settings.EMAIL_BACKEND = "common.mail.FileAndConsoleBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    return settings.EMAIL_FILE_PATH


def test_a_login_code_is_in_the_file_and_not_on_the_console(client, resident, folder, capsys):
    response = client.post(reverse("account_request_login_code"), {"email": resident.email})
    assert response.status_code == 302
    (path,) = folder.glob("*.eml")
    message = email.message_from_bytes(path.read_bytes())
    body = "".join(
        part.get_payload(decode=True).decode() for part in message.walk() if not part.is_multipart()
    )
    code = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", body).group(0)

    console = capsys.readouterr().out
    assert code not in console
    assert resident.email in console and message["Subject"] in console
    assert str(path) in console  # the demo user finds the code by opening this file
    # The code from the file logs in.
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_follow_link_is_not_echoed(folder, capsys):
    message = mail.EmailMessage(
        "Uw melding ZW-2026-00001",
        "Volg: http://x/melden/volg/ZW-2026-00001/geheim123/",
        to=["a@b.nl"],
    )
    assert mail.get_connection().send_messages([message]) == 1
    console = capsys.readouterr().out
    assert "geheim123" not in console and "Uw melding ZW-2026-00001" in console
    (path,) = folder.glob("*.eml")
    assert b"geheim123" in path.read_bytes()
