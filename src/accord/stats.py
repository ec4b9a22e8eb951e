"""Rates and their confidence intervals."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import NamedTuple

__all__ = ["Rate", "rate", "wilson"]


class Rate(NamedTuple):
    k: int
    n: int
    value: float | None
    low: float | None
    high: float | None


def wilson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials."""
    if n <= 0:
        raise ValueError("n must be positive")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def rate(k: int, n: int, confidence: float = 0.95) -> Rate:
    if n == 0:
        return Rate(k, n, None, None, None)
    lo, hi = wilson(k, n, confidence)
    return Rate(k, n, k / n, lo, hi)
