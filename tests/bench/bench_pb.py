"""Our participatory-budgeting rules against pabutools and the official results, on real files.

Reads the pabulib files from ../shared/data/pabulib (never copied into the project) and prints,
per file: whether our selection equals pabutools' for greedy, mes-cost and mes-approval, each
with and without add-one completion; whether `--rule official` reproduces the file's `selected`
column; and parse and rule timings side by side. Run it with the reference virtualenv:

    /work/pbref/bin/python tests/bench/bench_pb.py [--timeout 600] [--only Warszawa_2026]
        [--variants greedy,mes-cost+add1] [--max-voters 10000] [--cache PATH]
    /work/pbref/bin/python tests/bench/bench_pb.py --timing   # issue #6 item 12, side by side

pabutools' answers are cached in ~/.cache/zuidwest-pb-reference.json (keyed by file and size),
because add-one completion takes pabutools hours on the large files; `--timeout` bounds each
call, ours and pabutools' alike (a pabutools call that hits it is retried only with a longer
timeout). Add-one raises every share by one currency unit per step, so its run time grows with
the share: thousands of MES runs on Toulouse (EUR 1,100 a voter) or Budapest (HUF 34,500).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pb_record_expected import reference_outcome, variant_key  # noqa: E402

from participation.wijkbudget.pb.official import official_outcome  # noqa: E402
from participation.wijkbudget.pb.parse import parse_file  # noqa: E402
from participation.wijkbudget.pb.rules import outcome, selected_ids  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "pabulib"
CACHE = Path.home() / ".cache" / "zuidwest-pb-reference.json"
VARIANTS = [(r, c) for r in ("greedy", "mes-cost", "mes-approval") for c in (None, "add1")]


def _child(conn, fn, args):
    start = time.perf_counter()
    got = fn(*args)
    conn.send((got, time.perf_counter() - start))


def with_timeout(timeout: float, fn, *args):
    """Run fn in a forked child so a slow one can be stopped: (result, seconds) or (None, None).

    Add-one raises every share by one currency unit per step, so on a budget in forints or with
    large shares it takes pabutools, and us, thousands of MES runs.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args))
    proc.start()
    if parent.poll(timeout):
        got = parent.recv()
        proc.join()
        return got
    proc.kill()
    proc.join()
    return None, None


def ours(path: Path, rule: str, completion: str | None):
    start = time.perf_counter()
    election = parse_file(path)
    parsed = time.perf_counter()
    chosen = outcome(election, rule, completion)
    done = time.perf_counter()
    return selected_ids(election, chosen), parsed - start, done - parsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--only", default="")
    ap.add_argument("--no-pabutools", action="store_true")
    ap.add_argument("--variants", default="", help="e.g. greedy,mes-cost+add1 (default: all)")
    ap.add_argument("--timing", action="store_true", help="only the side-by-side timings")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--max-voters", type=int, default=0, help="skip larger files")
    args = ap.parse_args()
    if args.timing:
        timing()
        return
    wanted = set(filter(None, args.variants.split(",")))
    cache = json.loads(args.cache.read_text()) if args.cache.exists() else {}
    rows, official_rows = [], []
    for path in sorted(DATA.glob("*.pb")):
        if args.only not in path.name:
            continue
        election = parse_file(path)
        if args.max_voters and election.profile.n_voters > args.max_voters:
            continue
        if election.profile.vote_type == "ordinal":
            print(f"{path.name}: ordinal ballots, no outcome rule (skipped)")
            continue
        key = f"{path.name}:{path.stat().st_size}"
        entry = cache.setdefault(key, {})
        if not args.no_pabutools:
            from pabutools.election import parse_pabulib

            start = time.perf_counter()
            instance, profile = parse_pabulib(str(path))
            entry["parse"] = time.perf_counter() - start
        for rule, completion in VARIANTS:
            name = variant_key(rule, completion)
            if wanted and name not in wanted:
                continue
            got, _ = with_timeout(args.timeout, ours, path, rule, completion)
            sel, t_parse, t_rule = got if got else (None, None, None)
            ref = entry.get(name)
            tried = entry.get(f"{name}:timeout", 0)
            if ref is None and not args.no_pabutools and tried < args.timeout:
                chosen, seconds = with_timeout(
                    args.timeout, reference_outcome, instance, profile, rule, completion
                )
                if chosen is not None:
                    entry[name] = ref = {"selected": chosen, "seconds": seconds}
                else:
                    entry[f"{name}:timeout"] = args.timeout
                args.cache.parent.mkdir(parents=True, exist_ok=True)
                args.cache.write_text(json.dumps(cache, indent=1, sort_keys=True))
            if sel is None:
                same = "ours-timeout"
            elif ref is None:
                same = "timeout"
            else:
                same = "yes" if ref["selected"] == sel else "NO"
            rows.append(
                (
                    path.stem,
                    name,
                    same,
                    len(sel) if sel is not None else None,
                    t_parse,
                    entry.get("parse"),
                    t_rule,
                    ref and ref["seconds"],
                )
            )
            print(_fmt(rows[-1]), flush=True)
        official_rows.append((path.stem, *official_check(path)))
    print("\nOutcome rules: ours vs pabutools (selected sets, timings in seconds)")
    print(f"{'file':38} {'rule':18} {'same':7} #sel  parse(ours/pabu)  rule(ours/pabu)   speed-up")
    for row in rows:
        print(_fmt(row))
    same = sum(r[2] == "yes" for r in rows)
    print(f"identical: {same} of {len(rows)}; timeouts: {sum(r[2] == 'timeout' for r in rows)}")
    print("\nOfficial rule (file's `rule` key) vs the file's `selected` column")
    for name, rule, verdict, note in official_rows:
        print(f"{name:38} {rule:28} {verdict:10} {note}")


