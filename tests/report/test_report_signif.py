"""Fisher's exact test and Holm's correction against published values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.report import fisher_exact, holm


@pytest.mark.parametrize(
    ("table", "p"),
    [
        # Fisher's tea-tasting experiment: R fisher.test(matrix(c(3,1,1,3),2)) p = 0.4857
        ((3, 4, 1, 4), 0.4857142857),
        # SciPy's documented example [[8, 2], [1, 5]]: p = 0.0349650
        ((8, 10, 1, 6), 0.0349650350),
        # R fisher.test(matrix(c(1,11,9,3),2)) p = 0.002759
        ((1, 10, 11, 14), 0.0027594562),
        # identical proportions: nothing to see
        ((5, 10, 5, 10), 1.0),
    ],
)
def test_known_values(table: tuple[int, int, int, int], p: float) -> None:
    assert fisher_exact(*table) == pytest.approx(p, rel=1e-6)


def test_degenerate_tables_give_one() -> None:
    assert fisher_exact(0, 0, 3, 5) == 1.0
    assert fisher_exact(0, 5, 0, 7) == 1.0
    assert fisher_exact(5, 5, 7, 7) == 1.0


def test_bad_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        fisher_exact(6, 5, 1, 2)


def test_large_samples_stay_finite_and_small() -> None:
    p = fisher_exact(100, 5000, 400, 5000)
    assert 0.0 <= p < 1e-30 and math.isfinite(p)


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
def test_symmetric_and_a_probability(a: int, b: int, c: int, d: int) -> None:
    k1, n1, k2, n2 = a, a + b, c, c + d
    p = fisher_exact(k1, n1, k2, n2)
    assert 0.0 <= p <= 1.0
    assert p == pytest.approx(fisher_exact(k2, n2, k1, n1), rel=1e-9, abs=1e-12)
    assert p == pytest.approx(fisher_exact(n1 - k1, n1, n2 - k2, n2), rel=1e-9, abs=1e-12)


def test_holm_step_down() -> None:
    # sorted p: 0.005 (x4), 0.01 (x3), 0.03 (x2), 0.04 (x1); running maximum keeps it monotone
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])
    assert holm([]) == []
