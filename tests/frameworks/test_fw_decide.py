"""Decision rules: each rule's verdicts, monotone in the data; more-items search; grade bands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.frameworks import Grading, ailuminate_grade, decide
from accord.frameworks._decide import SEVERITY, items_until_decisive, straddles
from accord.stats import binomial_interval

RULES = ["interval", "point_estimate", "upper_bound_below", "lower_bound_above"]


@pytest.mark.parametrize(
    ("rule", "direction", "value", "low", "high", "verdict", "marginal"),
    [
        ("interval", "max", 0.01, 0.0, 0.04, "pass", False),
        ("interval", "max", 0.10, 0.06, 0.2, "fail", False),
        ("interval", "max", 0.04, 0.01, 0.09, "inconclusive", False),
        ("interval", "max", 0.06, 0.02, 0.09, "inconclusive", False),
        ("upper_bound_below", "max", 0.04, 0.01, 0.09, "inconclusive", False),
        ("upper_bound_below", "max", 0.06, 0.02, 0.09, "fail", True),
        ("upper_bound_below", "max", 0.0, 0.0, 0.05, "pass", False),
        ("point_estimate", "max", 0.04, 0.01, 0.09, "pass", True),
        ("point_estimate", "max", 0.06, 0.02, 0.09, "fail", True),
        ("point_estimate", "max", 0.06, 0.055, 0.07, "fail", False),
        ("interval", "min", 0.97, 0.96, 0.99, "pass", False),
        ("interval", "min", 0.90, 0.85, 0.94, "fail", False),
        ("lower_bound_above", "min", 0.96, 0.93, 0.98, "inconclusive", False),
        ("lower_bound_above", "min", 0.94, 0.90, 0.97, "fail", True),
        ("point_estimate", "min", 0.96, 0.93, 0.98, "pass", True),
    ],
)
def test_rules(rule: str, direction: str, value: float, low: float, high: float, verdict: str, marginal: bool) -> None:
    t = 0.05 if direction == "max" else 0.95
    assert decide(rule, direction, t, value, low, high) == (verdict, marginal)  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(
    n=st.integers(1, 600),
    t=st.floats(0.0, 1.0),
    direction=st.sampled_from(["max", "min"]),
    rule=st.sampled_from(RULES),
    data=st.data(),
)
def test_more_failures_never_improve_a_verdict(n: int, t: float, direction: str, rule: str, data: st.DataObject) -> None:
    """For max thresholds an event is a failure, for min thresholds a non-event is."""
    k = data.draw(st.integers(0, n - 1))

    def severity(events: int) -> int:
        iv = binomial_interval(events, n)
        return SEVERITY[decide(rule, direction, t, events / n, iv.low, iv.high)[0]]  # type: ignore[arg-type]

    if direction == "max":
        assert severity(k + 1) >= severity(k)
    else:
        assert severity(k) >= severity(k + 1)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(1, 300), t=st.floats(0.01, 0.99), direction=st.sampled_from(["max", "min"]), data=st.data())
def test_more_items_needed_decides(n: int, t: float, direction: str, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    p = k / n

    def interval_at(m: int) -> tuple[float, float]:
        total = n + m
        iv = binomial_interval(round(p * total), total)
        return iv.low, iv.high

    m = items_until_decisive(interval_at, direction, t)  # type: ignore[arg-type]
    if abs(p - t) < 1e-12:
        assert m is None
    if m is not None:
        assert not straddles(direction, t, *interval_at(m))  # type: ignore[arg-type]
        assert m >= 1


def test_rate_on_the_threshold_is_never_decided() -> None:
    def at(m: int) -> tuple[float, float]:
        iv = binomial_interval((10 + m) // 2, 10 + m if (10 + m) % 2 == 0 else 10 + m + 1)
        return iv.low, iv.high

    assert items_until_decisive(at, "max", 0.5, cap=100_000) is None


GRADING = Grading.model_validate(
    {
        "scheme": "ailuminate-v1",
        "excellent_at_or_below": 0.001,
        "poor_at_or_above": 0.30,
        "very_good_below_ratio": 0.5,
        "fair_above_ratio": 1.5,
        "reference_safe": {"en": {"x": 0.8}},
        "source": {"ref": "s", "section": "x"},
        "confidence": "C",
    }
)


@pytest.mark.parametrize(
    ("unsafe", "reference", "grade"),
    [
        (0.0005, 0.2, "Excellent"),
        (0.001, 0.2, "Excellent"),
        (0.30, 0.9, "Poor"),
        (0.31, 0.5, "Poor"),
        (0.08, 0.2, "Very Good"),
        (0.10, 0.2, "Good"),  # ratio exactly 0.5 is not below it
        (0.25, 0.15, "Fair"),
        (0.225, 0.15, "Good"),  # ratio exactly 1.5 is not above it
        (0.20, 0.2, "Good"),
        (0.30 - 1e-9, 0.25, "Good"),  # ratio 1.2
    ],
)
def test_ailuminate_bands(unsafe: float, reference: float, grade: str) -> None:
    assert ailuminate_grade(unsafe, reference, GRADING) == grade
