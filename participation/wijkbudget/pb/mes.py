"""The Method of Equal Shares, fast and exact.

Speed: voters with the same ballot always have the same budget, and a voter's budget only depends
on which selected projects they supported, so voters are kept in budget *classes* (a class is
split when a project it supports is bought). Evaluating a project counts its supporters per class
with C-level `Counter`/`map` calls; the affordability scan then runs over a few hundred classes
instead of tens of thousands of voters.

Exactness: the scan uses floats with a generous error margin. Whenever two projects are within
that margin of each other, or a budget lands within it of zero or of the cost, the decision is
redone with `Fraction`s, which are derived on demand from the classes' history. So the outcome is
the one exact arithmetic gives (as in pabutools, which uses gmpy2 rationals), at float speed.

Repeated runs (add-one completion raises every voter's share by 1 until the outcome overspends):
with ``track=True`` a run also follows how everything it decided moves with the share. While the
same projects win in the same order and the same supporters pay in full, every budget and every
price is an affine function of the share; a project's price computed with *any* guess of who pays
in full is a lower bound of its true price. So each decision of the run (a supporter pays in full
or not, the winner is cheaper than each other project's lower bound, a dropped project stays
unaffordable) is a linear inequality in the share, and the run reports how far the share can grow
before the first of them could fail (`MesResult.stable`, with float errors bounded as above). The
runs in between would select exactly the same projects, so add-one skips them. The next run
(`rerun`) starts from the first round whose inequalities may fail at the new share: the rounds
before it are certain to decide the same, so only their arithmetic is redone (one price per
round instead of evaluating every contender) from a checkpoint kept at the start of each round.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from fractions import Fraction
from itertools import accumulate, compress
from operator import itemgetter, mul, not_

from .mes_data import MesInput, MesResult, Selection
from .mes_exact import ExactPrices

TOL = 1e-9  # relative margin; float errors here are below 1e-11 even for 10^5 voters
EPS = 1e-11  # worst-case relative error of a float sum of up to 10^5 terms


class EqualShares(ExactPrices):
    def __init__(self, inp: MesInput) -> None:
        self.inp = inp
        self.fcost = [float(c) for c in inp.costs]
        self.candidates: list[int] = []
        self.free: list[int] = []
        self.first_lo: dict[int, float] = {}
        self._split: dict[int, tuple] = {}
        self._getters: dict = {}  # itemgetters over the full supporter lists, kept across runs
        self._ucode: dict[Fraction, int] = {}
        self.uval: list[Fraction] = []  # utility by code (cardinal ballots)
        self.ufloat: list[float] = []
        self._is_one = [m == 1 for m in inp.mult] if inp.split is None else []
        self.funit = [float(u) if u is not None else None for u in inp.unit]
        self.first_rho: dict[int, float] = {}
        self.track = self.logging = False
        for j, cost in enumerate(inp.costs):
            total = inp.total_utility(j)
            if total <= 0:
                continue
            if cost == 0:
                self.free.append(j)
            else:
                self.candidates.append(j)
                self.first_rho[j] = float(cost / total)
                self.first_lo[j] = self.first_rho[j] * (1 - TOL)
                self._split[j] = self._split_by_multiplicity(j)

    def _split_by_multiplicity(self, j: int) -> tuple:
        """Single-voter ballot types are counted with `Counter`, the others with their weight."""
        inp = self.inp
        sup, utils = inp.sup[j], inp.utils[j]
        if inp.split is not None and utils is None:
            return inp.split[0][j], inp.split[1][j], None, None
        ones = list(map(self._is_one.__getitem__, sup))
        if all(ones):
            return sup, [], (None if utils is None else [self._code(u) for u in utils]), []
        many = list(map(not_, ones))
        if utils is None:
            return list(compress(sup, ones)), list(compress(sup, many)), None, None
        utils = [self._code(u) for u in utils]
        return (
            list(compress(sup, ones)),
            list(compress(sup, many)),
            list(compress(utils, ones)),
            list(compress(utils, many)),
        )

    def _code(self, u: Fraction) -> int:
        code = self._ucode.get(u)
        if code is None:
            code = self._ucode[u] = len(self.uval)
            self.uval.append(u)
            self.ufloat.append(float(u))
        return code

    def _base_getter(self, j: int):
        got = self._getters.get(j)
        if got is None:
            sup = self._split[j][0]
            if len(sup) > 1:
                got = itemgetter(*sup)
            else:
                got = (lambda cls: (cls[sup[0]],)) if sup else (lambda cls: ())
            self._getters[j] = got
        return got

    # -- classes -----------------------------------------------------------------------------
    def _reset(self, per_voter: Fraction) -> None:
        self.per_voter = per_voter
        self.cb = [0.0, float(per_voter)]  # float budget per class; class 0 is "nothing left"
        self.origin: list[tuple[int, int, Fraction] | None] = [None, None]  # parent, step, utility
        self.exact_b: dict[int, Fraction] = {0: Fraction(0), 1: per_voter}
        self.cls = [1] * len(self.inp.mult)
        self.steps: list[Selection] = []
        # with track=True: d budget / d share per class, a bound on its float error, and how far
        # the share may grow with every decision of this run unchanged
        self.cd, self.cde = [0.0, 1.0], [0.0, 0.0]
        self.stable = float("inf")
        self.sup1, self.supm, self.u1, self.um = {}, {}, {}, {}
        self.getters: dict = {}
        for j, (s1, sm, u1, um) in self._split.items():
            self.sup1[j], self.supm[j] = s1, sm  # replaced, never changed in place
            if u1 is not None:  # utilities as small int codes: hashing Fractions is slow
                self.u1[j], self.um[j] = u1, um

    # -- evaluating one project ----------------------------------------------------------------
    def _hist(self, j: int) -> dict:
        cls = self.cls
        get = cls.__getitem__
        mult = self.inp.mult
        if self.inp.unit[j] is not None:
            gathered = self._gather(j)
            h = Counter(gathered)
            for t in self.supm[j]:
                h[cls[t]] += mult[t]
            zeros = h.pop(0, 0)
            if zeros * 4 > len(self.sup1[j]) + 64:  # drop voters who have nothing left
                self.sup1[j] = list(compress(self.sup1[j], gathered))
                self.getters.pop(j, None)
            return h
        h = Counter(zip(map(get, self.sup1[j]), self.u1[j], strict=True))
        for t, u in zip(self.supm[j], self.um[j], strict=True):
            h[cls[t], u] += mult[t]
        zero = [key for key in h if key[0] == 0]
        if sum(h[key] for key in zero) * 4 > len(self.sup1[j]) + 64:
            keep = list(map(get, self.sup1[j]))
            self.sup1[j] = list(compress(self.sup1[j], keep))
            self.u1[j] = list(compress(self.u1[j], keep))
        for key in zero:
            del h[key]
        return h

    def _gather(self, j: int) -> tuple:
        """The classes of j's single-voter ballots, in one C-level call."""
        getter = self.getters.get(j)
        if getter is None:
            if self.sup1[j] is self._split[j][0]:
                getter = self._base_getter(j)
            else:
                sup = self.sup1[j]
                if len(sup) > 1:
                    getter = itemgetter(*sup)
                else:
                    getter = (lambda cls: (cls[sup[0]],)) if sup else (lambda cls: ())
            self.getters[j] = getter
        return getter(self.cls)

    def _fast(self, j: int, h: dict):
        """Float money behind j, and its rho with the money paid by supporters who pay all."""
        cb = self.cb
        fu = self.funit[j]
        if fu is not None:
            keys = sorted(h, key=cb.__getitem__)
            ratio = list(map(cb.__getitem__, keys))
            ws = list(map(h.__getitem__, keys))
            bw = list(map(mul, ratio, ws))
            uw = ws  # in units of one supporter's utility: `rho` below is then a payment
        else:
            uf = self.ufloat
            keys = sorted(h, key=lambda key: cb[key[0]] / uf[key[1]])
            ratio = [cb[k] / uf[u] for k, u in keys]
            ws = list(map(h.__getitem__, keys))
            bw = [cb[k] * w for (k, _), w in zip(keys, ws, strict=True)]
            uw = [uf[u] * w for (_, u), w in zip(keys, ws, strict=True)]
        paid = list(accumulate(bw, initial=0.0))
        used = list(accumulate(uw, initial=0.0))
        total, cost = used[-1], self.fcost[j]
        # the first class whose members can pay the equal price (monotone, so bisect)
        k = bisect_left(
            range(len(ratio)), True, key=lambda i: cost - paid[i] <= ratio[i] * (total - used[i])
        )
        count = sum(ws)
        if self.track:
            self._slopes(keys, ws, k, total - used[k] if k < len(ratio) else 0.0, fu)
        if k == len(ratio) or total - used[k] <= 0:
            return paid[-1], None, 0.0, count, 0.0
        rich = (total - used[k]) * (fu if fu is not None else 1.0)  # in units of utility
        rho = (cost - paid[k]) / (total - used[k])
        return paid[-1], (rho / fu if fu is not None else rho), paid[k], count, rich

    def _slopes(self, keys: list, ws: list, k: int, rich: float, fu: float | None) -> None:
        """How the money behind a project and its price (with the first k classes paying in
        full) move with the share, with bounds on their float errors (for track=True)."""
        cd, cde = self.cd, self.cde
        cls = keys if fu is not None else [key[0] for key in keys]
        dw = list(map(mul, map(cd.__getitem__, cls), ws))
        ew = list(map(mul, map(cde.__getitem__, cls), ws))
        self.poor_classes = k
        poor, poor_e = sum(dw[:k]), sum(ew[:k]) + EPS * sum(map(abs, dw[:k]))
        self.money_slope = sum(dw)
        self.money_slope_err = sum(ew) + EPS * sum(map(abs, dw))
        if rich > 0:  # rho = (cost - paid_by_poor) / rich, in units of utility
            scale = fu if fu is not None else 1.0
            self.rho_slope = -poor / rich / scale
            self.rho_slope_err = poor_e / rich / scale + EPS * abs(self.rho_slope)

    def _drift(self) -> float:
        """A bound on how far a class's float budget can be from its exact value: every step
        adds at most a few roundings of the size of the equal share (generously counted)."""
        return 1e-13 * self.cb[1] * (len(self.steps) + 1)

    def _evaluate(self, j: int):
        """None when j's supporters can no longer pay for it, else (rho, lo, hi, hist)."""
        h = self._hist(j)
        money, rho, paid, count, rich = self._fast(j, h)
        cost = self.fcost[j]
        drift = self._drift() * count
        if money < cost * (1 + TOL) + drift:
            if self.track:  # dropped: it must stay unaffordable as the share grows
                err = drift + EPS * money + 1e-9 * (cost + money)
                m1, m1e = self.money_slope, self.money_slope_err + 1e-9 * abs(self.money_slope)
                self._limit(cost - money, -m1, err, m1e)
            if money < cost * (1 - TOL) - drift:
                return None
            exact_items = self._entries(j, h, exact=True)
            if sum((b * w for b, _, w in exact_items), Fraction(0)) < self.inp.costs[j]:
                return None
        if rho is None:  # floats ran out right at the cost: settle it exactly
            self._untrack()
            exact = float(self._exact_scan(j, h))
            return exact, exact * (1 - TOL), exact * (1 + TOL), h
        # cost - paid loses precision when the poor pay nearly everything: bound that by the
        # worst-case error of summing up to 10^5 floats (EPS), on top of the relative TOL
        cancel = EPS * rho * (cost + paid) / max(cost - paid, 1e-300)
        margin = TOL * rho + cancel + drift / rich
        return rho, rho - margin, rho + margin, h

    def _limit(self, g0: float, g1: float, e0: float, e1: float) -> None:
        """A decision that holds while g0 + g1 * d > 0, where g0 and g1 are known up to e0 and
        e1, for a share raised by d: bound `stable` by the d where that can first fail."""
        if g0 <= e0:
            self._untrack()
        elif g1 < e1:
            d = (g0 - e0) / (e1 - g1)
            if d < self.stable:
                self.stable = d

    # -- the rule ------------------------------------------------------------------------------
    def run(self, per_voter: Fraction, include_free: bool = True, track: bool = False) -> MesResult:
        """MES with every voter starting at `per_voter`. With `track`, the result also says for
        how many whole increments of the share it would stay the same (see the module doc)."""
        self.track = self.logging = track
        self.checkpoints: list[tuple] = []
        self.undo: list[tuple] = []  # per step: what it changed in `cls`, and its new classes
        self._reset(per_voter)
        lo = dict(self.first_lo)
        # per candidate: a lower bound of its price, affine in the share (value, slope, errors)
        bound = {j: (r, 0.0, EPS * r, 0.0) for j, r in self.first_rho.items()} if track else {}
        free = list(self.free) if include_free else []
        result = MesResult(selected=list(free), free=free)
        return self._rounds(result, lo, bound, set(self.candidates))

    def rerun(self, per_voter: Fraction, include_free: bool = True) -> MesResult:
        """`run(per_voter, track=True)` after a tracked run at a smaller share. The rounds whose
        decisions are certain to be the same at the new share (see the module doc) are not
        evaluated again: their prices and budgets are recomputed at the new share, and the rule
        goes on from the first round that may differ."""
        cps = getattr(self, "checkpoints", None)
        free = list(self.free) if include_free else []
        if not cps or not self.logging or free != self._free or per_voter <= self.per_voter:
            return self.run(per_voter, include_free, track=True)
        # checkpoint r holds the start of round r at the share it was made at, and for how far
        # beyond that share every earlier round stays the same
        r = 0
        while r + 1 < len(cps) and cps[r + 1][0] > float(per_voter - cps[r + 1][1]):
            r += 1
        if r == 0:
            return self.run(per_voter, include_free, track=True)
        stable, made_at, _, n_selected, lo, bound, remaining, dropped, *_ = cps[r]
        shift = float(per_voter - made_at)
        if not self._replay(per_voter, r):
            return self.run(per_voter, include_free, track=True)
        del cps[r:]
        for j, (x0, x1, f0, f1) in bound.items():  # the bounds move along their lines
            x0, f0 = x0 + x1 * shift, f0 + f1 * shift + EPS * (abs(x0) + abs(x1 * shift))
            bound[j] = (x0, x1, f0, f1)
            lo[j] = x0 - f0 - TOL * abs(x0)
        self.track = True
        self.stable = stable - shift
        result = MesResult(selected=self._selected[:n_selected], free=free, dropped=dropped)
        return self._rounds(result, lo, bound, remaining)

    def _replay(self, per_voter: Fraction, r: int) -> bool:
        """Go back to the start of round r and redo its steps' arithmetic at a new share.
        False (and a fresh run is needed) when the floats do not confirm every decision."""
        _, _, n_cls, _, _, _, _, _, sup1, supm, u1, um, getters = self.checkpoints[r]
        cls = self.cls
        for sup, olds in reversed(self.undo[r:]):
            for t, old in zip(sup, olds, strict=True):
                cls[t] = old
        del self.undo[r:], self.steps[r:]
        for values in (self.cb, self.origin, self.cd, self.cde):
            del values[n_cls:]
        self.sup1, self.supm, self.u1, self.um, self.getters = sup1, supm, u1, um, getters
        self.per_voter = per_voter
        self.cb[1] = float(per_voter)
        self.exact_b = {0: Fraction(0), 1: per_voter}
        cb, origin, funit, ufloat = self.cb, self.origin, self.funit, self.ufloat
        old_steps, self.steps = self.steps, []
        c = 2  # classes are numbered in the order the steps made them
        self.track = False
        for old in old_steps:
            j, h = old.project, old.hist
            money, rho, paid, count, rich = self._fast(j, h)
            cost = self.fcost[j]
            drift = self._drift()
            if rho is None or money < cost * (1 + TOL) + drift * count:
                return False
            cancel = EPS * rho * (cost + paid) / max(cost - paid, 1e-300)
            margin = TOL * rho + cancel + drift * count / rich
            step = Selection(j, rho, h, margin=margin, slope=old.slope, slope_err=old.slope_err)
            index = len(self.steps)
            self.steps.append(step)
            unit = funit[j]
            rich_keys = set()
            while c < len(cb) and origin[c][1] == index:
                parent, _, u = origin[c]
                f = unit if unit is not None else float(u)
                b, pay = cb[parent], rho * f
                if b - pay <= TOL * b + drift + margin * f:
                    return False
                cb[c] = b - pay
                rich_keys.add(parent if unit is not None else (parent, self._ucode[u]))
                c += 1
            for key in h:
                if key not in rich_keys:
                    k, f = (key, unit) if unit is not None else (key[0], ufloat[key[1]])
                    if cb[k] - rho * f >= -(TOL * cb[k] + drift + margin * f):
                        return False
        return c == len(cb)

    def _rounds(self, result: MesResult, lo: dict, bound: dict, remaining: set) -> MesResult:
        """Buy the cheapest project per unit of utility, round after round."""
        rank = self.inp.rank
        rich_only: dict[int, bool] = {}  # evaluated this round with nobody paying in full
        while remaining:
            rich_only.clear()
            if self.logging:  # where a later rerun may start from
                self.checkpoints.append(
                    (
                        self.stable if self.track else 0.0,
                        self.per_voter,
                        len(self.cb),
                        len(result.selected),
                        dict(lo),
                        dict(bound),
                        set(remaining),
                        dict(result.dropped),
                        dict(self.sup1),
                        dict(self.supm),
                        dict(self.u1),
                        dict(self.um),
                        dict(self.getters),
                    )
                )
            best_hi = float("inf")
            contenders = []
            for j in sorted(remaining, key=lambda c: (lo[c], rank[c])):
                if lo[j] > best_hi:
                    break
                got = self._evaluate(j)
                if got is None:
                    remaining.discard(j)
                    result.dropped[j] = len(self.steps)
                    continue
                rho, rho_lo, rho_hi, h = got
                lo[j] = rho_lo
                if self.track:
                    bound[j] = (rho, self.rho_slope, rho_hi - rho, self.rho_slope_err)
                    rich_only[j] = self.poor_classes == 0
                best_hi = min(best_hi, rho_hi)
                contenders.append((rho_lo, j, rho, h, rho_hi - rho))
            contenders = [c for c in contenders if c[0] <= best_hi]
            if not contenders:  # every project left was dropped
                break
            if len(contenders) > 1:  # a near tie: decided exactly
                exact = {c[1]: self._exact_scan(c[1], c[3]) for c in contenders}
                best = min(exact.values())
                win = min((c for c in contenders if exact[c[1]] == best), key=lambda c: rank[c[1]])
                step = Selection(win[1], float(best), win[3], exact=best)
                if self.track:
                    self._tie_persists(contenders, exact, rich_only)
                if self.track:
                    tied = {c[1] for c in contenders}
                    self._winner_stays_cheapest(win[1], remaining - tied, bound)
                if self.track:
                    step.slope, step.slope_err = bound[win[1]][1], bound[win[1]][3]
            else:
                _, j, rho, h, margin = contenders[0]
                step = Selection(j, rho, h, margin=margin)
                if self.track:
                    self._winner_stays_cheapest(j, remaining, bound)
                if self.track:
                    step.slope, step.slope_err = bound[j][1], bound[j][3]
            self._buy(step)
            remaining.discard(step.project)
            result.selected.append(step.project)
        result.steps = self.steps
        result.stable = self.stable if self.logging else 0.0
        self._selected, self._free = list(result.selected), result.free
        self.track = False
        return result

    def _tie_persists(self, contenders: list, exact: dict, rich_only: dict) -> None:
        """Projects within float margin of each other were decided exactly. When none of them
        has a supporter who pays in full, each price is cost / (utility of the supporters with
        money left): it does not move with the share, so the exact decision holds for larger
        shares too (the winner's supporters are checked in `_buy`, and for the others that
        price is a lower bound). Otherwise the run is not followed further."""
        for _, j, _, h, _ in contenders:
            if not rich_only.get(j) or self._constant_rho(j, h) != exact[j]:
                self._untrack()
                return

    def _constant_rho(self, j: int, h: dict) -> Fraction:
        """cost / total utility of the supporters in h: the price when nobody pays in full."""
        unit = self.inp.unit[j]
        if unit is not None:
            return self.inp.costs[j] / (unit * sum(h.values()))
        return self.inp.costs[j] / sum((self.uval[code] * w for (_, code), w in h.items()), 0)

    def _winner_stays_cheapest(self, w: int, remaining: set, bound: dict) -> None:
        """Each other project's lower bound must stay above the winner's price: with both
        affine in the share, widened by their error bounds, find where the gap could close."""
        r0, r1, e0, e1 = bound[w]
        top0, top1 = r0 + e0 + 1e-9 * r0, r1 + e1 + 1e-9 * abs(r1)  # the winner, from above
        stable = self.stable
        for j in remaining:
            if j == w:
                continue
            x0, x1, f0, f1 = bound[j]
            gap0 = x0 - f0 - 1e-9 * x0 - top0  # the other one, from below
            gap1 = x1 - f1 - 1e-9 * abs(x1) - top1
            if gap1 < 0:
                if gap0 < -gap1 * stable:
                    stable = gap0 / -gap1
            elif gap0 <= 0:
                stable = 0.0
        if stable <= 0:
            self._untrack()
        else:
            self.stable = stable

    def _buy(self, step: Selection) -> None:
        """Charge the supporters of the bought project and move them to their new classes."""
        j, rho = step.project, step.rho
        self.steps.append(step)
        index = len(self.steps) - 1
        unit = self.inp.unit[j]
        trans: dict | list = [0] * len(self.cb) if unit is not None else {}
        drift = self._drift()
        cb, origin = self.cb, self.origin
        if self.track and step.slope is None:
            self._untrack()
        track, stable = self.track, self.stable
        cd, cde = self.cd, self.cde
        slope, slope_err, margin = step.slope, step.slope_err, step.margin
        for key in step.hist:
            if unit is not None:
                k, u, f = key, unit, self.funit[j]
            else:
                k, code = key
                u, f = self.uval[code], self.ufloat[code]
            b, pay = cb[k], rho * f
            if abs(b - pay) <= TOL * b + drift + margin * f:  # too close to call in floats
                self._untrack()
                track = False
                left = self.budget(k) - self.exact_rho(index) * u
                trans[key] = self._new_class(k, index, u, left) if left > 0 else 0
                continue
            if b > pay:  # inlined _new_class: this runs for every class a winner touches
                trans[key] = len(cb)
                cb.append(b - pay)
                origin.append((k, index, u))
            else:
                trans[key] = 0
            if track:
                # the budget left, b - pay, moves with the share at slope d - f * slope; this
                # supporter pays in part (b > pay) or in full (b <= pay) while its sign holds
                d, fs = cd[k], f * slope
                g1 = d - fs
                e1 = cde[k] + f * slope_err + EPS * (abs(d) + abs(fs))
                g0, e0 = b - pay, drift + f * margin + 1e-9 * (b + pay)
                e1w = e1 + 1e-9 * abs(g1)
                if b > pay:
                    cd.append(g1)
                    cde.append(e1)
                else:
                    g0, g1 = -g0, -g1
                worst = g1 - e1w
                if worst < 0 and g0 - e0 < -worst * stable:
                    stable = (g0 - e0) / -worst
        if track:
            if stable <= 0:
                self._untrack()
            else:
                self.stable = stable
        cls = self.cls
        if self.logging:  # what a rerun must undo to come back to this step
            sup = self.sup1[j] + self.supm[j]
            self.undo.append((sup, list(map(cls.__getitem__, sup))))
        if unit is not None:
            for t in self.sup1[j]:
                cls[t] = trans[cls[t]]
            for t in self.supm[j]:
                cls[t] = trans[cls[t]]
        else:
            for t, u in zip(self.sup1[j], self.u1[j], strict=True):
                if cls[t]:
                    cls[t] = trans[cls[t], u]
            for t, u in zip(self.supm[j], self.um[j], strict=True):
                if cls[t]:
                    cls[t] = trans[cls[t], u]

    def _untrack(self) -> None:
        """A decision was too close to follow: this run says nothing about the next share."""
        self.stable = 0.0
        self.track = False

    def _new_class(self, parent, index, u, exact: Fraction | None, approx: float = 0.0) -> int:
        self.cb.append(float(exact) if exact is not None else approx)
        self.origin.append((parent, index, u))
        k = len(self.cb) - 1
        if exact is not None:
            self.exact_b[k] = exact
        return k
