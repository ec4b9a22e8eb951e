"""The run loop: items x target -> graders -> journal.

Items stream in from the suite, items already in the journal are skipped, the rest are
pulled by worker tasks straight from the streaming generator. Each worker holds a slot of the endpoint's
adaptive limiter only while a request is in flight (never while backing off). Records
stream out to the journal in batches. Nothing per item is kept in memory once recorded.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import platform
import random
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

from accord import __version__
from accord._canonical import digest
from accord._paths import cache_dir
from accord.engine._cache import ResponseCache
from accord.engine._journal import Journal, scan
from accord.engine._limiter import AdaptiveLimiter
from accord.engine._progress import Counters, ProgressMode, ProgressView
from accord.engine._record import RECORD_VERSION, Attempt
from accord.engine._render import RENDER_VERSION, render
from accord.engine._retry import RetryPolicy
from accord.errors import RunDirError, SuiteError, TargetError
from accord.graders import Grade, Grader, create_grader
from accord.i18n import t
from accord.suites import Item, Suite, SuiteInfo
from accord.targets import CallError, Completion, GenerationParams, Target, TargetIdentity

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
    suite_source: str = Field(default="", description="SHA-256 of the suite files' bytes when the run began.")
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


_BATCH = 128  # answered items graded and journaled together (see ``record_finished``)
_CHUNK = 64  # items read and hashed together (see ``_todo``)


# An item to ask: (item, item hash, rendered messages, request hash).
_Todo = tuple[Item, str, list[dict[str, str]], str]
# An item asked: (todo, its start (time.monotonic()), latency of the last call in ms, total seconds,
# completion, from the cache, failed attempts, final error, grades if already graded).
_Answered = tuple[
    _Todo, float, float, float, Completion | None, bool, list[Attempt], CallError | None, list[dict[str, Any]] | None
]


class _FatalError(Exception):
    def __init__(self, error: CallError) -> None:
        self.error = error


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class _Clock:
    """Wall-clock ISO 8601 text (UTC, milliseconds, as ``_now()`` writes it) for a
    ``time.monotonic()`` reading the engine already has: the wall clock is read about once a
    second, and the date-and-seconds prefix formatted once per second."""

    __slots__ = ("_mono", "_prefix", "_second", "_wall")

    def __init__(self) -> None:
        self._mono = -1e18
        self._wall = 0.0
        self._second = -1
        self._prefix = ""

    def at(self, mono: float) -> str:
        # readings come in batches, not in order: any within a minute before the last sync
        # (or a second after it) map through it
        if not -60.0 < mono - self._mono < 1.0:
            self._sync()
        ms = int((self._wall + (mono - self._mono)) * 1000)
        second, frac = divmod(ms, 1000)
        if second != self._second:
            self._second = second
            self._prefix = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")
        return f"{self._prefix}.{frac:03d}+00:00"

    def now(self) -> str:
        return self.at(time.monotonic())

    def _sync(self) -> None:
        # the wall clock read between two monotonic readings; a pair pulled apart by a context
        # switch is read again (a few times at most)
        for _ in range(5):
            before = time.monotonic()
            wall = time.time()
            after = time.monotonic()
            if after - before < 0.0005:
                break
        self._mono = (before + after) / 2
        self._wall = wall


def _load_manifest(path: Path) -> RunManifest | None:
    if not path.exists():
        return None
    try:
        return RunManifest.model_validate_json(path.read_bytes())
    except ValueError:
        raise RunDirError(t("err.run.bad_manifest", path=path)) from None


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
        self.graders: dict[str, tuple[Grader, Callable[[Item, str], Awaitable[Grade]] | None]] = {}
        self.journal: Journal | None = None
        self.cache: ResponseCache | None = None
        self.limiter: AdaptiveLimiter | None = None
        self.fatal: CallError | None = None
        self.suite_name = suite.name
        self.clock = _Clock()
        # answered items waiting for their rule grades: (item, record, text to grade or "")
        self.finished: list[_Answered] = []
        self.crash: Exception | None = None
        self._awaits: dict[tuple[str, ...], bool] = {}

    def grader(self, name: str) -> tuple[Grader, Callable[[Item, str], Awaitable[Grade]] | None]:
        """The grader called ``name`` and, for graders that must await (an LLM judge), its
        ``agrade`` coroutine function; rule graders are called synchronously."""
        entry = self.graders.get(name)
        if entry is None:
            g = create_grader(name)
            entry = self.graders[name] = (g, getattr(g, "agrade", None))
        return entry

    # -- per item -------------------------------------------------------------------------

    async def call(self, messages: list[dict[str, str]], t_start: float) -> tuple[Completion | None, list[Attempt], CallError | None, float, float]:
        """Ask the target, retrying within the policy. ``t_start`` is the item's start
        (``time.monotonic()``). Returns (completion, failed attempts, final error, latency of
        the last call in ms, the monotonic time it ended). The clock is read twice per call
        when nothing goes wrong (it is not free everywhere: sandboxes trap it)."""
        limiter = self.limiter
        assert limiter is not None
        policy = self.config.retry
        attempts: list[Attempt] = []
        n = 0
        t0 = t_start
        while True:
            n += 1
            if not limiter.try_acquire():
                await limiter.acquire()
                t0 = time.monotonic()
            try:
                completion = await self.target.generate(messages)
            except CallError as e:
                end = time.monotonic()
                latency = (end - t0) * 1000
                limiter.release(ok=False, congestion=e.congestion, retry_after=e.retry_after)
                if e.kind == "auth":
                    raise _FatalError(e) from None
                elapsed = end - t_start
                wait = policy.delay(n, self.rng, e.retry_after) if e.retryable else None
                if wait is not None and (n >= policy.max_attempts or elapsed + wait > policy.budget):
                    give_up_kind = "budget" if n < policy.max_attempts else None
                    attempts.append(Attempt(n=n, kind=e.kind, message=e.message, status=e.status))
                    if give_up_kind:
                        e = CallError("budget", f"time budget of {policy.budget:g}s spent after {n} attempts; last: {e.message}", status=e.status)
                    return None, attempts, e, latency, end
                attempts.append(Attempt(n=n, kind=e.kind, message=e.message, status=e.status, wait_s=round(wait, 3) if wait is not None else None))
                if wait is None:
                    return None, attempts, e, latency, end
                self.counters.retries += 1
                await asyncio.sleep(wait)
                t0 = time.monotonic()
                continue
            except BaseException:
                limiter.release(ok=False)
                raise
            end = time.monotonic()
            limiter.release(ok=True)
            return completion, attempts, None, (end - t0) * 1000, end

    async def process(self, todo: _Todo) -> None:
        item, _item_hash, messages, request_hash = todo
        t0 = time.monotonic()
        completion: Completion | None = None
        cached = False
        if self.cache is not None:
            completion = self.cache.get(request_hash)
            cached = completion is not None
        attempts: list[Attempt] = []
        error: CallError | None = None
        latency = 0.0
        if completion is None:
            completion, attempts, error, latency, end = await self.call(messages, t0)
            total = end - t0
        else:
            total = time.monotonic() - t0
        grades: list[dict[str, Any]] | None = None
        if completion is not None and item.graders and self.awaits(item.graders):
            # a grader that must wait (an LLM judge) grades its item here
            grades = []
            for name in item.graders:
                g, agrade = self.grader(name)
                grade = await agrade(item, completion.text) if agrade is not None else g.grade(item, completion.text)
                grades.append(grade.__dict__)
        self.finished.append((todo, t0, latency, total, completion, cached, attempts, error, grades))
        if len(self.finished) >= _BATCH:
            self.drain()

    def drain(self) -> bool:
        """``record_finished``, turning a grader's exception into the end of the run (raised
        again by ``run_async`` once everything recorded so far is safe). False after a crash."""
        try:
            self.record_finished()
        except Exception as e:
            self.crash = e
            return False
        return True

    def awaits(self, names: tuple[str, ...]) -> bool:
        """Whether any of these graders must be awaited (an LLM judge)."""
        known = self._awaits.get(names)
        if known is None:
            known = self._awaits[names] = any(self.grader(n)[1] is not None for n in names)
        return known

    def record_finished(self) -> None:
        """Grade (rule graders), build and journal the records of the answered items in one
        tight loop.

        Rule graders are synchronous and cost microseconds; run back to back on a batch, their
        code and data stay in the CPU caches, where interleaved with the HTTP client's work per
        item they ran at about half the speed (the same holds for building and serialising
        records). A batch is at most ``_BATCH`` items or what the ticker finds every
        ``flush_interval``; a killed run loses no more than the journal's own write buffer."""
        batch = self.finished
        if not batch:
            return
        self.finished = []
        journal = self.journal
        assert journal is not None
        cache = self.cache
        grader = self.grader
        dumps = orjson.dumps
        opt = orjson.OPT_APPEND_NEWLINE
        suite_name = self.suite_name
        target_digest = self.target_digest
        errors = cached_n = 0
        clock = self.clock
        for (item, item_hash, messages, request_hash), t0, latency, total, completion, cached, attempts, error, grades in batch:
            # The record is built as a plain dict in the exact shape of the ``Record`` model and
            # serialised by orjson: re-validating values the engine made itself would double
            # the per-item cost. The journal reader validates every line against ``Record``,
            # and a test checks the two shapes agree.
            response: dict[str, Any] | None = None
            item_error: dict[str, Any] | None = None
            if completion is not None:
                response = {
                    "text": completion.text,
                    "finish_reason": completion.finish_reason,
                    "model": completion.model,
                    "prompt_tokens": completion.prompt_tokens,
                    "completion_tokens": completion.completion_tokens,
                }
                if not cached and cache is not None:
                    cache.put_raw(request_hash, response)
                if grades is None:
                    grades = [grader(name)[0].grade(item, completion.text).__dict__ for name in item.graders]
            else:
                assert error is not None
                item_error = {"kind": error.kind, "message": error.message, "attempts": len(attempts)}
                errors += 1
            if cached:
                cached_n += 1
            record = {
                "v": RECORD_VERSION,
                "item_id": item.id,
                "item_hash": item_hash,
                "suite": suite_name,
                "lang": item.lang,
                "category": item.category,
                "expect": str(item.expect) if item.expect is not None else None,
                "meta": item.meta,
                "target": target_digest,
                "request": {"messages": messages, "hash": request_hash},
                "response": response,
                "grades": grades or [],
                "error": item_error,
                "attempts": [a.__dict__ for a in attempts] if attempts else [],
                "timing": {
                    "started": clock.at(t0),
                    "latency_ms": round(latency, 3),
                    "total_ms": round(total * 1000, 3),
                },
                "cached": cached,
            }
            journal.append_raw(dumps(record, option=opt))
        c = self.counters
        c.done += len(batch)
        c.errors += errors
        c.cached += cached_n

    # -- orchestration --------------------------------------------------------------------

    async def worker(self, source: Iterator[_Todo]) -> None:
        # Workers share one generator. Advancing it is synchronous (no await inside), so on a
        # single event loop no two workers ever run it at once, and no queue is needed.
        for todo in source:
            if self.fatal is not None or self.crash is not None:
                return
            try:
                await self.process(todo)
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
            if not self.drain():
                return
            journal.flush()
            if self.cache is not None:
                self.cache.flush()
            now = time.monotonic()
            if now - last_sync >= self.config.fsync_interval:
                last_sync = now
                await loop.run_in_executor(None, journal.sync)
            view.refresh()


