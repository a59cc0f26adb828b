"""Our rules against pabutools on 200 generated elections that are full of ties.

The elections are small (3-12 projects, 5-60 voters) and built from a seed by `generate` below:
few distinct costs and many identical ballots, so projects tie on votes and on equal-shares
prices, and ids such as "10" and "9" test that ties go to the smaller id *as a string*. What
pabutools selects was recorded once by tests/bench/pb_record_expected.py; pabutools itself is
not needed here.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from participation.wijkbudget.pb.parse import parse_text
from participation.wijkbudget.pb.rules import outcome, selected_ids

GENERATOR_VERSION = 1
FIXTURE = Path(__file__).parent / "data" / "pb_expected.json"


def _ids(rng: random.Random, m: int) -> list[str]:
    style = rng.choice(["numbers", "offset", "mixed"])
    if style == "numbers":
        return [str(i) for i in range(1, m + 1)]
    if style == "offset":
        start = rng.choice([5, 8, 95])
        return [str(start + i) for i in range(m)]
    return [rng.choice(["p", "P", "x-"]) + str(i) for i in range(m)]


def _number(rng: random.Random, value: int) -> str:
    """Some costs and budgets as decimals, which must be read exactly."""
    if rng.random() < 0.15:
        return f"{value}.5"
    if rng.random() < 0.1:
        return f"{value}.0"
    return str(value)


def generate(seed: int) -> str:
    """A small pabulib election, rebuilt identically from its seed."""
    rng = random.Random(seed)
    m = rng.randint(3, 12)
    ids = _ids(rng, m)
    vote_type = rng.choices(["approval", "cumulative", "choose-1"], weights=[55, 25, 20])[0]
    palette = rng.sample([1, 2, 2, 3, 4, 5, 6, 8, 10], k=rng.randint(1, 4))
    costs = [0 if rng.random() < 0.05 else rng.choice(palette) for _ in ids]
    budget = max(1, round(sum(costs) * rng.uniform(0.25, 0.75)))
    n = rng.randint(5, 60)
    patterns = []
    for _ in range(rng.randint(2, 5)):
        size = 1 if vote_type == "choose-1" else rng.randint(1, min(4, m))
        chosen = rng.sample(range(m), size)
        patterns.append([(j, rng.choice([1, 1, 2, 3])) for j in chosen])
    lines = ["META", "key;value", f"description;generated election {seed}"]
    lines += [f"num_projects;{m}", f"num_votes;{n}", f"budget;{_number(rng, budget)}"]
    lines += [f"vote_type;{vote_type}", "rule;greedy"]
    if vote_type == "cumulative":
        lines.append("max_sum_points;12")
    lines += ["PROJECTS", "project_id;cost;name"]
    for pid, cost in zip(ids, costs, strict=True):
        name = f'"Project {pid}; with a semicolon"' if rng.random() < 0.2 else f"Project {pid}"
        lines.append(f"{pid};{_number(rng, cost) if cost else '0'};{name}")
    lines.append("VOTES")
    lines.append("voter_id;vote;points" if vote_type == "cumulative" else "voter_id;vote")
    for v in range(n):
        if rng.random() < 0.7:
            ballot = rng.choice(patterns)
        else:
            size = 1 if vote_type == "choose-1" else rng.randint(1, min(3, m))
            ballot = [(j, rng.randint(1, 3)) for j in rng.sample(range(m), size)]
        if vote_type == "cumulative":
            unused = [j for j in range(m) if j not in dict(ballot)]
            if unused and rng.random() < 0.05:  # named with zero points: approved for Cost_Sat
                ballot = [*ballot, (unused[0], 0)]
            vote = ",".join(ids[j] for j, _ in ballot)
            points = ",".join(str(p) for _, p in ballot)
            lines.append(f"{v + 1};{vote};{points}")
        else:
            vote = "" if rng.random() < 0.04 else ",".join(ids[j] for j, _ in ballot)
            lines.append(f"{v + 1};{vote}")
    return "\n".join(lines) + "\n"


def _cases() -> list[dict]:
    if not FIXTURE.exists():  # while the recording script imports `generate`
        return []
    data = json.loads(FIXTURE.read_text())
    assert data["generator"] == GENERATOR_VERSION, "re-record the fixture after changing generate"
    return data["cases"]


CASES = _cases()
VARIANTS = ["greedy", "mes-cost", "mes-cost+add1", "mes-approval", "mes-approval+add1"]


def test_the_fixture_covers_enough_elections_of_each_kind():
    kinds = {parse_text(generate(c["seed"])).profile.vote_type for c in CASES}
    assert len(CASES) >= 200
    assert kinds == {"approval", "cumulative", "choose-1"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}")
def test_rules_select_what_pabutools_selects(case):
    election = parse_text(generate(case["seed"]))
    for variant in VARIANTS:
        rule, _, completion = variant.partition("+")
        got = selected_ids(election, outcome(election, rule, completion or None))
        assert got == case["expected"][variant], variant
