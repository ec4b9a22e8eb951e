"""The run loop: items x target -> graders -> journal.

Items stream in from the suite, items already in the journal are skipped, the rest go
through a bounded queue to worker tasks. Each worker holds a slot of the endpoint's
adaptive limiter only while a request is in flight (never while backing off). Records
stream out to the journal in batches. Nothing per item is kept in memory once recorded.
"""

from __future__ import annotations

import asyncio
import platform
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord import __version__
from accord._canonical import digest
from accord._paths import cache_dir
from accord.engine._cache import ResponseCache, cache_key
from accord.engine._journal import Journal, scan
from accord.engine._limiter import AdaptiveLimiter
from accord.engine._progress import Counters, ProgressMode, ProgressView
from accord.engine._record import Attempt, ItemError, Record, RecordRequest, RecordResponse, Timing
from accord.engine._render import RENDER_VERSION, render
from accord.engine._retry import RetryPolicy
from accord.errors import RunDirError, TargetError
from accord.graders import Grade, Grader, create_grader
from accord.suites import Item, Suite, SuiteInfo
from accord.targets import CallError, Completion, Target, TargetIdentity

__all__ = ["RunConfig", "RunManifest", "RunResult", "run_async", "RECORDS_FILE", "MANIFEST_FILE"]

RECORDS_FILE = "records.jsonl"
MANIFEST_FILE = "run.json"


