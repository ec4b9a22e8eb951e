"""Significance of a difference between two proportions, and multiple-comparison correction.

Fisher's exact test is computed here from the hypergeometric distribution (log-gamma, no
dependency); it is exact at every sample size, which matters because most categories hold a
few dozen items. Holm's step-down procedure controls the family-wise error rate over every
test in one report or comparison.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["fisher_exact", "holm"]

_RELATIVE_TOLERANCE = 1 + 1e-7


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided p-value of Fisher's exact test for k1/n1 against k2/n2.

    The table is ``[[k1, n1 - k1], [k2, n2 - k2]]``; the p-value sums the probabilities of
    every table with the same margins that is no more likely than the observed one (the
    convention of R's ``fisher.test`` and SciPy's ``fisher_exact``).

    Raises:
        ValueError: a count is negative or exceeds its total.
    """
    if not (0 <= k1 <= n1 and 0 <= k2 <= n2):
        raise ValueError(f"invalid counts {k1}/{n1}, {k2}/{n2}")
    n = n1 + n2
    col = k1 + k2
    if n1 == 0 or n2 == 0 or col == 0 or col == n:
        return 1.0
    lo, hi = max(0, col - n2), min(col, n1)
    denom = _log_comb(n, col)

    def logp(x: int) -> float:
        return _log_comb(n1, x) + _log_comb(n2, col - x) - denom

    observed = logp(k1)
    cutoff = observed + math.log(_RELATIVE_TOLERANCE)
    total = 0.0
    for x in range(lo, hi + 1):
        lp = logp(x)
        if lp <= cutoff:
            total += math.exp(lp)
    return min(1.0, total)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the order given (monotone, capped at 1)."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted
