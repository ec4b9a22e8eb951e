"""Bounded retries: a fixed number of attempts, jittered exponential back-off, and a
total time budget per item. Every failed attempt is kept on the item's record."""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["RetryPolicy"]


class RetryPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_attempts: int = Field(default=5, ge=1, description="Calls per item, first one included.")
    base_delay: float = Field(default=1.0, ge=0.0, description="Back-off before the 2nd attempt (s).")
    max_delay: float = Field(default=30.0, ge=0.0, description="Cap on one back-off (s).")
    budget: float = Field(default=600.0, gt=0.0, description="Total seconds an item may spend, retries included.")
    max_retry_after: float = Field(default=120.0, ge=0.0, description="Longest Retry-After honoured (s).")

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based).

        Full jitter (uniform in [0, base * 2^(attempt-1)] capped at max_delay); a server's
        Retry-After is a floor, capped at max_retry_after.
        """
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        wait = rng.uniform(0.0, ceiling)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_retry_after))
        return wait
