"""Adaptive concurrency: slow start, halving on congestion, Retry-After closes the gate."""

from __future__ import annotations

import asyncio
import time

from accord.engine import AdaptiveLimiter


def test_slow_start_grows_to_maximum() -> None:
    async def go() -> float:
        lim = AdaptiveLimiter(4, 64)
        for _ in range(100):
            await lim.acquire()
            lim.release(ok=True)
        return lim.limit

    assert asyncio.run(go()) == 64


def test_congestion_halves_once_per_cooldown_then_grows_additively() -> None:
    async def go() -> tuple[float, float, float]:
        lim = AdaptiveLimiter(32, 64, cooldown=10.0)
        for _ in range(3):
            await lim.acquire()
            lim.release(ok=False, congestion=True)
        after_burst = lim.limit
        for _ in range(16):
            await lim.acquire()
            lim.release(ok=True)
        grown = lim.limit
        return after_burst, grown, float(lim.congestion_events)

    after_burst, grown, events = asyncio.run(go())
    assert after_burst == 16  # one halving for a burst of three rejections
    assert 16 < grown < 18  # additive increase: about +1 per 16 successes
    assert events == 3


def test_retry_after_pauses_new_requests() -> None:
    async def go() -> float:
        lim = AdaptiveLimiter(4, 4)
        await lim.acquire()
        lim.release(ok=False, congestion=True, retry_after=0.3)
        t0 = time.monotonic()
        await lim.acquire()
        lim.release(ok=True)
        return time.monotonic() - t0

    assert asyncio.run(go()) >= 0.25


def test_never_more_in_flight_than_the_limit() -> None:
    async def go() -> int:
        lim = AdaptiveLimiter(3, 3, adaptive=False)
        peak = 0

        async def one() -> None:
            nonlocal peak
            await lim.acquire()
            peak = max(peak, lim.in_flight)
            await asyncio.sleep(0.01)
            lim.release(ok=True)

        await asyncio.gather(*(one() for _ in range(30)))
        return peak

    assert asyncio.run(go()) == 3