def timing() -> None:
    """Issue #6 item 12, measured side by side in one run: MES on Warsaw 2026, parsing on the
    largest files. Ours is the best of three runs; pabutools runs once (it takes minutes).
    CPU seconds of this process are compared, with wall-clock seconds beside them: on a shared
    machine wall-clock time mostly measures the other processes."""
    from pabutools.election import parse_pabulib

    def best(fn, n=3):
        cpu, wall = [], []
        for _ in range(n):
            start, start_cpu = time.perf_counter(), time.process_time()
            got = fn()
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start)
        return got, min(cpu), min(wall)

    def show(name, what, ours_t, ref_t, extra=""):
        (oc, ow), (rc, rw) = ours_t, ref_t
        print(
            f"{name:24} {what:13} {oc:8.3f} {rc:8.2f} {rc / oc:7.0f}x   "
            f"{ow:8.3f} {rw:8.2f} {rw / ow:7.0f}x  {extra}",
            flush=True,
        )

    head = f"{'CPU s: ours':>12} {'pabutools':>9} {'ratio':>6}   wall s: ours/pabu/ratio"
    print(f"{'':24} {'':13} {head}")
    for name in ("Poland_Krakow_2024", "Poland_Lodz_2022", "Poland_Warszawa_2026"):
        path = DATA / f"{name}.pb"
        election, *ours_t = best(lambda p=path: parse_file(p))
        (instance, profile), *ref_t = best(lambda p=path: parse_pabulib(str(p)), 1)
        show(name, "parse", ours_t, ref_t)
        if name != "Poland_Warszawa_2026":
            continue
        for rule in ("mes-cost", "mes-approval"):
            chosen, *ours_t = best(lambda r=rule, e=election: outcome(e, r))
            ref, *ref_t = best(
                lambda r=rule, i=instance, p=profile: reference_outcome(i, p, r, None), 1
            )
            same = "identical" if ref == selected_ids(election, chosen) else "DIFFERENT"
            show(name, rule, ours_t, ref_t, same)


def _fmt(row) -> str:
    name, variant, same, count, tp, pp, tr, pr = row
    speed = f"{pr / tr:8.0f}x" if pr and tr else "        -"
    pp_s = f"{pp:7.2f}" if pp else "      -"
    pr_s = f"{pr:8.2f}" if pr else "       -"
    tp_s = f"{tp:6.3f}" if tp is not None else "     -"
    tr_s = f"{tr:7.3f}" if tr is not None else "      -"
    head = f"{name[:38]:38} {variant:18} {same:7} {count if count is not None else '-':>4}"
    return f"{head}  {tp_s}/{pp_s}  {tr_s}/{pr_s} {speed}"


def official_check(path: Path) -> tuple[str, str, str]:
    election = parse_file(path)
    meta = election.instance.meta
    rule = meta.get("rule", "")
    flags = {p.id: p.meta.get("selected") for p in election.instance.projects}
    if not any(v not in (None, "") for v in flags.values()):
        return rule, "n/a", "no selected column"
    try:
        result = official_outcome(election)
    except ValueError as exc:
        return rule, "n/a", str(exc)
    # selected=2 marks a project the city funded outside its rule (the file's comment says
    # why): no rule can produce it, so it is compared apart and listed in the note.
    want = sorted(pid for pid, v in flags.items() if v == "1")
    got = selected_ids(election, result.selected)
    note = "; ".join(result.notes)
    if got == want:
        return rule, "identical", note
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    return rule, "DIFFERENT", f"{note} missing={missing} extra={extra}"


if __name__ == "__main__":
    main()