def _grader_ids(names: tuple[str, ...] | list[str]) -> list[str]:
    return [f"{n}@{create_grader(n).version}" for n in names]


class _Digester:
    """Computes a suite's info while its items stream past (same result as Suite.info)."""

    def __init__(self, suite: Suite) -> None:
        self.suite = suite
        self.h = hashlib.sha256()
        self.n = 0
        self.ids: set[str] = set()
        self.graders: set[str] = set()

    def add(self, item: Item, item_hash: str) -> None:
        if item.id in self.ids:
            raise SuiteError(t("err.suite.duplicate_id", where=self.suite.where(), id=item.id))
        self.ids.add(item.id)
        self.graders.update(item.graders)
        self.h.update(bytes.fromhex(item_hash))
        self.n += 1

    def info(self) -> SuiteInfo:
        if self.n == 0:
            raise SuiteError(t("err.suite.empty", where=self.suite.where()))
        return SuiteInfo(
            name=self.suite.name,
            version=self.suite.version,
            description=self.suite.description,
            source=self.suite.where(),
            digest=self.h.hexdigest(),
            items=self.n,
            graders=tuple(sorted(self.graders)),
        )


def _todo(suite: Suite, done: dict[str, bool], digester: _Digester | None, params: GenerationParams) -> Iterator[_Todo]:
    # Items are read, validated, hashed and rendered in small chunks: back to back, the
    # loader's and hasher's code stays in the CPU caches (the same reason rule grading is
    # batched).
    items = iter(suite)
    while chunk := list(islice(items, _CHUNK)):
        hashed = [(item, item.content_hash()) for item in chunk]
        todo: list[_Todo] = []
        for item, h in hashed:
            if digester is not None:
                digester.add(item, h)
            if h not in done:
                messages = render(item, params)
                todo.append((item, h, messages, digest(messages, trusted=True)))
        yield from todo


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
    ident = target.identity
    source = suite.source_digest()
    previous = _load_manifest(manifest_path)
    if previous is not None:
        if previous.target_digest != ident.digest():
            raise RunDirError(
                t(
                    "err.run.other_target",
                    out=out,
                    target=previous.target.label(),
                    digest=previous.target_digest[:12],
                )
            )
        # files that differ byte-wise may still hold the same items (reformatting)
        if previous.suite_source != source and (
            not previous.suite.digest or previous.suite.digest != suite.info().digest
        ):
            raise RunDirError(t("err.run.other_suite", out=out, suite=previous.suite.name))
    # One pass over the items when possible: the suite digest, item count and grader names
    # are computed by the producer as it streams items to the workers, unless already known.
    info = suite.known_info()
    if info is None and previous is not None and previous.suite_source == source and previous.suite.digest:
        info = previous.suite
    entries = scan(journal_path)
    done = {h: e.ok for h, e in entries.items() if e.ok or not config.retry_errors}
    runner = _Runner(suite, target, config)
    counters = runner.counters
    counters.total = info.items if info else suite.count_hint()
    counters.skipped = len(done)
    pending = SuiteInfo(name=suite.name, version=suite.version, description=suite.description, source=suite.where())
    manifest = RunManifest(
        accord_version=__version__,
        target=ident,
        target_digest=ident.digest(),
        suite=info or (previous.suite if previous and previous.suite.digest else pending),
        suite_source=source,
        graders=_grader_ids(info.graders) if info else [],
        python=sys.version.split()[0],
        platform=platform.platform(),
        started=previous.started if previous else _now(),
    )
    _write_manifest(manifest_path, manifest)
    t0 = time.monotonic()
    if counters.skipped >= counters.total:
        if info is None:
            info = suite.info()
            manifest.suite, manifest.graders = info, _grader_ids(info.graders)
        manifest.status = "complete"
        manifest.finished = manifest.finished or _now()
        _write_manifest(manifest_path, manifest)
        return RunResult(out, journal_path, manifest, counters, 0.0)

    await target.start()
    hint = target.concurrency()
    runner.limiter = AdaptiveLimiter(hint.initial, hint.maximum, adaptive=hint.adaptive)
    runner.journal = Journal(journal_path, flush_every=config.flush_every, fsync_interval=config.fsync_interval)
    if config.use_cache:
        runner.cache = ResponseCache(cache_dir() / "responses", runner.target_digest)
    view = ProgressView(counters, config.progress, label=f"{suite.name} @ {ident.label()}")
    view.start()
    digester = _Digester(suite) if info is None else None
    stream = _todo(suite, done, digester, ident.params)
    # Records, requests and responses are acyclic and freed by reference counting; the
    # cyclic collector's frequent passes over a growing heap cost ~15 us per item for
    # nothing, so it runs rarely during the loop (restored afterwards).
    gc_threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(gc_threshold[0], 50_000), gc_threshold[1], gc_threshold[2])
    workers = [asyncio.create_task(runner.worker(stream)) for _ in range(hint.maximum)]
    ticker = asyncio.create_task(runner.ticker(view))
    status: Literal["complete", "interrupted", "failed"] = "interrupted"
    try:
        await asyncio.gather(*workers)
        status = "failed" if runner.fatal is not None or runner.crash is not None else "complete"
        if digester is not None and status == "complete":
            info = digester.info()
            suite.remember(info)
            manifest.suite = info
            manifest.graders = _grader_ids(info.graders)
            counters.total = info.items
    finally:
        gc.set_threshold(*gc_threshold)
        gc.unfreeze()
        ticker.cancel()
        for w in workers:
            w.cancel()
        await asyncio.gather(ticker, *workers, return_exceptions=True)
        try:
            runner.record_finished()
        finally:
            runner.journal.close()
        if runner.cache is not None:
            runner.cache.close()
        view.stop()
        await target.aclose()
        manifest.status = status
        manifest.finished = _now()
        _write_manifest(manifest_path, manifest)
    if runner.crash is not None:
        raise runner.crash
    if runner.fatal is not None:
        raise TargetError(
            t(
                "err.run.rejected",
                endpoint=ident.base_url or ident.label(),
                reason=runner.fatal.message,
            )
        )
    result = RunResult(out, journal_path, manifest, counters, time.monotonic() - t0)
    result.stats["congestion_events"] = runner.limiter.congestion_events
    result.stats["final_limit"] = runner.limiter.limit
    return result
