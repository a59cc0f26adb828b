"""Voting: make codes, check a code, cast (and re-cast) a ballot, secretly and race-free. Paper
ballots: services/paper.py."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.feedback.secrets import hash_secret
from common.realtime import publish_event

from ..ballot_rules import RuleConfig, check_ballot
from ..models import Ballot, BallotChoice, HasVoted, Round, VoteCode
from ..workflow import Phase
from .base import BudgetError, round_group

# No 0/O, 1/I/L: codes are typed from paper, often on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # about 59 bits: guessing is hopeless, and attempts are rate-limited too
RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECEIPT_LENGTH = 10
MAX_CODES_PER_BATCH = 20_000


class BallotRefused(BudgetError):
    """The ballot breaks the round's rule; `messages` says every way it does."""


def normalise_code(text: str) -> str:
    return "".join(c for c in (text or "").upper() if c.isalnum())


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def hash_code(round: Round, code: str) -> str:
    return hash_secret(f"{round.code_salt}:{normalise_code(code)}")


def vote_codes_generate(*, round: Round, count: int, actor) -> list[str]:
    """N fresh codes. Only their hashes are stored; the caller prints the codes at once (the
    letters) and they can never be shown again."""
    if not 1 <= count <= MAX_CODES_PER_BATCH:
        raise BudgetError(
            _("Maak tussen 1 en %(max)s codes tegelijk.") % {"max": MAX_CODES_PER_BATCH}
        )
    if round.closed_at is not None:
        raise BudgetError(_("Deze ronde is gesloten; er zijn geen codes meer nodig."))
    with transaction.atomic():
        batch = (
            VoteCode.objects.filter(round=round)
            .order_by("-batch")
            .values_list("batch", flat=True)
            .first()
            or 0
        ) + 1
        codes: list[str] = []
        seen: set[str] = set()
        while len(codes) < count:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in seen:
                seen.add(code)
                codes.append(code)
        VoteCode.objects.bulk_create(
            [VoteCode(round=round, code_hash=hash_code(round, c), batch=batch) for c in codes]
        )
    return codes


def vote_code_find(*, round: Round, text: str) -> VoteCode:
    """The code behind what a resident typed, or a plain refusal."""
    code = normalise_code(text)
    if not code:
        raise BudgetError(_("Vul de stemcode in die in uw brief staat."))
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise BudgetError(
            _(
                "Deze stemcode klopt niet. Een stemcode heeft 12 letters en cijfers, zoals "
                "ABCD-EFGH-JKMN. De letters I, L en O komen er niet in voor. De cijfers 0 en 1 ook "
                "niet."
            )
        )
    found = VoteCode.objects.filter(round=round, code_hash=hash_code(round, code)).first()
    if found is None:
        raise BudgetError(
            _(
                "Deze stemcode kennen we niet voor deze ronde. Kijk of u de code goed heeft "
                "overgenomen."
            )
        )
    return found


def ballot_costs(round: Round) -> dict[int, int]:
    return dict(round.proposals.on_ballot().values_list("pk", "final_cost_cents"))


def check_selection(round: Round, selection: dict[int, int]):
    return check_ballot(RuleConfig.of(round), selection, ballot_costs(round))


def seal_for(round_id: int, nonce: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"wijkbudget:{round_id}:{nonce}".encode(), hashlib.sha256).hexdigest()


def _receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def _store_ballot(round: Round, selection: dict[int, int], seal: str, source: str) -> Ballot:
    while True:
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(
                    round=round, receipt=_receipt(), seal=seal, source=source
                )
            break
        except IntegrityError:  # a receipt collision: astronomically rare, but try another
            continue
    BallotChoice.objects.bulk_create(
        [
            BallotChoice(ballot=ballot, proposal_id=pid, points=pts)
            for pid, pts in selection.items()
            if pts
        ]
    )
    return ballot


def turnout(round: Round) -> int:
    return round.marks.count() + round.paper_entries.filter(counted=True).count()


def _publish_turnout(round: Round) -> None:
    publish_event(round_group(round.pk), "turnout", {"turnout": turnout(round)})


def _open_round(round: Round) -> Round:
    """The round, locked: closing takes the same lock, so no ballot lands after the count."""
    row = Round.objects.select_for_update().get(pk=round.pk)
    if row.phase() != Phase.STEMMEN:
        if row.closed_at is not None:
            raise BudgetError(_("Het stemmen is gesloten. U kunt niet meer stemmen."))
        raise BudgetError(_("U kunt nu niet stemmen: het stemmen is nog niet begonnen."))
    return row


def _open_and_checked(round: Round, selection: dict) -> tuple[Round, dict[int, int]]:
    """Lock the round (still open for voting) and check the choices against its rules, online
    and on paper alike; in the caller's transaction. The choices come back as whole numbers,
    without the proposals given nothing."""
    selection = {int(k): int(v) for k, v in selection.items() if int(v)}
    row = _open_round(round)
    check = check_selection(row, selection)
    if not check.ok:
        raise BallotRefused(check.errors)
    return row, selection


def ballot_cast(
    *, round: Round, selection: dict[int, int], code: VoteCode | None = None, user=None
) -> Ballot:
    """Store a ballot for a code or an account. A second ballot replaces the first: the mark's
    nonce finds the old ballot through its seal, and both get new values, so the published
    list shows no chain of replacements."""
    if (code is None) == (user is None):
        raise ValueError("ballot_cast needs a code or a user, not both")
    with transaction.atomic():
        row, selection = _open_and_checked(round, selection)
        who = {"code": code} if code is not None else {"user": user}
        nonce = secrets.token_hex(32)
        mark = HasVoted.objects.select_for_update().filter(round=row, **who).first()
        if mark is None:
            try:
                with transaction.atomic():
                    HasVoted.objects.create(round=row, nonce=nonce, **who)
            except IntegrityError:
                # Someone with the same code got there first: wait for their mark, then replace.
                mark = HasVoted.objects.select_for_update().get(round=row, **who)
        if mark is not None:
            Ballot.objects.filter(round=row, seal=seal_for(row.pk, mark.nonce)).delete()
            mark.nonce = nonce
            mark.times += 1
            mark.voted_at = timezone.now()
            mark.save(update_fields=["nonce", "times", "voted_at"])
        if code is not None and code.used_at is None:
            VoteCode.objects.filter(pk=code.pk, used_at=None).update(used_at=timezone.now())
        ballot = _store_ballot(row, selection, seal_for(row.pk, nonce), Ballot.Source.ONLINE)
        _publish_turnout(row)
    return ballot


def has_voted(*, round: Round, code: VoteCode | None = None, user=None) -> bool:
    who = {"code": code} if code is not None else {"user": user}
    return HasVoted.objects.filter(round=round, **who).exists()
