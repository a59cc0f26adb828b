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
        for j, cost in enumerate(inp.costs):
            total = inp.total_utility(j)
            if total <= 0:
                continue
            if cost == 0:
                self.free.append(j)
            else:
                self.candidates.append(j)
                self.first_lo[j] = float(cost / total) * (1 - TOL)
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
        if k == len(ratio) or total - used[k] <= 0:
            return paid[-1], None, 0.0, count, 0.0
        rich = (total - used[k]) * (fu if fu is not None else 1.0)  # in units of utility
        rho = (cost - paid[k]) / (total - used[k])
        return paid[-1], (rho / fu if fu is not None else rho), paid[k], count, rich

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
            if money < cost * (1 - TOL) - drift:
                return None
            exact_items = self._entries(j, h, exact=True)
            if sum((b * w for b, _, w in exact_items), Fraction(0)) < self.inp.costs[j]:
                return None
        if rho is None:  # floats ran out right at the cost: settle it exactly
            exact = float(self._exact_scan(j, h))
            return exact, exact * (1 - TOL), exact * (1 + TOL), h
        # cost - paid loses precision when the poor pay nearly everything: bound that by the
        # worst-case error of summing up to 10^5 floats (EPS), on top of the relative TOL
        cancel = EPS * rho * (cost + paid) / max(cost - paid, 1e-300)
        margin = TOL * rho + cancel + drift / rich
        return rho, rho - margin, rho + margin, h

    # -- the rule ------------------------------------------------------------------------------
    def run(self, per_voter: Fraction, include_free: bool = True) -> MesResult:
        self._reset(per_voter)
        lo = dict(self.first_lo)
        remaining = set(self.candidates)
        free = list(self.free) if include_free else []
        result = MesResult(selected=list(free), free=free)
        rank = self.inp.rank
        while remaining:
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
                best_hi = min(best_hi, rho_hi)
                contenders.append((rho_lo, j, rho, h, rho_hi - rho))
            contenders = [c for c in contenders if c[0] <= best_hi]
            if not contenders:
                break
            if len(contenders) > 1:
                exact = {c[1]: self._exact_scan(c[1], c[3]) for c in contenders}
                best = min(exact.values())
                win = min((c for c in contenders if exact[c[1]] == best), key=lambda c: rank[c[1]])
                step = Selection(win[1], float(best), win[3], exact=best)
            else:
                _, j, rho, h, margin = contenders[0]
                step = Selection(j, rho, h, margin=margin)
            self._buy(step)
            remaining.discard(step.project)
            result.selected.append(step.project)
        result.steps = self.steps
        return result

    def _buy(self, step: Selection) -> None:
        """Charge the supporters of the bought project and move them to their new classes."""
        j, rho = step.project, step.rho
        self.steps.append(step)
        index = len(self.steps) - 1
        unit = self.inp.unit[j]
        trans: dict | list = [0] * len(self.cb) if unit is not None else {}
        drift = self._drift()
        cb, origin = self.cb, self.origin
        for key in step.hist:
            if unit is not None:
                k, u, f = key, unit, self.funit[j]
            else:
                k, code = key
                u, f = self.uval[code], self.ufloat[code]
            b, pay = cb[k], rho * f
            if abs(b - pay) <= TOL * b + drift + step.margin * f:  # too close to call in floats
                left = self.budget(k) - self.exact_rho(index) * u
                trans[key] = self._new_class(k, index, u, left) if left > 0 else 0
            elif b > pay:  # inlined _new_class: this runs for every class a winner touches
                trans[key] = len(cb)
                cb.append(b - pay)
                origin.append((k, index, u))
            else:
                trans[key] = 0
        cls = self.cls
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

    def _new_class(self, parent, index, u, exact: Fraction | None, approx: float = 0.0) -> int:
        self.cb.append(float(exact) if exact is not None else approx)
        self.origin.append((parent, index, u))
        k = len(self.cb) - 1
        if exact is not None:
            self.exact_b[k] = exact
        return k
