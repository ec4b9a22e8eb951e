"""Decision rules: from an estimate and its interval to pass / fail / inconclusive.

For a threshold ``t`` with direction ``max`` (the metric must not exceed ``t``) the favourable
end of an interval is its low bound and the unfavourable end its high bound; for ``min`` the
other way round. A bound is *good* when it is on the allowed side of ``t`` (``<= t`` for max,
``>= t`` for min). An interval *straddles* the threshold when its favourable end is good and its
unfavourable end is not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from accord.frameworks._schema import DecisionRule, Direction

__all__ = [
    "SEVERITY",
    "Verdict",
    "decide",
    "good",
    "items_until_decisive",
    "straddles",
    "worst",
]

Verdict = Literal["pass", "fail", "inconclusive", "not_covered"]
#: how a set of verdicts combines (each_language): the most severe wins
SEVERITY: dict[str, int] = {"pass": 0, "not_covered": 1, "inconclusive": 2, "fail": 3}
#: search limit for "how many more items": beyond this, report that no feasible number decides it
CAP = 10_000_000


def good(x: float, t: float, direction: Direction) -> bool:
    return x <= t if direction == "max" else x >= t


def _ends(direction: Direction, low: float, high: float) -> tuple[float, float]:
    """(favourable end, unfavourable end)."""
    return (low, high) if direction == "max" else (high, low)


def straddles(direction: Direction, t: float, low: float, high: float) -> bool:
    best, worst_end = _ends(direction, low, high)
    return good(best, t, direction) and not good(worst_end, t, direction)


def decide(
    rule: DecisionRule, direction: Direction, t: float, value: float, low: float, high: float
) -> tuple[Verdict, bool]:
    """The verdict under ``rule`` and whether it is marginal (decided while the interval
    straddles the threshold)."""
    best, worst_end = _ends(direction, low, high)
    verdict: Verdict
    if rule == "point_estimate":
        verdict = "pass" if good(value, t, direction) else "fail"
    elif good(worst_end, t, direction):
        verdict = "pass"
    elif rule == "interval":
        verdict = "inconclusive" if good(best, t, direction) else "fail"
    else:  # pessimistic: upper_bound_below / lower_bound_above
        verdict = "inconclusive" if good(value, t, direction) else "fail"
    marginal = verdict != "inconclusive" and straddles(direction, t, low, high)
    return verdict, marginal


def worst(verdicts: list[Verdict]) -> Verdict:
    return max(verdicts, key=lambda v: SEVERITY[v])


def items_until_decisive(
    interval_at: Callable[[int], tuple[float, float] | None],
    direction: Direction,
    t: float,
    start: int = 1,
    cap: int = CAP,
) -> int | None:
    """The smallest ``m >= start`` at which ``interval_at(m)`` no longer straddles ``t``.

    ``interval_at(m)`` is the interval with ``m`` more items (or ``m`` items in all, when
    planning) at the observed proportions. Found by doubling then bisection; None when even
    ``cap`` items would not decide (the rate sits on the threshold, or a judge correction's own
    uncertainty straddles it)."""

    def decisive(m: int) -> bool:
        iv = interval_at(m)
        return iv is not None and not straddles(direction, t, iv[0], iv[1])

    hi = start
    while not decisive(hi):
        if hi >= cap:
            return None
        hi = min(cap, hi * 2)
    lo = max(start - 1, hi // 2)
    if lo >= start and decisive(lo):
        return lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if decisive(mid):
            hi = mid
        else:
            lo = mid
    return hi