class RunConfig(BaseModel):
    """How a run is carried out (not what it measures)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    out: Path
    retry: RetryPolicy = RetryPolicy()
    use_cache: bool = True
    retry_errors: bool = Field(default=False, description="Ask errored items again on resume.")
    progress: ProgressMode = "auto"
    flush_every: int = 512
    flush_interval: float = 0.25
    fsync_interval: float = 1.0
    seed: int = Field(default=0, description="Seeds back-off jitter, so a run's schedule is reproducible.")


class RunManifest(BaseModel):
    """``run.json``: what was run, by what, on what."""

    model_config = ConfigDict(extra="forbid")

    accord_version: str
    target: TargetIdentity
    target_digest: str
    suite: SuiteInfo
    graders: list[str]
    render_version: int = RENDER_VERSION
    python: str
    platform: str
    started: str
    finished: str | None = None
    status: Literal["running", "complete", "interrupted", "failed"] = "running"


@dataclass
class RunResult:
    out: Path
    journal: Path
    manifest: RunManifest
    counters: Counters
    seconds: float
    stats: dict[str, float] = field(default_factory=dict)


class _FatalError(Exception):
    def __init__(self, error: CallError) -> None:
        self.error = error


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _load_manifest(path: Path) -> RunManifest | None:
    if not path.exists():
        return None
    try:
        return RunManifest.model_validate_json(path.read_bytes())
    except ValueError:
        raise RunDirError(
            f"{path} is not a valid Accord run manifest; choose another --out or delete that directory"
        ) from None


def _write_manifest(path: Path, m: RunManifest) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(m.model_dump_json(indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


class _Runner:
    def __init__(self, suite: Suite, target: Target, config: RunConfig) -> None:
        self.suite = suite
        self.target = target
        self.config = config
        self.identity = target.identity
        self.target_digest = self.identity.digest()
        self.params = self.identity.params
        self.counters = Counters()
        self.rng = random.Random(config.seed)
        self.graders: dict[str, Grader] = {}
        self.journal: Journal | None = None
        self.cache: ResponseCache | None = None
        self.limiter: AdaptiveLimiter | None = None
        self.fatal: CallError | None = None
        self.suite_name = suite.name

    def grader(self, name: str) -> Grader:
        g = self.graders.get(name)
        if g is None:
            g = self.graders[name] = create_grader(name)
        return g

    # -- per item -------------------------------------------------------------------------

    async def call(self, messages: list[dict[str, str]]) -> tuple[Completion | None, list[Attempt], CallError | None, float]:
        """Ask the target, retrying within the policy. Returns (completion, failed
        attempts, final error, latency of the last call in ms)."""
        limiter = self.limiter
        assert limiter is not None
        policy = self.config.retry
        attempts: list[Attempt] = []
        t_start = time.monotonic()
        n = 0
        while True:
            n += 1
            await limiter.acquire()
            t0 = time.monotonic()
            try:
                completion = await self.target.generate(messages)
            except CallError as e:
                latency = (time.monotonic() - t0) * 1000
                await limiter.release(ok=False, congestion=e.congestion, retry_after=e.retry_after)
                if e.kind == "auth":
                    raise _FatalError(e) from None
                elapsed = time.monotonic() - t_start
                wait = policy.delay(n, self.rng, e.retry_after) if e.retryable else None
                if wait is not None and (n >= policy.max_attempts or elapsed + wait > policy.budget):
                    give_up_kind = "budget" if n < policy.max_attempts else None
                    attempts.append(Attempt(n=n, kind=e.kind, message=e.message, status=e.status))
                    if give_up_kind:
                        e = CallError("budget", f"time budget of {policy.budget:g}s spent after {n} attempts; last: {e.message}", status=e.status)
                    return None, attempts, e, latency
                attempts.append(Attempt(n=n, kind=e.kind, message=e.message, status=e.status, wait_s=round(wait, 3) if wait is not None else None))
                if wait is None:
                    return None, attempts, e, latency
                self.counters.retries += 1
                await asyncio.sleep(wait)
                continue
            except BaseException:
                await limiter.release(ok=False)
                raise
            latency = (time.monotonic() - t0) * 1000
            await limiter.release(ok=True)
            return completion, attempts, None, latency

    async def process(self, item: Item, item_hash: str) -> None:
        started = _now()
        t0 = time.monotonic()
        messages = render(item, self.params)
        request_hash = digest(messages)
        completion: Completion | None = None
        cached = False
        key = b""
        if self.cache is not None:
            key = cache_key(self.target_digest, request_hash)
            completion = self.cache.get(key)
            cached = completion is not None
        attempts: list[Attempt] = []
        error: CallError | None = None
        latency = 0.0
        if completion is None:
            completion, attempts, error, latency = await self.call(messages)
            if completion is not None and self.cache is not None:
                self.cache.put(key, completion)
        grades: list[Grade] = []
        response: RecordResponse | None = None
        item_error: ItemError | None = None
        if completion is not None:
            response = RecordResponse(
                text=completion.text,
                finish_reason=completion.finish_reason,
                model=completion.model,
                prompt_tokens=completion.prompt_tokens,
                completion_tokens=completion.completion_tokens,
            )
            for name in item.graders:
                grades.append(self.grader(name).grade(item, completion.text))
        else:
            assert error is not None
            item_error = ItemError(kind=error.kind, message=error.message, attempts=len(attempts))
        record = Record(
            item_id=item.id,
            item_hash=item_hash,
            suite=self.suite_name,
            lang=item.lang,
            category=item.category,
            expect=str(item.expect) if item.expect is not None else None,
            target=self.target_digest,
            request=RecordRequest(messages=messages, hash=request_hash),
            response=response,
            grades=grades,
            error=item_error,
            attempts=attempts,
            timing=Timing(started=started, latency_ms=round(latency, 3), total_ms=round((time.monotonic() - t0) * 1000, 3)),
            cached=cached,
        )
        assert self.journal is not None
        self.journal.append(record)
        c = self.counters
        c.done += 1
        if item_error is not None:
            c.errors += 1
        if cached:
            c.cached += 1

    # -- orchestration --------------------------------------------------------------------

    async def worker(self, queue: asyncio.Queue[tuple[Item, str] | None]) -> None:
        while True:
            entry = await queue.get()
            if entry is None or self.fatal is not None:
                return
            try:
                await self.process(*entry)
            except _FatalError as f:
                self.fatal = f.error
                return

    async def ticker(self, view: ProgressView) -> None:
        journal = self.journal
        assert journal is not None
        loop = asyncio.get_running_loop()
        last_sync = time.monotonic()
        while True:
            await asyncio.sleep(self.config.flush_interval)
            journal.flush()
            if self.cache is not None:
                self.cache.flush()
            now = time.monotonic()
            if now - last_sync >= self.config.fsync_interval:
                last_sync = now
                await loop.run_in_executor(None, journal.sync)
            view.refresh()


def _todo(suite: Suite, done: dict[str, bool]) -> Iterator[tuple[Item, str]]:
    for item in suite:
        h = item.content_hash()
        if h not in done:
            yield item, h


async def run_async(suite: Suite, target: Target, config: RunConfig) -> RunResult:
    """Run every item of ``suite`` not yet recorded in ``config.out`` against ``target``.

    Re-running with the same arguments resumes: items already in the journal are skipped
    (errored ones too, unless ``retry_errors``). Raises :class:`RunDirError` if the run
    directory belongs to another target or suite, :class:`TargetError` if the target cannot
    be started or rejects the credentials.
    """
    out = config.out
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST_FILE
    journal_path = out / RECORDS_FILE
    info = suite.info()
    ident = target.identity
    previous = _load_manifest(manifest_path)
    if previous is not None:
        if previous.target_digest != ident.digest():
            raise RunDirError(
                f"{out} holds a run of {previous.target.label()} with other settings "
                f"(target digest {previous.target_digest[:12]}); choose another --out or delete it"
            )
        if previous.suite.digest != info.digest:
            raise RunDirError(
                f"{out} holds a run of suite {previous.suite.name} with different items; "
                "choose another --out or delete it"
            )
    entries = scan(journal_path)
    done = {h: e.ok for h, e in entries.items() if e.ok or not config.retry_errors}
    runner = _Runner(suite, target, config)
    counters = runner.counters
    counters.total = info.items
    counters.skipped = sum(1 for _ in done)
    grader_names = sorted({g for item in suite for g in item.graders}) if info.items < 200_000 else []
    manifest = RunManifest(
        accord_version=__version__,
        target=ident,
        target_digest=ident.digest(),
        suite=info,
        graders=[f"{n}@{create_grader(n).version}" for n in grader_names],
        python=sys.version.split()[0],
        platform=platform.platform(),
        started=previous.started if previous else _now(),
    )
    _write_manifest(manifest_path, manifest)
    t0 = time.monotonic()
    if counters.skipped >= counters.total:
        manifest.status = "complete"
        manifest.finished = manifest.finished or _now()
        _write_manifest(manifest_path, manifest)
        return RunResult(out, journal_path, manifest, counters, 0.0)

    await target.start()
    hint = target.concurrency()
    runner.limiter = AdaptiveLimiter(hint.initial, hint.maximum, adaptive=hint.adaptive)
    runner.journal = Journal(journal_path, flush_every=config.flush_every, fsync_interval=config.fsync_interval)
    if config.use_cache:
        runner.cache = ResponseCache(cache_dir() / "responses.sqlite")
    view = ProgressView(counters, config.progress, label=f"{suite.name} @ {ident.label()}")
    view.start()
    queue: asyncio.Queue[tuple[Item, str] | None] = asyncio.Queue(maxsize=max(64, 2 * hint.maximum))
    workers = [asyncio.create_task(runner.worker(queue)) for _ in range(hint.maximum)]
    ticker = asyncio.create_task(runner.ticker(view))
    status: Literal["complete", "interrupted", "failed"] = "interrupted"
    try:
        for entry in _todo(suite, done):
            if runner.fatal is not None:
                break
            await queue.put(entry)
        for _ in workers:
            await queue.put(None)
        # a worker that stopped early (fatal error) leaves sentinels unread; drain them
        while not all(w.done() for w in workers):
            await asyncio.wait(workers, timeout=0.5)
            if runner.fatal is not None:
                while not queue.empty():
                    queue.get_nowait()
        for w in workers:
            w.result()
        status = "failed" if runner.fatal is not None else "complete"
    finally:
        ticker.cancel()
        for w in workers:
            w.cancel()
        await asyncio.gather(ticker, *workers, return_exceptions=True)
        runner.journal.close()
        if runner.cache is not None:
            runner.cache.close()
        view.stop()
        await target.aclose()
        manifest.status = status
        manifest.finished = _now()
        _write_manifest(manifest_path, manifest)
    if runner.fatal is not None:
        raise TargetError(
            f"{ident.base_url or ident.label()} rejected the request ({runner.fatal.message}); "
            "check the API key variable (--api-key-env) and the model name"
        )
    result = RunResult(out, journal_path, manifest, counters, time.monotonic() - t0)
    result.stats["congestion_events"] = runner.limiter.congestion_events
    result.stats["final_limit"] = runner.limiter.limit
    return result
