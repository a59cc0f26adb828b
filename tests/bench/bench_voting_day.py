"""A voting day on the production stack (issue 13, item 6): BENCH_BALLOTS residents (10,000)
arrive over BENCH_SECONDS (600) as a Poisson process, each with a vote code of its own, from an
address of its own, and walks the real form through nginx as a browser without JavaScript does:

    GET  /wijkbudget/<round>/stemmen/              the code form
    POST /wijkbudget/<round>/stemmen/              the code        → 302 to the ballot
    GET  /wijkbudget/<round>/stembiljet/           the ballot
    POST /wijkbudget/<round>/stembiljet/           "controleren"   → the confirmation page
    POST /wijkbudget/<round>/stembiljet/bevestigen/ "stemmen"      → 302 to the receipt
    GET  /wijkbudget/<round>/bewijs/               the receipt

choosing plans at random within the budget. Meanwhile a listener on the round page's
websocket (/ws/wijkbudget/<round>/, what static/js/wijkbudget-turnout.js shows) records the
turnout it hears against the ballots accepted so far. It reports ballots accepted, refused
(with the reason shown), server errors and lost, latency per step, the CPU each part of the
stack used; then it checks in the database that every accepted ballot is counted exactly
once and every code used once. Goals (the issue's): p95 under 300 ms, every ballot counted
once, the turnout keeping up. It reports; it asserts nothing.

The demo round (moerwijk-2027, open for voting) gets BENCH_BALLOTS fresh codes first:

    STACK_DEMO=1 WEB_WORKERS=4 scripts/ci-stack.sh \
        .venv/bin/python tests/bench/bench_voting_day.py
    BENCH_BALLOTS=200 BENCH_SECONDS=60 STACK_DEMO=1 WEB_WORKERS=4 scripts/ci-stack.sh …

Options (environment): BENCH_BALLOTS (10000), BENCH_SECONDS (600), BENCH_THREADS (at most
this many residents in the form at once, 200), BENCH_ROUND (moerwijk-2027).
"""

import itertools
import json
import os
import random
import re
import tempfile
import threading
import time
from urllib.parse import urlsplit

from stack_load import Browser, CpuWatch, Timings, address, arrivals, django, refusal, run_schedule
from websockets.sync.client import connect

