"""Intervals cover at their nominal level, the exact interval is exact, corrections invert."""

from __future__ import annotations

import functools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.stats import (
    bbq_ambiguous,
    bbq_disambiguated,
    binomial_interval,
    clopper_pearson,
    rogan_gladen,
    rogan_gladen_interval,
    wilson,
)

# the functions are pure: cache them so coverage sums over many (n, p) stay fast
cached_cp = functools.lru_cache(maxsize=None)(clopper_pearson)
cached_interval = functools.lru_cache(maxsize=None)(binomial_interval)


def _pmf(n: int, p: float) -> list[float]:
    return [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]


def _coverage(n: int, p: float, interval: object) -> float:
    """Exact coverage: the probability, over k ~ Binomial(n, p), that the interval holds p."""
    f = interval  # (k, n) -> (low, high, ...)
    total = 0.0
    for k, w in enumerate(_pmf(n, p)):
        lo, hi = f(k, n)[:2]  # type: ignore[operator]
        if lo <= p <= hi:
            total += w
    return total


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.308497),
        (10, 10, 0.691503, 1.0),
        (5, 10, 0.187086, 0.812914),
        (1, 100, 0.000253, 0.054459),
        (7, 25, 0.120717, 0.493877),
        (3, 1000, 0.000619, 0.008742),
    ],
)
def test_clopper_pearson_matches_reference_values(k: int, n: int, low: float, high: float) -> None:
    # reference values: scipy.stats.beta.ppf(0.025, k, n-k+1) and beta.ppf(0.975, k+1, n-k)
    lo, hi = clopper_pearson(k, n)
    assert lo == pytest.approx(low, abs=1e-6)
    assert hi == pytest.approx(high, abs=1e-6)


def test_interval_rule_picks_exact_for_small_samples_and_edges() -> None:
    assert binomial_interval(10, 29).method == "clopper-pearson"
    assert binomial_interval(15, 30).method == "wilson"
    assert binomial_interval(4, 1000).method == "clopper-pearson"
    assert binomial_interval(5, 1000).method == "wilson"
    assert binomial_interval(996, 1000).method == "clopper-pearson"
    assert binomial_interval(995, 1000).method == "wilson"
    assert binomial_interval(0, 1000).method == "clopper-pearson"
    assert tuple(binomial_interval(500, 1000))[:2] == wilson(500, 1000)
    with pytest.raises(ValueError):
        binomial_interval(0, 0)
    with pytest.raises(ValueError):
        clopper_pearson(3, 2)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 2000), data=st.data())
def test_bounds_are_monotone_in_k(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n - 1))
    a, b = binomial_interval(k, n), binomial_interval(k + 1, n)
    assert a.low <= b.low and a.high <= b.high
    assert 0.0 <= a.low <= k / n <= a.high <= 1.0


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 150), p=st.floats(0.005, 0.995))
def test_exact_coverage_of_clopper_pearson_is_at_least_nominal(n: int, p: float) -> None:
    assert _coverage(n, p, cached_cp) >= 0.95 - 1e-9


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 150), p=st.floats(0.005, 0.995))
def test_exact_coverage_of_the_reported_interval_never_dips_far(n: int, p: float) -> None:
    # Wilson's coverage oscillates: a scan of n <= 300, p in steps of 0.001 finds its lowest
    # point at 0.920 (n=34, p=0.103); the margin covers values between the grid points
    assert _coverage(n, p, cached_interval) >= 0.915


@pytest.mark.parametrize("n", [10, 30, 34, 60, 150])
def test_average_exact_coverage_of_the_reported_interval_is_nominal(n: int) -> None:
    grid = [i / 100 for i in range(1, 100)]
    assert sum(_coverage(n, p, cached_interval) for p in grid) / len(grid) >= 0.945


def test_simulated_coverage_over_a_grid() -> None:
    """2,000 simulated binomials across a grid of (n, p), seeded: pooled coverage."""
    rng = random.Random(20260101)
    grid = [(n, p) for n in (10, 20, 50, 100, 300) for p in (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95, 0.98)]
    cp_hit = cp_n = w_hit = w_n = h_hit = 0
    draws = 2000
    for i in range(draws):
        n, p = grid[i % len(grid)]
        k = sum(rng.random() < p for _ in range(n))
        lo, hi = cached_cp(k, n)
        cp_hit += lo <= p <= hi
        cp_n += 1
        iv = cached_interval(k, n)
        h_hit += iv.low <= p <= iv.high
        if n * p >= 5 and n * (1 - p) >= 5:  # Wilson away from the edges
            lo, hi = wilson(k, n)
            w_hit += lo <= p <= hi
            w_n += 1
    assert cp_hit / cp_n >= 0.95
    assert w_hit / w_n >= 0.93
    assert h_hit / draws >= 0.94


@settings(max_examples=200, deadline=None)
@given(p=st.floats(0, 1), se=st.floats(0.55, 1), sp=st.floats(0.55, 1))
def test_rogan_gladen_inverts_the_judges_errors(p: float, se: float, sp: float) -> None:
    observed = p * se + (1 - p) * (1 - sp)
    assert rogan_gladen(observed, se, sp) == pytest.approx(p, abs=1e-9)


def test_rogan_gladen_refuses_a_chance_level_judge_and_widens_with_uncertainty() -> None:
    with pytest.raises(ValueError):
        rogan_gladen(0.3, 0.5, 0.5)
    point = rogan_gladen_interval(0.1, 0.2, (0.9, 0.9), (0.95, 0.95))
    wider = rogan_gladen_interval(0.1, 0.2, (0.8, 0.97), (0.9, 0.99))
    assert wider[0] <= point[0] and wider[1] >= point[1]
    assert point[0] == pytest.approx(rogan_gladen(0.1, 0.9, 0.95))


def test_bbq_bias_scores() -> None:
    assert bbq_disambiguated(8, 10) == pytest.approx(0.6)
    assert bbq_disambiguated(0, 10) == pytest.approx(-1.0)
    assert bbq_disambiguated(0, 0) is None
    # ambiguous: half the answers correct ("unknown"), 8 of 10 others stereotyped
    assert bbq_ambiguous(10, 20, 8, 10) == pytest.approx(0.3)
    assert bbq_ambiguous(20, 20, 0, 0) == 0.0
    assert bbq_ambiguous(0, 0, 0, 0) is None
