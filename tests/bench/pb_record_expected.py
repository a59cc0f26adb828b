"""Record, once, what the reference library pabutools selects on generated tie-heavy elections.

pabutools is GPL-3.0 and pulls in a proprietary solver, so it is never a dependency of the
project: it lives in a separate virtualenv and only this script and `bench_pb.py` call it.

    python3 -m venv /work/pbref
    /work/pbref/bin/pip install --no-deps pabutools==1.2.3
    /work/pbref/bin/pip install gmpy2 natsort numpy pulp
    /work/pbref/bin/python tests/bench/pb_record_expected.py   # writes the fixture

The elections are rebuilt from their seed by `tests/wijkbudget/test_pb_generated.py`, which
checks our rules against the recorded selections without needing pabutools.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FIXTURE = ROOT / "tests" / "participation" / "data" / "pb_expected.json"
VARIANTS = [
    ("greedy", None),
    ("mes-cost", None),
    ("mes-cost", "add1"),
    ("mes-approval", None),
    ("mes-approval", "add1"),
]


def variant_key(rule: str, completion: str | None) -> str:
    return rule if completion is None else f"{rule}+{completion}"


def reference_outcome(instance, profile, rule: str, completion: str | None) -> list[str]:
    """The pabutools calls our rules are defined by (see participation/wijkbudget/pb/rules.py)."""
    from pabutools.election import (
        AbstractApprovalProfile,
        Additive_Cardinal_Sat,
        Cardinality_Sat,
        Cost_Sat,
    )
    from pabutools.election.satisfaction import AdditiveSatisfaction
    from pabutools.rules import (
        completion_by_rule_combination,
        greedy_utilitarian_welfare,
        method_of_equal_shares,
    )

    def points_times_cost(instance, profile, ballot, project, precomputed):
        return ballot.get(project, 0) * project.cost

    class PointsCostSat(AdditiveSatisfaction):
        def __init__(self, instance, profile, ballot):
            super().__init__(instance, profile, ballot, points_times_cost)

    approval = isinstance(profile, AbstractApprovalProfile)
    greedy_sat = Cost_Sat if approval else PointsCostSat
    if rule == "greedy":
        chosen = greedy_utilitarian_welfare(instance, profile, sat_class=greedy_sat)
    else:
        if rule == "mes-cost":
            mes_sat = Cost_Sat
        else:
            mes_sat = Cardinality_Sat if approval else Additive_Cardinal_Sat
        if completion is None:
            chosen = method_of_equal_shares(instance, profile, sat_class=mes_sat)
        else:
            chosen = completion_by_rule_combination(
                instance,
                profile,
                [method_of_equal_shares, greedy_utilitarian_welfare],
                [{"sat_class": mes_sat, "voter_budget_increment": 1}, {"sat_class": greedy_sat}],
            )
    return sorted(str(p.name) for p in chosen)


def record(count: int = 200) -> dict:
    from pabutools.election.pabulib import parse_pabulib_from_string

    from tests.wijkbudget.test_pb_generated import GENERATOR_VERSION, generate

    cases = []
    for seed in range(count):
        text = generate(seed)
        instance, profile = parse_pabulib_from_string(text)
        expected = {
            variant_key(rule, completion): reference_outcome(instance, profile, rule, completion)
            for rule, completion in VARIANTS
        }
        cases.append({"seed": seed, "expected": expected})
    return {"generator": GENERATOR_VERSION, "reference": "pabutools 1.2.3", "cases": cases}


if __name__ == "__main__":
    data = record(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(data['cases'])} cases to {FIXTURE}")
