"""The target contract: one async call that turns messages into a completion.

A target knows how to talk to one kind of model endpoint. Everything around the call
(concurrency, retries, caching, journaling, grading) belongs to the engine, so a new
provider is one small module.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord._canonical import digest

__all__ = [
    "CallError",
    "Completion",
    "ConcurrencyHint",
    "ErrorKind",
    "GenerationParams",
    "Target",
    "TargetIdentity",
]

ErrorKind = Literal[
    "rate_limit",  # 429: back off, honour Retry-After, cut concurrency
    "overloaded",  # 503/529: same treatment as rate_limit
    "server",  # other 5xx
    "timeout",  # no complete answer within the request timeout
    "connection",  # refused, reset, closed mid-response
    "malformed",  # a 2xx whose body is not the expected JSON
    "client",  # 4xx other than auth and 429: the request itself is wrong
    "auth",  # 401/403: fatal for the run
    "model",  # the local runtime reported an error for this request
    "budget",  # retries stopped because the item's time budget ran out
]

RETRYABLE: frozenset[str] = frozenset(
    {"rate_limit", "overloaded", "server", "timeout", "connection", "malformed"}
)


class GenerationParams(BaseModel):
    """Sampling settings. They are part of the target's identity."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    temperature: float = 0.0
    max_tokens: int = Field(default=256, ge=1)
    seed: int | None = 0
    top_p: float | None = None
    system_prompt: str | None = Field(
        default=None, description="Prepended to every item's system turn."
    )


class TargetIdentity(BaseModel):
    """Everything that decides what the model under test is.

    Two runs with equal identities asked the same model the same way; the digest of the
    identity keys the response cache and is written on every record.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: str
    model: str
    base_url: str | None = None
    params: GenerationParams = GenerationParams()
    weights_sha256: str | None = Field(
        default=None, description="SHA-256 of the weights file, for local targets."
    )
    backend: str | None = Field(default=None, description="Runtime and version, for local targets.")

    def digest(self) -> str:
        return digest(self.model_dump(mode="json"))

    def label(self) -> str:
        return f"{self.provider}:{self.model}"


@dataclass(frozen=True, slots=True)
class Completion:
    """What a target returns for one request."""

    text: str
    finish_reason: str | None = None
    model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class CallError(Exception):
    """One failed call to a target, classified so the engine can decide what to do."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE

    @property
    def congestion(self) -> bool:
        """Whether the endpoint asked us to slow down."""
        return self.kind in ("rate_limit", "overloaded")


@dataclass(frozen=True, slots=True)
class ConcurrencyHint:
    """How many requests a target should have in flight.

    ``adaptive`` targets start at ``initial`` and grow towards ``maximum`` while healthy;
    fixed ones (a local model with N slots) keep ``maximum`` requests in flight.
    """

    initial: int
    maximum: int
    adaptive: bool = True


class Target(abc.ABC):
    """A model under test."""

    identity: TargetIdentity

    async def start(self) -> None:  # noqa: B027 (optional hook)
        """Connect, load weights, check the endpoint. Raises TargetError on failure."""

    async def aclose(self) -> None:  # noqa: B027 (optional hook)
        """Release connections or the loaded model."""

    @abc.abstractmethod
    async def generate(self, messages: list[dict[str, str]]) -> Completion:
        """Send one chat request. Raises :class:`CallError` on any failure."""

    def concurrency(self) -> ConcurrencyHint:
        return ConcurrencyHint(initial=16, maximum=256)

    def connection_key(self) -> str:
        """Targets sharing a key share one concurrency limiter."""
        return self.identity.base_url or self.identity.label()
