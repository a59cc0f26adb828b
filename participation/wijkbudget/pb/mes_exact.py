"""Exact arithmetic for the Method of Equal Shares, used only where floats cannot decide.

A class's exact budget is its parent's minus the exact price of the step that split it, so
exact values are derived on demand along that history and memoised (see mes.py).
"""

from __future__ import annotations

from fractions import Fraction


class ExactPrices:
    """Mixed into `EqualShares`, whose state (cb, origin, exact_b, steps, inp) it reads."""

    def budget(self, k: int) -> Fraction:
        """Exact budget of a class, derived from its history only when a decision needs it."""
        got = self.exact_b.get(k)
        if got is None:
            parent, step, u = self.origin[k]
            got = self.budget(parent) - self.exact_rho(step) * u
            self.exact_b[k] = got
        return got

    def exact_rho(self, step: int) -> Fraction:
        sel = self.steps[step]
        if sel.exact is None:
            sel.exact = self._exact_scan(sel.project, sel.hist)
        return sel.exact

    def _entries(self, j: int, h: dict, exact: bool) -> list[tuple]:
        """(budget, utility, voters) per class, sorted by budget per unit of utility."""
        unit = self.inp.unit[j]
        val = self.budget if exact else self.cb.__getitem__
        if unit is not None:
            u = unit if exact else float(unit)
            items = [(val(k), u, w) for k, w in h.items()]
            items.sort(key=lambda e: e[0])
        else:
            uv = self.uval if exact else self.ufloat
            items = [(val(k), uv[code], w) for (k, code), w in h.items()]
            items.sort(key=lambda e: e[0] / e[1])
        return items

    def _scan(self, cost, items):
        """The smallest rho with sum(min(b, rho * u)) = cost, and the amount paid by the poor."""
        weight = sum(u * w for _, u, w in items)
        paid = 0
        for b, u, w in items:
            if weight <= 0:
                break
            rho = (cost - paid) / weight
            if rho * u <= b:
                return rho, paid, weight
            paid += b * w
            weight -= u * w
        return None

    def _exact_scan(self, j: int, h: dict) -> Fraction:
        """Exact rho. Floats find who pays everything; only those budgets, and the ones near
        the price, are then computed exactly (each costs a chain of Fraction steps)."""
        cost, unit, uf = self.inp.costs[j], self.inp.unit[j], self.funit[j]
        if unit is not None:
            u_of, k_of = (lambda key: unit), (lambda key: key)
            ratio = lambda key: self.cb[key] / uf  # noqa: E731
        else:
            u_of, k_of = (lambda key: self.uval[key[1]]), (lambda key: key[0])
            ratio = lambda key: self.cb[key[0]] / self.ufloat[key[1]]  # noqa: E731
        keys = sorted(h, key=ratio)
        total = sum((u_of(key) * h[key] for key in keys), Fraction(0))
        paid, used, poor = Fraction(0), Fraction(0), 0
        while True:  # walk the float order, exactly, until the price fits
            if poor == len(keys):
                raise AssertionError("scan called on an unaffordable project")
            key = keys[poor]
            rho = (cost - paid) / (total - used)
            if rho * u_of(key) <= self.budget(k_of(key)):
                break
            paid += self.budget(k_of(key)) * h[key]
            used += u_of(key) * h[key]
            poor += 1
        # the split was made in float order: recheck exactly every class near the price
        near_lo, near_hi = float(rho) * (1 - 1e-6), float(rho) * (1 + 1e-6)
        for idx, key in enumerate(keys):
            if not near_lo <= ratio(key) <= near_hi:
                continue
            b, pay = self.budget(k_of(key)), rho * u_of(key)
            if (idx < poor and b > pay) or (idx >= poor and b < pay):
                return self._full_exact_scan(j, h)  # floats misordered them: do it all exactly
        return rho

    def _full_exact_scan(self, j: int, h: dict) -> Fraction:
        got = self._scan(self.inp.costs[j], self._entries(j, h, exact=True))
        assert got is not None, "scan called on an unaffordable project"
        return got[0]
