"""Adaptive concurrency per endpoint (AIMD with slow start), honouring Retry-After.

* Slow start: until the first congestion signal every success raises the limit by one,
  so the limit doubles each round trip, up to the target's maximum.
* Congestion avoidance afterwards: +1/limit per success (one step per round trip).
* A 429/503 halves the limit (at most once per ``cooldown`` seconds, so one burst of
  rejections is one signal) and, with ``Retry-After``, closes the gate until then.
"""

from __future__ import annotations

import asyncio
import time

__all__ = ["AdaptiveLimiter"]


class AdaptiveLimiter:
    def __init__(self, initial: int, maximum: int, *, adaptive: bool = True, minimum: int = 1, cooldown: float = 1.0) -> None:
        self.maximum = max(1, maximum)
        self.minimum = max(1, min(minimum, self.maximum))
        self.adaptive = adaptive
        self.limit = float(min(max(initial, self.minimum), self.maximum)) if adaptive else float(self.maximum)
        self.in_flight = 0
        self.cooldown = cooldown
        self._slow_start = True
        self._last_cut = -1e9
        self._paused_until = 0.0
        self._cond = asyncio.Condition()
        self.congestion_events = 0

    async def acquire(self) -> None:
        async with self._cond:
            while True:
                wait = self._paused_until - time.monotonic()
                if wait > 0:
                    try:
                        await asyncio.wait_for(self._cond.wait(), timeout=wait)
                    except TimeoutError:
                        pass
                    continue
                if self.in_flight < int(self.limit):
                    self.in_flight += 1
                    return
                await self._cond.wait()

    async def release(self, *, ok: bool, congestion: bool = False, retry_after: float | None = None) -> None:
        async with self._cond:
            self.in_flight -= 1
            now = time.monotonic()
            if congestion:
                self.congestion_events += 1
                if retry_after:
                    self._paused_until = max(self._paused_until, now + retry_after)
                if self.adaptive and now - self._last_cut >= self.cooldown:
                    self.limit = max(float(self.minimum), self.limit / 2)
                    self._last_cut = now
                    self._slow_start = False
            elif ok and self.adaptive and self.limit < self.maximum:
                self.limit = min(float(self.maximum), self.limit + (1.0 if self._slow_start else 1.0 / self.limit))
            self._cond.notify_all()
