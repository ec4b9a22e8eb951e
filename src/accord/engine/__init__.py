"""The run engine: scheduling, adaptive concurrency, retries, cache, journal, progress."""

from accord.engine._journal import Journal, iter_raw, read_records, scan
from accord.engine._limiter import AdaptiveLimiter
from accord.engine._record import Attempt, ItemError, Record, RecordRequest, RecordResponse, Timing
from accord.engine._render import render
from accord.engine._retry import RetryPolicy
from accord.engine._run import (
    MANIFEST_FILE,
    RECORDS_FILE,
    RunConfig,
    RunManifest,
    RunResult,
    run_async,
)

__all__ = [
    "MANIFEST_FILE",
    "RECORDS_FILE",
    "AdaptiveLimiter",
    "Attempt",
    "ItemError",
    "Journal",
    "Record",
    "RecordRequest",
    "RecordResponse",
    "RetryPolicy",
    "RunConfig",
    "RunManifest",
    "RunResult",
    "Timing",
    "iter_raw",
    "read_records",
    "render",
    "run_async",
    "scan",
]
