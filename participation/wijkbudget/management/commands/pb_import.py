"""`manage.py pb_import FILE.pb [--slug SLUG] [--wijk SLUG] [--close]`: a pabulib election as a
round. Projects become feasible proposals, votes become (anonymous) ballots; with --close the
round is counted at once with its rule (the file's `rule` when we support it, else MES)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from fractions import Fraction

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from common.models import Wijk
from participation.wijkbudget.models import (
    Ballot,
    BallotChoice,
    BallotRule,
    OutcomeRule,
    Proposal,
    Round,
)
from participation.wijkbudget.pb.parse import PabulibError, parse_file
from participation.wijkbudget.services import round_close
from participation.wijkbudget.services.voting import RECEIPT_ALPHABET, RECEIPT_LENGTH
from participation.wijkbudget.workflow import Feasibility

BATCH = 5_000


def to_cents(value: Fraction, what: str) -> int:
    cents = value * 100
    if cents.denominator != 1:
        raise CommandError(
            f"{what} {float(value)} has more than two decimals; not an amount in euros"
        )
    return int(cents)


class Command(BaseCommand):
    help = "Import a pabulib .pb file as a budget round (proposals and anonymous ballots)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--slug", default="")
        parser.add_argument("--wijk", action="append", default=[], help="wijk slug (repeatable)")
        parser.add_argument("--close", action="store_true", help="count the round at once")

    def handle(self, *args, **options) -> None:
        try:
            election = parse_file(options["file"])
        except (OSError, PabulibError) as exc:
            raise CommandError(str(exc)) from exc
        inst, prof = election.instance, election.profile
        if prof.vote_type not in ("approval", "choose-1", "cumulative"):
            raise CommandError(f"{prof.vote_type} ballots cannot be imported as a round")
        meta = inst.meta
        title = meta.get("description") or meta.get("unit") or "Geïmporteerde ronde"
        slug = options["slug"] or slugify(f"{title}-{secrets.token_hex(2)}")[:80]
        if Round.objects.filter(slug=slug).exists():
            raise CommandError(f"a round with slug {slug!r} already exists")
        cumulative = prof.is_cardinal
        if cumulative:
            ballot_rule = BallotRule.CUMULATIVE
        elif "max_sum_cost" in meta:
            ballot_rule = BallotRule.KNAPSACK
        else:
            ballot_rule = BallotRule.APPROVAL
        rule = meta.get("rule", "")
        outcome_rule = rule if rule in OutcomeRule.values else OutcomeRule.MES_COST
        max_points = max((int(p) for pts in (prof.points or []) for p in pts), default=1)
        max_sum = max((int(sum(pts)) for pts in (prof.points or [])), default=1)
        now = timezone.now()
        with transaction.atomic():
            round = Round.objects.create(
                title=title[:140],
                slug=slug,
                budget_cents=to_cents(inst.budget, "budget"),
                ideas_open_at=now - timedelta(days=3),
                review_starts_at=now - timedelta(days=2),
                voting_starts_at=now - timedelta(days=1),
                ballot_rule=ballot_rule,
                min_projects=0,
                max_projects=None,
                points_total=max(max_sum, 1),
                points_max_per_project=max(max_points, 1),
                outcome_rule=outcome_rule,
                completion="" if outcome_rule != OutcomeRule.MES_COST or rule else "add1",
                score_threshold=int(Fraction(meta.get("min_project_score_threshold", "0"))),
            )
            wijken = (
                Wijk.objects.filter(slug__in=options["wijk"])
                if options["wijk"]
                else Wijk.objects.all()
            )
            round.wijken.set(wijken)
            proposals = Proposal.objects.bulk_create(
                [
                    Proposal(
                        round=round,
                        title=(p.name or p.meta.get("name") or f"Project {p.id}")[:120],
                        description=p.meta.get("description", "") or p.name or p.id,
                        estimated_cost_cents=to_cents(p.cost, f"cost of project {p.id}"),
                        final_cost_cents=to_cents(p.cost, f"cost of project {p.id}"),
                        status=Feasibility.HAALBAAR,
                    )
                    for p in inst.projects
                ]
            )
            pks = [p.pk for p in proposals]
            self._ballots(round, prof, pks)
        if options["close"]:
            round = round_close(round=round, actor=None)
        self.stdout.write(
            f"round {round.slug}: {len(pks)} proposals, {prof.n_voters} ballots"
            + (
                f", {sum(p['selected'] for p in round.result['projects'])} selected"
                if round.result
                else ""
            )
        )

    def _ballots(self, round: Round, prof, pks: list[int]) -> None:
        seen: set[str] = set()
        pending: list[tuple[Ballot, tuple, tuple | None]] = []

        def flush() -> None:
            Ballot.objects.bulk_create([b for b, _, _ in pending])
            BallotChoice.objects.bulk_create(
                [
                    BallotChoice(ballot=b, proposal_id=pks[j], points=int(pts[i]) if pts else 1)
                    for b, ballot, pts in pending
                    for i, j in enumerate(ballot)
                ],
                batch_size=BATCH,
            )
            pending.clear()

        for t, (ballot, count) in enumerate(zip(prof.ballots, prof.counts, strict=True)):
            pts = prof.points[t] if prof.points is not None else None
            for _ in range(count):
                receipt = ""
                while not receipt or receipt in seen:
                    receipt = "".join(
                        secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH)
                    )
                seen.add(receipt)
                pending.append(
                    (Ballot(round=round, receipt=receipt, source=Ballot.Source.PAPER), ballot, pts)
                )
                if len(pending) >= BATCH:
                    flush()
        if pending:
            flush()
