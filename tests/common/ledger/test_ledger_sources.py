"""The providers of meldingen and initiatives: what they put in the ledger, what they never put
there, and counts that do not cost more queries as rows grow."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from common.feedback import ledger
from common.feedback.ledger.models import LedgerEntry
from meldingen import ledger as meldingen_source

pytestmark = pytest.mark.django_db


def test_a_handled_public_report_is_listed_without_personal_data(closed_melding, wijken):
    melding = closed_melding(reporter_email="jan@example.org", description="Jan de Vries belt")
    ledger.rebuild()
    entry = LedgerEntry.objects.get()
    assert entry.source == "meldingen"
    assert entry.wijk == wijken["moerwijk"]
    assert entry.input_reference == melding.reference
    assert entry.input_summary == melding.public_description
    assert entry.answer == "Afgehandeld"
    assert entry.on_time is True
    assert entry.input_url == "/meldingen/wijk/moerwijk/"
    stored = " ".join(str(v) for v in LedgerEntry.objects.values().get().values())
    assert "jan@example.org" not in stored and "Jan de Vries" not in stored


def test_sensitive_open_and_merged_reports_stay_out(
    closed_melding, melding_factory, sensitive_category
):
    closed_melding(category=sensitive_category)
    closed_melding(status="samengevoegd")
    melding_factory(status="in_behandeling")
    ledger.rebuild()
    assert not LedgerEntry.objects.exists()


def _png(name):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


def test_the_after_photo_is_linked(closed_melding, settings, tmp_path):
    from meldingen.models import Photo

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    melding = closed_melding()
    photo = Photo.objects.create(melding=melding, kind=Photo.Kind.AFTER, image=_png("na.png"))
    Photo.objects.create(melding=melding, kind=Photo.Kind.REPORTER, image=_png("voor.png"))
    ledger.rebuild()
    assert LedgerEntry.objects.get().photo_url == f"/meldingen/foto/{photo.pk}/"


def test_a_reopened_report_leaves_the_ledger_and_a_late_one_is_marked(closed_melding):
    melding = closed_melding()
    late = closed_melding(late=True)
    call_command("ledger_sync", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert LedgerEntry.objects.get(object_id=late.pk).on_time is False
    melding.status = "heropend"
    melding.save()
    ledger.rebuild()
    assert list(LedgerEntry.objects.values_list("object_id", flat=True)) == [late.pk]


def test_meldingen_counts(closed_melding, melding_factory, wijken):
    closed_melding()
    closed_melding(late=True)
    melding_factory(wijk=wijken["moerwijk"], deadline=timezone.now() - dt.timedelta(days=1))
    melding_factory(wijk=wijken["bouwlust"])
    counts = meldingen_source.counts(wijken["moerwijk"])
    # The share's whole counts the late open report too, as the public wijk figures do.
    assert counts == ledger.Counts(received=3, answered=2, on_time=1, overdue=1, decided=3)
    assert counts.on_time_percent == 33
    assert meldingen_source.counts(None).received == 4


def _decided_initiative(wijk, *, status="toegekend", consent=True, amount=25000):
    from initiatives.factories import InitiativeFactory
    from initiatives.models import Grant

    now = timezone.now()
    initiative = InitiativeFactory(
        wijk=wijk,
        status=status,
        publish_consent=consent,
        reference=f"IN-2026-{InitiativeFactory._meta.model.objects.count() + 1:05d}",
        submitted_at=now - dt.timedelta(days=30),
        decision_deadline=now - dt.timedelta(days=5),
        decided_at=now - dt.timedelta(days=6),
    )
    if status == "toegekend":
        Grant.objects.create(initiative=initiative, amount_cents=amount)
    return initiative


def test_a_published_decided_initiative_is_listed_a_private_one_only_counted(wijken):
    from initiatives import ledger as initiatives_source

    shown = _decided_initiative(wijken["moerwijk"])
    _decided_initiative(wijken["moerwijk"], consent=False)
    ledger.rebuild()
    entry = LedgerEntry.objects.get(source="initiatieven")
    assert entry.object_id == shown.pk
    assert "€ 250" in entry.answer
    assert entry.input_url == f"/initiatieven/{shown.reference}/"
    counts = initiatives_source.counts(wijken["moerwijk"])
    assert counts.received == 2 and counts.answered == 2 and counts.on_time == 2


@pytest.mark.parametrize("rows", [1, 30])
def test_counts_cost_the_same_queries_for_few_or_many_rows(
    rows, closed_melding, wijken, django_assert_num_queries
):
    for _ in range(rows):
        closed_melding()
        _decided_initiative(wijken["moerwijk"])
    with django_assert_num_queries(2):
        for source in ("meldingen", "initiatieven"):
            ledger.all_sources()[source].counts(wijken["moerwijk"])


def test_a_second_sync_rewrites_only_what_changed(closed_melding):
    first = closed_melding()
    closed_melding()
    assert ledger.rebuild()["meldingen"] == (2, 0)
    assert ledger.rebuild()["meldingen"] == (0, 0)
    first.public_description = "Tekst aangepast door de behandelaar."
    first.save()
    assert ledger.rebuild()["meldingen"] == (1, 0)
    assert LedgerEntry.objects.get(object_id=first.pk).input_summary.startswith("Tekst aangepast")
    assert ledger.rebuild(full=True)["meldingen"] == (2, 0)
