"""Nothing a visitor or an API client types gives a server error, and a refused form comes back
with the rest of what was typed. The fuzzer (tests/common/fuzz.py) walks the public pages with
demo content, anonymously and as a signed-in resident, and sends every field of every form and
every query parameter of every link nasty values: oversized text, NUL, right-to-left, emoji
and combining characters, out-of-range dates and numbers, superscript and Arabic-Indic digits
and e-mail addresses of 255, 320 and 1000 characters. NUL and length errors only show on
PostgreSQL: CI runs this on both databases. The walk presses a form's primary button, goes
through each wizard with ordinary values up to the step it fuzzes (and again after a value
that ended it), and opens the links in the mails the site sends (confirmation, sign-up).

New pages are covered without touching this file: every public route of the URL conf must
have been reached, or be named in UNREACHED with the reason."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from .fuzz import (
    CHOICE_VALUES,
    DATE_VALUES,
    EMAIL_VALUES,
    NUMBER_VALUES,
    TEXT_VALUES,
    Fuzzer,
    long_email,
    parse,
)

pytestmark = pytest.mark.django_db

# Never followed: the staff back office, the other languages (the same views), files and feeds,
# and what ends the session or deletes what the walk depends on.
# The walk stays in Dutch: a page under another language's prefix leaves that language active
# in the thread, and the walk would no longer recognise the Dutch routes.
_OTHER_LANGUAGES = "|".join(code for code, _name in settings.LANGUAGES if code != "nl")
SKIP = re.compile(
    rf"^/(beheer|documenten|static|media|{_OTHER_LANGUAGES}|i18n|_util)/|/accounts/logout/"
    r"|/verwijderen/"
    r"|/intrekken/|/afmelden/|\.ics$|/foto/|/bestand/"
)
# Ordinary values, by field name, where the kind of field says too little.
GOODS = {
    r"^website$": "",  # the honeypot: people leave it empty
    r"postcode": "2532 AB",
    r"huisnummer": "12",
    r"^code$": "DEMZ-WKBD-2222",
    r"^(name|naam)$": "Fuzz Tester",
    r"amount|bedrag|cost|kosten": "125",
    r"phone|telefoon": "0612345678",
    r"^password": "",
}
# Routes the walk does not reach, and why. Everything else in the URL conf must be reached.
UNREACHED = {
    "healthz": "not a page",
    "favicon": "not a page: a redirect to the icon",
    "javascript-catalog": "not a page: the scripts' texts (a script, not a link)",
    "set_language": "skipped: changes the language of the rest of the walk",
    "account_logout": "skipped: ends the session",
    "accounts:delete": "skipped: deletes the account",
    "initiatives:withdraw": "skipped: ends the initiative the walk uses",
    "shop:activity_cancel": "skipped: cancels the sign-up",
    "account_inactive": "only for a deactivated account",
    "account_reauthenticate": "staff re-authentication",
    "account_request_reauthentication_code": "staff re-authentication",
    "account_confirm_reauthentication_code": "staff re-authentication",
    "account_change_password": "residents have no password",
    "account_set_password": "residents have no password",
    "account_reset_password_from_key_done": "after a new password: residents have none",
    "wagtailcore_authenticate_with_password": "no password-protected pages",
    "wagtailcore_login": "Wagtail's login for private pages",
    "wagtailadmin_login": "redirects to the code login (tests/accounts/test_login.py)",
    "initiatives:accept": "the link of an invitation, sent from one's own submitted initiative",
    # A file, a feed or a photo: no form.
    **dict.fromkeys(
        [
            "initiatives:booking_ics",
            "initiatives:my_booking_ics",
            "shop:activity_ics",
            "shop:wijk_feed",
            "initiatives:file",
            "initiatives:file_size",
            "meldingen:follow_photo",
            "meldingen:follow_photo_size",
            "meldingen:mine_photo",
            "meldingen_public:photo",
            "meldingen_public:photo_large",
            "meldingen_public:map",
        ],
        "a file or a feed",
    ),
    # Not in the demo state the walk starts from.
    "initiatives:accountability": "only for a granted initiative of one's own",
    "initiatives:invite": "only on one's own submitted initiative",
    "participation:answer_merge": "only for a proposer asked to merge",
}


def public_routes() -> set[str]:
    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if re.match(r"\^?(beheer|documenten|open311)", str(p.pattern)):
                    continue
                inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
                yield from walk(p.url_patterns, inner)
            elif isinstance(p, URLPattern) and p.name:
                yield namespace + p.name

    return set(walk(get_resolver().url_patterns))


@pytest.fixture
def demo(settings, wijken, page_tree):
    settings.ACCOUNT_RATE_LIMITS = False  # allauth counts per network; ours per address
    from common.loaders import load_afdelingen
    from demo.agenda import load_demo_activities
    from initiatives.factories import InitiativeFactory
    from initiatives.services import initiative_submit
    from meldingen.factories import MeldingFactory
    from meldingen.loaders import load_categories
    from meldingen.models import Category
    from participation.wijkbudget.factories import ProposalFactory, RoundFactory, ago
    from participation.wijkbudget.models import BallotRule
    from participation.wijkbudget.services.rounds import round_close

    load_afdelingen()
    load_categories()
    call_command("seed_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("seed_processes", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    load_demo_activities()
    moerwijk = wijken["moerwijk"]
    RoundFactory(
        wijken=[moerwijk],
        slug="ideeen",
        review_starts_at=ago(-10),
        voting_starts_at=ago(-20),
        voting_ends_at=ago(-30),
    )
    points = RoundFactory(
        wijken=[moerwijk], slug="punten", ballot_rule=BallotRule.CUMULATIVE, points_total=10
    )
    ProposalFactory(round=points, title="Bankjes")
    ProposalFactory(round=points, title="Bomen")
    # A round already counted: its results and its list of ballots.
    counted = RoundFactory(wijken=[moerwijk], slug="geteld")
    ProposalFactory(round=counted, title="Speeltuin")
    round_close(round=counted, actor=None)
    # An initiative of another resident, open for support and volunteers.
    fresh = InitiativeFactory(wijk=moerwijk, publish_consent=True, title="Buurtfeest")
    initiative_submit(initiative=fresh, actor=fresh.initiator)
    # An open report at the walk's postcode in each category: step 3 of the melding form
    # offers "dit meld ik ook" (with an e-mail field for a visitor without an account).
    for category in Category.objects.filter(is_active=True, is_public=True, parent__isnull=False):
        MeldingFactory(category=category, is_sensitive=False, postcode="2532AB")


def report(fuzzer: Fuzzer) -> str:
    return "\n".join(
        [
            f"{fuzzer.requests} requests, {len(fuzzer.errors)} server errors",
            *fuzzer.errors[:40],
            *fuzzer.lost[:40],
        ]
    )


def test_the_nasty_values_are_what_they_claim():
    """The fuzzer's own list: long addresses of the promised lengths, digits that look like
    digits to str.isdigit() but not to int(), dates at the ends of the calendar."""
    assert [len(e) for e in EMAIL_VALUES] == [255, 320, 1000]
    assert len(long_email(255)) == 255
    assert "²".isdigit() and "١".isdigit() and {"²", "١٢"} <= set(NUMBER_VALUES)
    assert {"9999-12-31", "0001-01-01", "9999-12"} <= set(DATE_VALUES)
    assert "a\x00b" in TEXT_VALUES and "\x00" in CHOICE_VALUES


def test_the_fuzzer_presses_the_primary_button_and_reads_the_mails(client):
    """A form with two named buttons moves on only with the primary one (check, then cast);
    the links in a mail sent are walked like links on a page."""
    from django.core import mail

    page = parse(
        "http://testserver/wijkbudget/x/stembiljet/",
        '<form method="post"><input name="kies" type="checkbox" value="3">'
        '<button type="submit" name="actie" value="bijwerken" class="a--secondary-action">'
        '</button><button type="submit" name="actie" value="controleren" '
        'class="a--primary-action"></button></form>',
    )
    pressed = page.forms[0].pressed()
    assert (pressed.name, pressed.value) == ("actie", "controleren")
    fuzzer = Fuzzer(client=client, goods=GOODS, skip=SKIP)
    fuzzer._mails = len(mail.outbox)
    mail.send_mail(
        "Bevestig",
        "Klik: https://zuidwest.example/bevestigen/abc/ of https://elders.example/beheer/",
        None,
        ["a@example.org"],
    )
    assert fuzzer._mail_links() == ["/bevestigen/abc/"]
    assert fuzzer._mail_links() == []  # each mail once


def test_public_pages_and_forms_never_give_a_server_error(client, demo):
    from accounts.models import User

    fuzzer = Fuzzer(client=client, goods=GOODS, skip=SKIP)
    starts = [
        "/",
        "/melden/",
        "/meldingen/",
        "/initiatieven/",
        "/initiatieven/spreekuren/",
        "/wijkbudget/",
        "/wijkbudget/ideeen/idee/",
        "/wijkbudget/moerwijk-2027/stemmen/",
        "/wijkbudget/punten/stemmen/",
        "/wijkbudget/geteld/uitslag/",
        "/inspraak/",
        "/inspraak/kalender/?maand=2026-11",
        "/agenda/",
        "/zoeken/?q=wijk",
        "/terugkoppeling/",
    ]
    # The account pages first, in a session of their own: a sign-up leaves the session
    # waiting for its e-mail confirmation, and then the login pages send there.
    accounts = ["/accounts/login/code/", "/accounts/login/", "/accounts/password/reset/"]
    fuzzer.crawl([*accounts, "/accounts/signup/"])
    client.logout()
    fuzzer.crawl(starts)
    client.force_login(User.objects.get(email="bewoner@zuidwest.example"))
    # Not the account pages: signed in they redirect, and a password-reset link signs out.
    fuzzer.crawl(["/mijn/", "/mijn/profiel/", "/initiatieven/nieuw/", *starts[1:]], who="bewoner")
    # The account page again: now it lists the reports and appointments made on the walk.
    fuzzer.crawl(["/mijn/"], who="bewoner")

    print(report(fuzzer))
    slow = sorted(fuzzer.timing.items(), key=lambda kv: -kv[1][1])[:25]
    print("\n".join(f"{k}: {n} requests, {t:.1f} s" for k, (n, t) in slow))
    assert not fuzzer.errors, report(fuzzer)
    assert not fuzzer.lost, report(fuzzer)
    stale = set(UNREACHED) & fuzzer.routes
    assert not stale, f"reached after all, take out of UNREACHED: {sorted(stale)}"
    missing = public_routes() - fuzzer.routes - set(UNREACHED)
    assert not missing, f"routes the walk never reached: {sorted(missing)}"
