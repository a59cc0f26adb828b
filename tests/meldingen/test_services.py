import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from common.feedback.secrets import secret_matches
from common.models import Afdeling
from meldingen.models import Melding, Subscription
from meldingen.services import (
    Intake,
    MeldingError,
    melding_change_status,
    melding_create,
    melding_feedback,
    melding_reporter_reply,
    melding_support,
    meldingen_erase_contact_data,
    meldingen_notify_overdue,
)
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db


def new_report(categories, slug="lantaarnpaal", **extra):
    values = {
        "category": categories[slug],
        "description": "De lamp bij de speeltuin is al een week kapot.",
        "postcode": "2532AB",
        "email": "bewoner@example.org",
    }
    values.update(extra)
    return melding_create(intake=Intake(**values), photos=[])


def test_intake_gives_a_reference_a_deadline_a_wijk_and_a_department(
    categories, wijken, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melding, secret = new_report(categories)
    year = timezone.localtime().year
    assert melding.reference.startswith(f"ZW-{year}-")
    assert melding.wijk == wijken["moerwijk"]
    assert melding.afdeling.slug == "stadsbeheer-openbare-ruimte"
    assert melding.deadline > timezone.now()
    assert secret_matches(secret, melding.secret_hash)
    assert not secret_matches("raden", melding.secret_hash)
    assert secret not in melding.secret_hash
    (message,) = mail.outbox
    assert message.to == ["bewoner@example.org"]
    assert melding.reference in message.subject
    assert f"/melden/volg/{melding.reference}/{secret}/" in message.body
    assert melding.deadline.strftime("%d-%m-%Y") in message.body or "werkdagen" in message.body


def test_references_count_up_without_gaps(categories):
    first, _ = new_report(categories)
    second, _ = new_report(categories)
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1


def test_an_empty_description_is_refused(categories):
    with pytest.raises(MeldingError, match="Beschrijf"):
        new_report(categories, description="   ")


def test_a_sensitive_report_keeps_no_account_link(categories, resident):
    intake = Intake(
        category=categories["drugshandel"],
        description="Elke avond handel bij de flat",
        postcode="2541AA",
    )
    melding, _ = melding_create(intake=intake, photos=[], reporter=resident)
    assert melding.is_sensitive
    assert melding.reporter is None and melding.reporter_email == ""
    assert melding.afdeling.slug == "veiligheid"


def test_every_handler_move_needs_a_message(categories, handler):
    melding, _ = new_report(categories)
    with pytest.raises(MeldingError, match="bericht"):
        melding_change_status(
            melding=melding, to=Status.INGEPLAND, actor=handler, public_message=""
        )
    melding.refresh_from_db()
    assert melding.status == Status.GEMELD


def test_an_invalid_transition_is_refused(categories, handler):
    melding, _ = new_report(categories)
    with pytest.raises(MeldingError, match="kan niet"):
        melding_change_status(
            melding=melding, to=Status.REACTIE_ONTVANGEN, actor=handler, public_message="x"
        )


def test_a_status_change_is_written_and_mailed(
    categories, handler, django_capture_on_commit_callbacks
):
    melding, _ = new_report(categories)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=melding,
            to=Status.INGEPLAND,
            actor=handler,
            public_message="Donderdag komt de monteur.",
            internal_note="Monteur Jansen",
        )
    assert [h.to_status for h in melding.history.all()] == [Status.GEMELD, Status.INGEPLAND]
    assert "Donderdag komt de monteur." in mail.outbox[0].body
    assert "Monteur Jansen" not in mail.outbox[0].body  # internal notes stay internal


def test_a_stale_form_does_not_overwrite_a_colleagues_change(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.IN_BEHANDELING, actor=handler, public_message="We kijken."
    )
    with pytest.raises(MeldingError, match="Iemand anders"):
        melding_change_status(
            melding=melding,
            to=Status.NIET_IN_BEHANDELING,
            actor=handler,
            public_message="Niet van ons.",
            expected_status=Status.GEMELD,
        )


def test_merging_moves_the_followers_to_the_survivor(categories, handler, resident):
    survivor, _ = new_report(categories)
    merged, _ = new_report(categories, email="buur@example.org")
    melding_support(melding=merged, user=resident)
    melding_change_status(
        melding=merged,
        to=Status.SAMENGEVOEGD,
        actor=handler,
        public_message="Dit is al gemeld; u volgt nu die melding.",
        merge_into=survivor,
    )
    followers = Subscription.objects.filter(melding=survivor)
    assert {(s.user_id, s.email) for s in followers} == {
        (None, "buur@example.org"),
        (resident.pk, ""),
    }
    survivor.refresh_from_db()
    assert survivor.supporters == 2


def test_the_reporter_answers_a_question(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.REACTIE_GEVRAAGD, actor=handler, public_message="Welke paal?"
    )
    melding_reporter_reply(melding=melding, text="De paal bij huisnummer 12.")
    melding.refresh_from_db()
    assert melding.status == Status.REACTIE_ONTVANGEN
    assert melding.history.last().public_message == "De paal bij huisnummer 12."


