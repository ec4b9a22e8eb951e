"""Adaptive concurrency per endpoint (AIMD with slow start), honouring Retry-After.

* Slow start: until the first congestion signal every success raises the limit by one,
  so the limit doubles each round trip, up to the target's maximum.
* Congestion avoidance afterwards: +1/limit per success (one step per round trip).
* A 429/503 halves the limit (at most once per ``cooldown`` seconds, so one burst of
  rejections is one signal) and, with ``Retry-After``, closes the gate until then.

Everything runs on one event loop, so the fast path (a free slot, gate open) is a counter
increment with no lock and no await; waiters queue in FIFO order and exactly as many are
woken as there are free slots.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque

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
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self.congestion_events = 0

    def _open(self) -> bool:
        return self._paused_until <= time.monotonic()

    def try_acquire(self) -> bool:
        """Take a slot if one is free now (the fast path, no await); False otherwise."""
        if (
            not self._waiters
            and self.in_flight < int(self.limit)
            and (not self._paused_until or self._paused_until <= time.monotonic())
        ):
            self.in_flight += 1
            return True
        return False

    async def acquire(self) -> None:
        if self.try_acquire():
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(fut)
        self._wake()  # wakes us now if a slot is free, or arms the Retry-After timer
        try:
            await fut  # the waker counted us in already
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled():
                self.in_flight -= 1  # woken and cancelled in the same tick: give the slot back
                self._wake()
            else:
                with contextlib.suppress(ValueError):
                    self._waiters.remove(fut)
            raise

    def _wake(self) -> None:
        if not self._open():
            if self._timer is None:
                loop = asyncio.get_running_loop()
                delay = self._paused_until - time.monotonic()
                self._timer = loop.call_later(max(0.0, delay), self._on_timer)
            return
        while self._waiters and self.in_flight < int(self.limit):
            fut = self._waiters.popleft()
            if not fut.done():
                self.in_flight += 1
                fut.set_result(None)

    def _on_timer(self) -> None:
        self._timer = None
        self._wake()

    def release(self, *, ok: bool, congestion: bool = False, retry_after: float | None = None) -> None:
        self.in_flight -= 1
        if congestion:
            now = time.monotonic()
            self.congestion_events += 1
            if retry_after:
                self._paused_until = max(self._paused_until, now + retry_after)
            if self.adaptive and now - self._last_cut >= self.cooldown:
                self.limit = max(float(self.minimum), self.limit / 2)
                self._last_cut = now
                self._slow_start = False
        elif ok and self.adaptive and self.limit < self.maximum:
            self.limit = min(float(self.maximum), self.limit + (1.0 if self._slow_start else 1.0 / self.limit))
        if self._waiters:
            self._wake()