BASE = os.environ.get("STACK_URL", "http://127.0.0.1:8080").rstrip("/")
BALLOTS = int(os.environ.get("BENCH_BALLOTS", "10000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "600"))
THREADS = int(os.environ.get("BENCH_THREADS", "200"))
ROUND = os.environ.get("BENCH_ROUND", "moerwijk-2027")
STEPS = ["code form", "code", "ballot", "check", "confirm", "receipt"]
PLAN = re.compile(r'name="kies" value="(\d+)" data-cost="(\d+)"')
BUDGET = re.compile(r'data-budget="(\d+)"')


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.accepted: list[tuple[float, str]] = []  # (when, code)
        self.refused: dict[str, int] = {}
        self.server_errors: dict[str, int] = {}
        self.failed: dict[str, int] = {}  # no answer: a timeout or a dropped connection
        self.unknown: list[str] = []  # codes whose confirm got no answer: cast or not?

    def count(self, table: dict, key: str) -> None:
        with self.lock:
            table[key] = table.get(key, 0) + 1


def setup() -> tuple[list[str], dict]:
    """Fresh codes for the round, and what the database held before."""
    out = django(
        "import json;"
        "from participation.wijkbudget.models import Round, Ballot, HasVoted;"
        "from participation.wijkbudget.services.voting import vote_codes_generate, turnout;"
        f"r = Round.objects.get(slug={ROUND!r});"
        "before = {'ballots': Ballot.objects.filter(round=r).count(),"
        " 'marks': HasVoted.objects.filter(round=r).count(), 'turnout': turnout(r),"
        " 'phase': str(r.phase()), 'rule': r.ballot_rule, 'proposals':"
        " r.proposals.on_ballot().count()};"
        f"codes = []\nfor left in range({BALLOTS + 1}, 0, -20000):"
        " codes += vote_codes_generate(round=r, count=min(left, 20000), actor=None)\n"
        "print(json.dumps({'codes': codes, 'before': before}))"
    )
    data = json.loads(out.splitlines()[-1])
    return data["codes"], data["before"]


def choose(ballot_html: str, rng: random.Random) -> list[str]:
    budget = int(BUDGET.search(ballot_html)[1])
    plans = PLAN.findall(ballot_html)
    rng.shuffle(plans)
    chosen, spent = [], 0
    for pk, cost in plans:
        if spent + int(cost) <= budget and (not chosen or rng.random() < 0.7):
            chosen.append(pk)
            spent += int(cost)
    return chosen


def voter(n: int, code: str, timings: Timings, tally: Tally) -> None:
    rng = random.Random(n)
    browser = Browser(BASE, address(n), timings)
    prefix = f"/wijkbudget/{ROUND}"
    step = STEPS[0]
    try:
        expected = {
            "code form": 200,
            "code": 302,
            "ballot": 200,
            "check": 200,
            "confirm": 302,
            "receipt": 200,
        }

        def check(response) -> bool:
            if response.status_code == expected[step]:
                return True
            table = tally.server_errors if response.status_code >= 500 else tally.refused
            tally.count(table, f"{step}: {refusal(response)}")
            return False

        if not check(browser.get(step, f"{prefix}/stemmen/")):
            return
        step = "code"
        shown = "-".join(code[i : i + 4] for i in range(0, 12, 4))
        if not check(browser.post(step, f"{prefix}/stemmen/", {"code": shown})):
            return
        step = "ballot"
        page = browser.get(step, f"{prefix}/stembiljet/")
        if not check(page):
            return
        kies = [("kies", pk) for pk in choose(page.text, rng)]
        step = "check"
        checked = browser.post(step, f"{prefix}/stembiljet/", [*kies, ("actie", "controleren")])
        if not check(checked):
            return
        step = "confirm"
        try:
            done = browser.post(
                step, f"{prefix}/stembiljet/bevestigen/", [*kies, ("actie", "stemmen")]
            )
        except Exception:
            with tally.lock:
                tally.unknown.append(code)
            raise
        if not check(done):
            return
        with tally.lock:
            tally.accepted.append((time.monotonic(), code))
        step = "receipt"
        check(browser.get(step, f"{prefix}/bewijs/"))
    except Exception as error:  # counted and reported, never lost
        tally.count(tally.failed, f"{step}: {type(error).__name__}")
    finally:
        browser.close()


class TurnoutListener(threading.Thread):
    """The round page's live turnout, as a browser's live.js hears it."""

    def __init__(self):
        super().__init__(daemon=True)
        self.heard: list[tuple[float, int]] = []
        self.stop = threading.Event()
        self.error = ""
        self.ready = threading.Event()

    def run(self) -> None:
        site = urlsplit(BASE).netloc
        try:
            with connect(f"ws://{site}/ws/wijkbudget/{ROUND}/", origin=BASE, open_timeout=30) as ws:
                self.ready.set()
                while not self.stop.is_set():
                    try:
                        message = json.loads(ws.recv(timeout=1))
                    except TimeoutError:
                        continue
                    if message.get("type") == "turnout":
                        self.heard.append((time.monotonic(), int(message["payload"]["turnout"])))
        except Exception as error:
            self.error = f"{type(error).__name__}: {error}"
        finally:
            self.ready.set()


def verify(codes_accepted: list[str], codes_unknown: list[str], before: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump({"accepted": codes_accepted, "unknown": codes_unknown}, file)
    out = django(
        "import json;"
        "from django.db.models import Count;"
        "from participation.wijkbudget.models import Round, Ballot, HasVoted, VoteCode;"
        "from participation.wijkbudget.services.voting import hash_code, turnout;"
        f"r = Round.objects.get(slug={ROUND!r});"
        f"data = json.load(open({file.name!r}));"
        "hashes = {hash_code(r, c) for c in data['accepted']};"
        "unknown = {hash_code(r, c) for c in data['unknown']};"
        "marks = HasVoted.objects.filter(round=r, code__isnull=False);"
        "marked = dict(marks.values_list('code__code_hash', 'times'));"
        "used = set(VoteCode.objects.filter(round=r, used_at__isnull=False)"
        ".values_list('code_hash', flat=True));"
        "print(json.dumps({"
        " 'ballots': Ballot.objects.filter(round=r).count(),"
        " 'marks': marks.count() + HasVoted.objects.filter(round=r, user__isnull=False).count(),"
        " 'turnout': turnout(r),"
        " 'accepted_with_mark': sum(1 for h in hashes if h in marked),"
        " 'accepted_marked_once': sum(1 for h in hashes if marked.get(h) == 1),"
        " 'accepted_code_used': len(hashes & used),"
        " 'unknown_cast': len(unknown & set(marked)),"
        " 'marks_not_accepted': len(set(marked) - hashes - unknown),"
        " 'ballots_without_mark': Ballot.objects.filter(round=r, source='online').count()"
        " - marks.count(),"
        " 'empty_ballots': Ballot.objects.filter(round=r).annotate(n=Count('choices'))"
        ".filter(n=0).count()}))"
    )
    os.unlink(file.name)
    return json.loads(out.splitlines()[-1])


def main() -> None:
    print(f"voting day: {BALLOTS} ballots over {SECONDS:.0f} s on {BASE}", flush=True)
    codes, before = setup()
    print(f"round {ROUND}: {before}", flush=True)
    listener = TurnoutListener()
    listener.start()
    listener.ready.wait(60)
    if listener.error:
        print(f"turnout websocket refused: {listener.error}")
    timings, tally = Timings(), Tally()
    samples: list[tuple[float, int, int]] = []  # (t, accepted so far, last turnout heard)
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.wait(1):
            heard = listener.heard[-1][1] if listener.heard else before["turnout"]
            samples.append((time.monotonic(), len(tally.accepted), heard - before["turnout"]))

    threading.Thread(target=sample, daemon=True).start()
    cpu = CpuWatch()
    started = time.monotonic()
    wall, late = run_schedule(
        arrivals(BALLOTS, SECONDS),
        lambda n: voter(n, codes[n], timings, tally),
        threads=THREADS,
    )
    last_accepted = max((t for t, _ in tally.accepted), default=started)
    target = before["turnout"] + len(tally.accepted)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(v >= target for _, v in listener.heard):
        time.sleep(0.2)
    sampling.set()
    cpu_report = cpu.report()
    heard = list(listener.heard)
    # After the run: is the listener still hearing? One more resident votes while the listener
    # of the whole run and a fresh one listen.
    fresh = TurnoutListener()
    fresh.start()
    fresh.ready.wait(60)
    probe = Tally()
    voter(BALLOTS, codes[BALLOTS], Timings(), probe)
    time.sleep(5)
    alive = listener.is_alive()
    for one in (listener, fresh):
        one.stop.set()
        one.join(5)

    accepted = len(tally.accepted)
    print(f"\n{BALLOTS} residents over {wall:.0f} s of wall time ({SECONDS:.0f} s scheduled)")
    late.sort()
    if late:
        print(
            f"start of a resident after its arrival time: p50 {1000 * late[len(late) // 2]:.0f} ms,"
            f" max {1000 * late[-1]:.0f} ms (when large, the load generator is the limit)"
        )
    print(f"ballots accepted: {accepted}")
    print(f"refused: {sum(tally.refused.values())}")
    for reason, n in sorted(tally.refused.items(), key=lambda x: -x[1]):
        print(f"  {n:6}  {reason}")
    print(f"server errors: {sum(tally.server_errors.values())}")
    for reason, n in sorted(tally.server_errors.items(), key=lambda x: -x[1]):
        print(f"  {n:6}  {reason}")
    print(f"no answer (timeout, connection): {sum(tally.failed.values())}")
    for reason, n in sorted(tally.failed.items(), key=lambda x: -x[1]):
        print(f"  {n:6}  {reason}")
    print("\nlatency through nginx")
    print(timings.table(STEPS))
    done = timings.steps.get("confirm", [])
    print(f"throughput: {accepted / wall:.1f} ballots/s, {len(done)} confirms")

    print("\nlive turnout on the round page (websocket through nginx)")
    if listener.error:
        print(f"  listener: {listener.error}")
    print(f"  events heard: {len(heard)}")
    lags = [a - h for _, a, h in samples]
    if lags:
        print(
            f"  behind the ballots accepted so far, sampled each second: "
            f"mean {sum(lags) / len(lags):.1f}, max {max(lags)} ballots"
        )
    final = heard[-1][1] if heard else None
    highest = max((v for _, v in heard), default=None)
    print(f"  at the end: last heard {final}, highest heard {highest}, true {target}")
    caught = next((t for t, v in heard if v >= target), None)
    if caught is not None:
        print(f"  reached the true count {caught - last_accepted:+.2f} s after the last ballot")
    else:
        print("  never reached the true count within 30 s of the last ballot")
    if heard:
        print(f"  last event heard {heard[-1][0] - started:.0f} s into the run")
    print(
        f"  one more ballot after the run ({len(probe.accepted)} accepted): the run's listener "
        f"heard {listener.heard[-1][1] if listener.heard else None} last (alive: "
        f"{alive}, error: {listener.error or 'none'}), a fresh listener heard "
        f"{[v for _, v in fresh.heard]} (error: {fresh.error or 'none'})"
    )
    out_of_order = sum(1 for (_, a), (_, b) in itertools.pairwise(heard) if b < a)
    print(f"  events lower than the one before (out of order): {out_of_order}")

    print("\n" + cpu_report)

    found = verify([c for _, c in tally.accepted + probe.accepted], tally.unknown, before)
    print("\nin the database")
    new_ballots = found["ballots"] - before["ballots"]
    new_marks = found["marks"] - before["marks"]
    accepted += len(probe.accepted)
    print(
        f"  new ballots {new_ballots}, new 'has voted' marks {new_marks}, accepted {accepted}"
        " (with the one after the run)"
    )
    print(
        f"  accepted codes with a mark: {found['accepted_with_mark']}, marked once: "
        f"{found['accepted_marked_once']}, code used: {found['accepted_code_used']}"
    )
    print(
        f"  confirms without an answer: {len(tally.unknown)}, of which cast: "
        f"{found['unknown_cast']}; marks of codes never accepted: {found['marks_not_accepted']}"
    )
    print(
        f"  online ballots minus code marks: {found['ballots_without_mark']}, "
        f"ballots without choices: {found['empty_ballots']}, turnout {found['turnout']}"
    )
    lost = accepted - found["accepted_marked_once"]
    once = (
        new_ballots == accepted + found["unknown_cast"]
        and new_marks == new_ballots
        and found["accepted_code_used"] == accepted
        and lost == 0
        and found["marks_not_accepted"] == 0
    )
    print(f"  lost: {lost}; every accepted ballot counted exactly once: {'yes' if once else 'NO'}")


if __name__ == "__main__":
    main()