def test_not_solved_goes_back_to_the_queue(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    melding_feedback(melding=melding, satisfied=False, text="De lamp is nog steeds uit.")
    melding.refresh_from_db()
    assert melding.status == Status.VERZOEK_TOT_HEROPENEN
    assert melding.closed_at is None
    with pytest.raises(MeldingError):
        melding_feedback(melding=melding, satisfied=True)


def test_feedback_closes_after_14_days(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    Melding.objects.filter(pk=melding.pk).update(
        closed_at=timezone.now() - timezone.timedelta(days=15)
    )
    with pytest.raises(MeldingError, match="14 dagen"):
        melding_feedback(melding=melding, satisfied=False, text="Nog kapot")


def test_contact_data_is_erased_after_the_retention_period(categories, handler, settings):
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 90
    old, _ = new_report(categories)
    recent, _ = new_report(categories)
    for melding in (old, recent):
        melding_change_status(
            melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Klaar."
        )
    Melding.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timezone.timedelta(91))
    assert meldingen_erase_contact_data() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.reporter_email == "" and old.contact_erased_at is not None
    assert recent.reporter_email == "bewoner@example.org"


def test_an_overdue_reporter_is_told_once_with_a_new_date(
    categories, django_capture_on_commit_callbacks
):
    """The promise is kept: the new date goes into expected_at, told to the reporter, and the
    report stays late (it used to move `deadline` and so leave every late list)."""
    melding, _ = new_report(categories)
    promise = timezone.now() - timezone.timedelta(1)
    Melding.objects.filter(pk=melding.pk).update(deadline=promise)
    Afdeling.objects.filter(pk=melding.afdeling_id).update(email="")  # only the reporter here
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_notify_overdue() == 1
        assert meldingen_notify_overdue() == 0
    melding.refresh_from_db()
    assert melding.deadline == promise
    assert melding.expected_at > timezone.now()
    assert melding.is_overdue and Melding.objects.overdue().filter(pk=melding.pk).exists()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert timezone.localtime(promise).strftime("%d-%m-%Y") in body
    assert timezone.localtime(melding.expected_at).strftime("%d-%m-%Y") in body


def test_the_handler_or_else_the_department_hears_once_that_a_report_is_late(
    categories, handler_factory, django_capture_on_commit_callbacks
):
    assigned, _ = new_report(categories)
    unassigned, _ = new_report(categories, email="")
    handler = handler_factory(afdeling=assigned.afdeling)
    Afdeling.objects.filter(pk=assigned.afdeling_id).update(email="team@gemeente.example")
    Melding.objects.filter(pk=assigned.pk).update(assigned_to=handler)
    past = timezone.now() - timezone.timedelta(1)
    Melding.objects.filter(pk__in=[assigned.pk, unassigned.pk]).update(deadline=past)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_notify_overdue() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_notify_overdue() == 0  # the job runs every ten minutes: once is enough
    staff = [m for m in mail.outbox if m.to != ["bewoner@example.org"]]
    assert sorted(m.to[0] for m in staff) == sorted([handler.email, "team@gemeente.example"])
    by_handler = next(m for m in staff if m.to == [handler.email])
    assert assigned.reference in by_handler.subject and assigned.reference in by_handler.body
    assert f"/beheer/meldingen/{assigned.reference}/" in by_handler.body
    team = next(m for m in staff if m.to == ["team@gemeente.example"])
    assert unassigned.reference in team.body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_handlers_at_once_lose_no_update(categories, handler_factory):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the row lock is exercised on PostgreSQL in CI")
    melding, _ = new_report(categories)
    first, second = handler_factory(), handler_factory()
    results = []

    def act(user, target, text):
        from django.db import connections

        try:
            melding_change_status(
                melding=melding,
                to=target,
                actor=user,
                public_message=text,
                expected_status=Status.GEMELD,
            )
            results.append(target)
        except MeldingError:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=act, args=(first, Status.INGEPLAND, "Ingepland")),
        threading.Thread(target=act, args=(second, Status.NIET_IN_BEHANDELING, "Niet van ons")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, results)).count("refused") == 1
    melding.refresh_from_db()
    assert melding.history.count() == 2


def test_a_report_outside_zuidwest_is_refused_by_the_service(categories):
    with pytest.raises(MeldingError, match="niet in Den Haag Zuidwest"):
        new_report(categories, postcode="2511CV")


def test_a_sensitive_report_cannot_be_merged_into_a_public_one(categories, handler):
    public, _ = new_report(categories)
    sensitive, _ = melding_create(
        intake=Intake(category=categories["drugshandel"], description="x", postcode="2532AB"),
        photos=[],
    )
    with pytest.raises(MeldingError, match="vertrouwelijke"):
        melding_change_status(
            melding=sensitive,
            to=Status.SAMENGEVOEGD,
            actor=handler,
            public_message="Samengevoegd",
            merge_into=public,
        )


def test_waiting_for_the_reporter_does_not_stop_the_clock(categories, handler):
    """Asking the reporter a question does not take a report off the late list: the promise was
    made to them (common/feedback/deadlines.py says why)."""
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.REACTIE_GEVRAAGD, actor=handler, public_message="Waar?"
    )
    Melding.objects.filter(pk=melding.pk).update(deadline=timezone.now() - timezone.timedelta(1))
    assert list(Melding.objects.overdue()) == [melding]
    melding.refresh_from_db()
    assert melding.is_overdue
    assert meldingen_notify_overdue() == 1
