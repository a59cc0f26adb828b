"""Issue 3, item 18: a report in a real browser against the real ASGI application, with
websockets. axe runs on every page the resident visits and on the handler's pages."""

import email
import io
import re
from email import policy

import pytest
from PIL import Image

from tests.e2e.conftest import session_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def jpeg(tmp_path, name: str, colour: str):
    path = tmp_path / name
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def mails_to(folder, address: str) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        if address in message["To"]:
            texts.append(message["Subject"] + "\n" + message.get_body(("plain",)).get_content())
    return texts


@pytest.fixture
def reference_data(wijken):
    from common.loaders import load_afdelingen
    from demo.pages import load_page_tree
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()
    load_page_tree()


def report_broken_lamp(resident, tmp_path) -> str:
    page = resident.page
    resident.goto("/melden/")
    page.get_by_label("Zoek, bijvoorbeeld: ratten, afval, lantaarnpaal").fill("lantaarnpaal")
    resident.follow(page.get_by_role("button", name="Zoek"))
    page.get_by_label("Lantaarnpaal of straatlicht kapot").check()
    resident.follow(page.get_by_role("button", name="Verder"))
    page.get_by_label("Postcode").fill("2532 AB")
    page.get_by_label("Huisnummer (in de buurt)").fill("12")
    resident.follow(page.get_by_role("button", name="Verder"))
    page.get_by_label("Foto 1").set_input_files(str(jpeg(tmp_path, "lamp.jpg", "orange")))
    resident.follow(page.get_by_role("button", name="Verder"))
    page.get_by_label("Wat is er aan de hand?").fill("De lantaarnpaal bij de speeltuin is kapot.")
    page.get_by_label("Uw e-mailadres").fill("melder@example.org")
    resident.follow(page.get_by_role("button", name="Verstuur melding"))
    reference = re.search(r"ZW-\d{4}-\d{5}", page.get_by_role("heading", level=1).inner_text())
    return reference.group(0)


def test_a_broken_lamp_from_report_to_not_solved(
    live_visitors, reference_data, user_factory, tmp_path, settings
):
    from common.models import Afdeling
    from meldingen.models import Melding
    from meldingen.workflow import Status

    handler_user = user_factory(
        role="behandelaar", afdeling=Afdeling.objects.get(slug="stadsbeheer-openbare-ruimte")
    )
    handler = live_visitors(1280, session_for(handler_user), strict=False)
    resident = live_visitors(360)

    handler.goto("/beheer/meldingen/")
    # The queue's websocket has joined its groups once the page marks itself live.
    handler.page.locator("#meldingen-queue[data-live=on]").wait_for(state="attached")

    reference = report_broken_lamp(resident, tmp_path)
    status_page = resident.page.url

    # The handler sees it appear without reloading.
    handler.page.get_by_text(reference).first.wait_for()

    # Plan it, then resolve it with an after-photo.
    handler.goto(f"/beheer/meldingen/{reference}/")
    handler.page.select_option("select[name=status-to]", "ingepland")
    handler.page.fill("textarea[name=status-public_message]", "Donderdag komt de monteur.")
    handler.follow(handler.page.get_by_role("button", name="Status wijzigen"))
    assert Melding.objects.get(reference=reference).status == Status.INGEPLAND

    resident.goto(status_page.replace(resident.base_url, ""))
    assert "Ingepland" in resident.page.inner_text("[data-status]")
    resident.page.locator("#live-updates[data-live=on]").wait_for(state="attached")

    handler.page.select_option("select[name=status-to]", "afgehandeld")
    handler.page.fill("textarea[name=status-public_message]", "De lamp is vervangen.")
    handler.page.set_input_files(
        "input[name=status-after_photo]", str(jpeg(tmp_path, "na.jpg", "yellow"))
    )
    handler.follow(handler.page.get_by_role("button", name="Status wijzigen"))

    # The resident's open status page updates live, and an email arrived.
    resident.page.wait_for_function(
        "document.querySelector('[data-status]').innerText.includes('Afgehandeld')"
    )
    resident.check()
    assert resident.page.get_by_role("img", name="Foto na afhandeling").is_visible()
    mails = mails_to(settings.EMAIL_FILE_PATH, "melder@example.org")
    assert any("De lamp is vervangen." in text for text in mails)

    # "Nee, niet opgelost": back in the queue.
    page = resident.page
    page.get_by_label("Nee, het is niet opgelost").check()
    page.get_by_label("Uitleg").fill("Hij brandt nog steeds niet.")
    resident.follow(page.get_by_role("button", name="Verstuur"))
    assert Melding.objects.get(reference=reference).status == Status.VERZOEK_TOT_HEROPENEN
    handler.goto("/beheer/meldingen/")
    assert handler.page.locator(f"tr[data-reference='{reference}']").is_visible()


def test_an_anonymous_sensitive_report_with_a_question_and_an_answer(
    live_visitors, reference_data, user_factory
):
    from meldingen.models import Melding

    investigator = live_visitors(1280, session_for(user_factory(role="ondermijning")), strict=False)
    resident = live_visitors(360)
    page = resident.page

    resident.goto("/melden/")
    page.get_by_label("Handel in drugs").check()
    resident.follow(page.get_by_role("button", name="Verder"))
    page.get_by_label("Postcode").fill("2541 AA")
    page.get_by_label("Huisnummer (in de buurt)").fill("1")
    resident.follow(page.get_by_role("button", name="Verder"))
    resident.follow(page.get_by_role("button", name="Verder"))
    assert page.get_by_role("heading", name="Veilig melden").is_visible()
    page.get_by_label("Wat is er aan de hand?").fill("Elke avond wordt er gehandeld bij de flat.")
    resident.follow(page.get_by_role("button", name="Verstuur melding"))
    secret_page = page.url
    melding = Melding.objects.get()
    assert melding.is_sensitive and melding.reporter_email == "" and melding.reporter is None

    investigator.goto(f"/beheer/meldingen/{melding.reference}/")
    investigator.page.select_option("select[name=status-to]", "reactie_gevraagd")
    investigator.page.fill("textarea[name=status-public_message]", "Op welke tijden ziet u dit?")
    investigator.follow(investigator.page.get_by_role("button", name="Status wijzigen"))

    page.wait_for_selector("text=Op welke tijden ziet u dit?")
    resident.check()
    page.get_by_label("Uw antwoord").fill("Tussen tien en twaalf uur 's avonds.")
    resident.follow(page.get_by_role("button", name="Stuur mijn antwoord"))
    assert page.url == secret_page
    investigator.goto(f"/beheer/meldingen/{melding.reference}/")
    assert investigator.page.get_by_text("Tussen tien en twaalf uur").first.is_visible()
