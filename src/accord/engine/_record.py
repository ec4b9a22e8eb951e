"""The journal's record: one line per item, the unit of evidence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from accord.graders import Grade

__all__ = ["Attempt", "ItemError", "Record", "RecordRequest", "RecordResponse", "Timing"]

RECORD_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RecordRequest(_Frozen):
    messages: list[dict[str, str]]
    hash: str = Field(description="SHA-256 of the canonical rendered messages.")


class RecordResponse(_Frozen):
    text: str
    finish_reason: str | None = None
    model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class Attempt(_Frozen):
    """One failed call that was retried or gave up."""

    n: int
    kind: str
    message: str
    status: int | None = None
    wait_s: float | None = Field(default=None, description="Back-off before the next attempt.")


class ItemError(_Frozen):
    kind: str
    message: str
    attempts: int


class Timing(_Frozen):
    started: str = Field(description="UTC ISO-8601 time the item was first sent.")
    latency_ms: float = Field(description="Wall time of the successful (or last) call.")
    total_ms: float = Field(description="Wall time including retries and back-off.")


class Record(_Frozen):
    """One item asked of one target, with what came back and how it was judged."""

    v: int = RECORD_VERSION
    item_id: str
    item_hash: str
    suite: str
    lang: str
    category: str | None
    expect: str | None
    meta: dict[str, str] = Field(
        default_factory=dict,
        description="The item's meta (attack type, attribute, stereotyped answer...), so metrics "
        "and verification need the records alone.",
    )
    target: str = Field(description="Digest of the TargetIdentity (full identity in run.json).")
    request: RecordRequest
    response: RecordResponse | None
    grades: list[Grade] = Field(default_factory=list)
    error: ItemError | None = None
    attempts: list[Attempt] = Field(default_factory=list, description="Failed attempts, in order.")
    timing: Timing
    cached: bool = False
