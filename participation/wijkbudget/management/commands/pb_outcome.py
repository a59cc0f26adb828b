"""`manage.py pb_outcome FILE.pb --rule mes-cost [--completion add1] [--json]`."""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError

from participation.wijkbudget.pb.official import official_outcome
from participation.wijkbudget.pb.parse import PabulibError, parse_file
from participation.wijkbudget.pb.rules import RULES, RuleError, outcome, scores, selected_ids


class Command(BaseCommand):
    help = (
        "Compute the outcome of a pabulib (.pb) election. Rules: greedy (by votes, by points for "
        "cumulative ballots), mes-cost and mes-approval (Method of Equal Shares), each as "
        "pabutools computes it, or official (the rule named in the file's `rule` key, as the "
        "city ran it). --completion add1 adds pabutools' add-one completion followed by greedy. "
        "The selected project ids are printed sorted as strings, so two outputs compare as text."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--rule", required=True, choices=[*RULES, "official"])
        parser.add_argument("--completion", choices=["add1"], default=None)
        parser.add_argument("--json", action="store_true", help="one JSON line")

    def handle(self, *args, **options) -> None:
        start = time.perf_counter()
        try:
            election = parse_file(options["file"])
        except (OSError, PabulibError) as exc:
            raise CommandError(str(exc)) from exc
        parsed = time.perf_counter()
        notes: list[str] = []
        try:
            if options["rule"] == "official":
                if options["completion"]:
                    raise CommandError("--completion does not apply to --rule official")
                result = official_outcome(election)
                chosen, notes = result.selected, result.notes
            else:
                chosen = outcome(election, options["rule"], options["completion"])
        except RuleError as exc:
            raise CommandError(str(exc)) from exc
        done = time.perf_counter()
        ids = selected_ids(election, chosen)
        if options["json"]:
            seconds = {"parse": round(parsed - start, 6), "rule": round(done - parsed, 6)}
            self.stdout.write(json.dumps({"selected": ids, "seconds": seconds}))
            return
        self._table(election, set(chosen), notes, parsed - start, done - parsed)

    def _table(self, election, chosen: set[int], notes, t_parse: float, t_rule: float) -> None:
        inst = election.instance
        score = scores(election)
        label = "points" if election.profile.is_cardinal else "votes"
        self.stdout.write(f"{'':2}{'id':>10}  {'cost':>14}  {label:>10}  name")
        spent = 0
        order = sorted(range(len(inst.projects)), key=lambda j: (j not in chosen, -score[j]))
        for j in order:
            p = inst.projects[j]
            mark = "*" if j in chosen else " "
            spent += p.cost if j in chosen else 0
            self.stdout.write(
                f"{mark:2}{p.id:>10}  {float(p.cost):>14,.2f}  {float(score[j]):>10,.0f}  "
                f"{p.name[:60]}"
            )
        self.stdout.write(
            f"{len(chosen)} selected, cost {float(spent):,.2f} of {float(inst.budget):,.2f}; "
            f"parse {t_parse:.3f} s, rule {t_rule:.3f} s"
        )
        for note in notes:
            self.stdout.write(note)
