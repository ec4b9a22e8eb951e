"""Checking a large bundle's records in worker processes.

The records member is cut at line starts into chunks of about equal size; each worker checks
whole chunks with the same :class:`~accord.evidence._records.RecordChecker` as the serial
path (``RecordChecker.lines``: the same checks, step by step over batches of records), and the
parent keeps only what must see everything:

- **Chunks.** Records are sorted by item hash, so chunk ``c`` (its lines from byte ``B[c]``
  to ``B[c+1]``) covers the item-hash range ``[lo, hi)`` from its first record's hash to
  the next chunk's first. The worker finds that range in the suite's items member by binary
  search (items are sorted by hash too), and the position of its first record in the signed
  index (fixed 128-byte entries, sorted the same way), then checks its records against
  exactly those items and index entries.
- **Order.** Each worker checks its records are strictly increasing and below ``hi``, so
  the whole member is in order; the same for its items.
- **Index.** Each chunk's records must match the index entries from its position on; the
  parent checks the positions tile ``0 .. count`` without gap or overlap.
- **Merkle root.** Knowing its first leaf's position, a worker returns the roots of the
  aligned perfect subtrees its leaves fill (``SubtreeBuilder``); the parent folds them into
  the RFC 6962 root with ``MerkleBuilder.add_subtree``: no leaf hash crosses a pipe.
- **Suite.** Workers return the hashes of their items; the parent compares the whole
  sequence with the sorted suite order (a permutation check), and counts.
- **Reveal.** A sealed suite's reveal (a plain file beside the bundle) takes the place of the
  items member: its lines are sorted by the hash of the item in them, so a chunk finds its
  range the same way. Each worker checks its lines as ``iter_reveal`` does and returns the
  roots of the commitment tree's aligned subtrees its salted leaves fill (it knows its first
  line's number from a table of newline counts per MiB, made before the workers start), and
  the counts per category and language; the parent folds the subtrees into the commitment
  root and compares root and counts with the commitment.
- **Summary and verdicts.** Workers return :class:`~accord.evidence._aggregate.Tally`
  counts, merged by the parent.
- **Digests.** While the workers run, a thread of the parent reads each member once more,
  computing SHA-256 (and the ZIP CRC-32); hashlib and zlib release the GIL.

The parallel path reports only bundles whose records, index and items check out entirely
(member digests included). At the first sign of anything else (a failed check, an anomaly,
a worker that fails or dies), it gives up and ``verify`` runs the serial path, which names
every problem exactly: so the report of a bundle is the same whichever path ran.

Workers are forked when that is safe (Linux, no other thread in the process, no running
event loop): they then share the parent's imports and start in a millisecond or two each (a
bare ``os.fork``: see :class:`_Forked`); a worker gets its first chunks as soon as it is forked
instead of waiting for the others, and is told to exit as soon as no chunk is left for it. Else they
start with ``forkserver`` (or ``spawn``), which costs their imports, so only larger bundles
use them. A member that is deflated in the ZIP file is inflated by the parent: the records
stream to the workers through pipes, the items and index go to a temporary file.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from accord.evidence._aggregate import Tally
from accord.evidence._container import BundleReader, MemberInfo
from accord.evidence._fast import canonical_line, item_shape
from accord.evidence._merkle import MerkleBuilder, SubtreeBuilder
from accord.evidence._records import (
    MAX_DETAILS,
    Issues,
    ItemChecker,
    RecordChecker,
    RecordContext,
    RecordsFound,
)
from accord.evidence._seal import salted_leaf

__all__ = [
    "LAST_RUN",
    "MIN_BYTES",
    "MIN_BYTES_SPAWN",
    "ParallelOutcome",
    "Source",
    "check_records_parallel",
    "cpu_count",
]

MIN_BYTES = 4 << 20
"""Records members smaller than this are checked in the verifying process (forked workers)."""
MIN_BYTES_SPAWN = 64 << 20
"""The same where workers must start fresh (forkserver/spawn: each imports Accord, ~0.5 s)."""
CHUNK_MIN = 512 << 10
CHUNK_MAX = 4 << 20
"""A chunk's records are held whole by a worker (and, for a deflated member, by this process
while it is sent): chunks stay under this many bytes, so memory does not grow with the bundle."""
CHUNKS_PER_WORKER = 4
_WINDOW = 1 << 16
_INDEX_ENTRY = 128
_REVEAL_BLOCK = 1 << 20
"""Newlines of a reveal are counted per block of this many bytes (see :func:`_newline_table`)."""
_SALT_TAIL = len(b',"salt":"') + 64 + len(b'"}')
"""A canonical reveal line is ``{"item":ITEM,"salt":"<64 hex digits>"}``."""

LAST_RUN: dict[str, Any] = {}
"""How the last call went in this process (workers, start method, chunks, timings, the
workers' ``utilisation``, and ``outcome``: ``parallel``, or why the serial path ran); for
tests and benchmarks."""


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _Anomaly(Exception):
    """Something the parallel path does not report itself: the serial path will."""


# -- reading plain byte ranges --------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A member's bytes as a plain range of a file: ``size`` bytes at ``offset`` of ``path``."""

    path: str
    offset: int
    size: int
    nofollow: bool = False
    """A member file of a directory bundle: never through a symbolic link."""


class _File:
    """Random access to one Source (pread)."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.fd = os.open(
            src.path, os.O_RDONLY | (getattr(os, "O_NOFOLLOW", 0) if src.nofollow else 0)
        )

    def close(self) -> None:
        os.close(self.fd)

    def read(self, start: int, end: int) -> bytes:
        """Bytes ``[start, end)`` of the member."""
        end = min(end, self.src.size)
        if end <= start:
            return b""
        n = end - start
        data = os.pread(self.fd, n, self.src.offset + start)
        if len(data) != n:
            parts = [data]
            got = len(data)
            while got < n:
                more = os.pread(self.fd, n - got, self.src.offset + start + got)
                if not more:
                    raise _Anomaly("short read")
                parts.append(more)
                got += len(more)
            data = b"".join(parts)
        return data

    def line_at(self, x: int, max_line: int) -> tuple[int, bytes | None]:
        """(start, line) of the first line starting at or after byte ``x``; (size, None) if
        there is none."""
        size = self.src.size
        if x > 0:
            pos = x - 1
            while True:
                if pos >= size:
                    return size, None
                window = self.read(pos, pos + _WINDOW)
                i = window.find(b"\n")
                if i >= 0:
                    x = pos + i + 1
                    break
                pos += len(window)
                if pos - x > max_line:
                    raise _Anomaly("line too long")
        if x >= size:
            return size, None
        parts = []
        pos = x
        while True:
            window = self.read(pos, pos + _WINDOW)
            if not window:
                raise _Anomaly("no final newline")
            i = window.find(b"\n")
            if i >= 0:
                parts.append(window[:i])
                return x, b"".join(parts)
            parts.append(window)
            pos += len(window)
            if pos - x > max_line:
                raise _Anomaly("line too long")


def _item_hash(line: bytes, reveal: bool) -> str:
    """An item line's item hash: of the line, or (a reveal's line) of the item in it (on a
    line that is not canonical, some hash)."""
    return hashlib.sha256(line[8 : len(line) - _SALT_TAIL] if reveal else line).hexdigest()


def _item_bound(f: _File, target: str | None, max_line: int, reveal: bool = False) -> int:
    """Byte position of the first item line whose hash is ``>= target`` (items sorted by
    hash; on unsorted bytes some position, the same for the same target)."""
    if target is None:
        return 0
    lo, hi = 0, f.src.size
    while lo < hi:
        mid = (lo + hi) // 2
        _start, line = f.line_at(mid, max_line)
        if line is None or _item_hash(line, reveal) >= target:
            hi = mid
        else:
            lo = mid + 1
    return f.line_at(lo, max_line)[0]


def _index_position(f: _File, first: bytes) -> int:
    """The first index entry whose item hash is ``>= first`` (entries sorted by item hash)."""
    lo, hi = 0, f.src.size // _INDEX_ENTRY
    while lo < hi:
        mid = (lo + hi) // 2
        if f.read(mid * _INDEX_ENTRY, mid * _INDEX_ENTRY + 32) >= first:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _newline_table(src: Source) -> tuple[int, ...]:
    """Entry ``i``: the newlines in the first ``i * _REVEAL_BLOCK`` bytes of ``src`` (so a
    worker finds the line number of a position reading at most one block)."""
    table = [0]
    f = _File(src)
    try:
        for start in range(0, src.size - src.size % _REVEAL_BLOCK, _REVEAL_BLOCK):
            table.append(table[-1] + f.read(start, start + _REVEAL_BLOCK).count(b"\n"))
    finally:
        f.close()
    return tuple(table)


def _lines_before(f: _File, pos: int, table: tuple[int, ...]) -> int:
    block = pos // _REVEAL_BLOCK
    return table[block] + f.read(block * _REVEAL_BLOCK, pos).count(b"\n")


class _Revealed:
    """A reveal's item lines, checked as ``iter_reveal`` checks them (canonical, ``{item,
    salt}``, a 32-byte salt, strictly increasing item hash), each item of the item shape:
    anything else is an anomaly (the serial path names it). Iterating yields what
    ``ItemChecker`` yields; the commitment tree's leaves (from ``first``, the first line's
    position in the reveal), the item hashes and the counts per category and language are
    kept."""

    def __init__(self, lines: list[bytes], first: int) -> None:
        self.lines = lines
        self.tree = SubtreeBuilder(first)
        self.hashes: list[bytes] = []
        self.counts: Counter[tuple[str, str]] = Counter()

    def __iter__(self) -> Iterator[tuple[str, Any, bool]]:
        prev = b""
        tree, hashes, counts = self.tree, self.hashes, self.counts
        for line in self.lines:
            try:
                raw = orjson.loads(line)
                item, salt_hex = raw["item"], raw["salt"]
                salt = bytes.fromhex(salt_hex)
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
                raise _Anomaly("a revealed item is not {item, salt}") from None
            if len(raw) != 2 or len(salt) != 32 or not item_shape(item) or not canonical_line(raw, line):
                raise _Anomaly("a revealed item is not canonical or not of the item shape")
            digest = hashlib.sha256(line[8 : len(line) - _SALT_TAIL]).digest()
            if digest <= prev:
                raise _Anomaly("revealed items are not sorted")
            prev = digest
            hashes.append(digest)
            tree.add(salted_leaf(salt, digest))
            counts[(item["category"] or "", item["lang"])] += 1
            yield digest.hex(), item, True


# -- the work of one chunk ------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What every chunk shares (sent once to each worker)."""

    ctx: RecordContext
    records: Source | None
    """None: the parent streams the records (a deflated member) inside the tasks."""
    items: Source | None
    items_member: str
    index: Source
    max_line: int
    reveal_lines: tuple[int, ...] | None = None
    """Not None: ``items`` are a reveal's item lines (the lines after its header), and these
    are their newlines per block (:func:`_newline_table`)."""


@dataclass(frozen=True)
class Task:
    n: int
    start: int
    end: int
    lo: str | None
    """The chunk's first item hash (None for the first chunk: every item below)."""
    hi: str | None
    """The next chunk's first item hash (None for the last chunk)."""
    data: bytes | None = None


@dataclass
class ChunkResult:
    n: int
    ok: bool = True
    reason: str = ""
    count: int = 0
    pos: int = 0
    subtrees: list[tuple[int, bytes]] = field(default_factory=list)
    item_lo: int = 0
    item_hi: int = 0
    item_hashes: bytes = b""
    items_without_record: int = 0
    items_missing: list[str] = field(default_factory=list)
    sealed_counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    regraded: int = 0
    regrade_skipped: Counter[str] = field(default_factory=Counter)
    tally: Tally = field(default_factory=Tally)
    found: tuple[int, str, str, bytes] | None = None
    reveal_first: int = 0
    reveal_subtrees: list[tuple[int, bytes]] = field(default_factory=list)
    reveal_counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    busy_s: float = 0.0
    """Seconds the worker spent on this chunk (for ``LAST_RUN``'s utilisation)."""


def check_chunk(job: Job, task: Task) -> ChunkResult:
    """Check one chunk; ``ok`` is False (with a reason) unless everything in it holds."""
    res = ChunkResult(task.n)
    files: list[_File] = []
    try:
        return _check_chunk(job, task, res, files)
    except _Anomaly as e:
        res.ok, res.reason = False, str(e)
        return res
    finally:
        for f in files:
            f.close()


def _check_chunk(job: Job, task: Task, res: ChunkResult, files: list[_File]) -> ChunkResult:
    if task.data is not None:
        data = task.data
    else:
        assert job.records is not None
        rf = _File(job.records)
        files.append(rf)
        data = rf.read(task.start, task.end)
    if len(data) != task.end - task.start or (data and not data.endswith(b"\n")):
        raise _Anomaly("chunk does not end at a line end")
    lines = data.split(b"\n")
    lines.pop()
    del data
    first_raw = b""
    if lines:
        if max(map(len, lines)) > job.max_line:
            raise _Anomaly("line too long")
        try:
            first = orjson.loads(lines[0])["item_hash"]
        except (orjson.JSONDecodeError, KeyError, TypeError) as e:
            raise _Anomaly(f"first record: {e}") from None
        if type(first) is not str or (task.lo is not None and first != task.lo) or len(first) != 64:
            raise _Anomaly("first record is not the chunk's bound")
        try:
            first_raw = bytes.fromhex(first)
        except ValueError:
            raise _Anomaly("first record's hash") from None
    # the index entries of these records
    xf = _File(job.index)
    files.append(xf)
    pos = _index_position(xf, first_raw) if lines else 0
    entries = xf.read(pos * _INDEX_ENTRY, (pos + len(lines)) * _INDEX_ENTRY)
    res.pos = pos
    # the items of this chunk's hash range
    issues = Issues()
    hashes: list[bytes] = []
    items_iter = None
    checker_items: ItemChecker | None = None
    revealed: _Revealed | None = None
    if job.items is not None:
        itf = _File(job.items)
        files.append(itf)
        reveal = job.reveal_lines is not None
        res.item_lo = _item_bound(itf, task.lo, job.max_line, reveal)
        res.item_hi = (
            _item_bound(itf, task.hi, job.max_line, reveal) if task.hi is not None else job.items.size
        )
        if res.item_hi < res.item_lo:
            raise _Anomaly("items are not sorted")
        item_data = itf.read(res.item_lo, res.item_hi)
        if item_data and not item_data.endswith(b"\n"):
            raise _Anomaly("items: no final newline")
        item_lines = item_data.split(b"\n")
        item_lines.pop()
        del item_data
        if item_lines and max(map(len, item_lines)) > job.max_line:
            raise _Anomaly("item line too long")
        if job.reveal_lines is not None:
            revealed = _Revealed(item_lines, _lines_before(itf, res.item_lo, job.reveal_lines))
            hashes = revealed.hashes
            items_iter = iter(revealed)
        else:
            checker_items = ItemChecker(
                job.items_member, item_lines, issues, lambda h, _line: hashes.append(h)
            )
            items_iter = iter(checker_items)
    entry_iter = (
        entries[i : i + _INDEX_ENTRY]
        for i in range(0, len(entries) - len(entries) % _INDEX_ENTRY, _INDEX_ENTRY)
    )
    tree = SubtreeBuilder(pos)
    checker = RecordChecker(job.ctx, items_iter, entry_iter, tree)
    checker.lines(1, lines)
    checker.finish()
    if checker.any_issue() or not checker.clean or issues:
        raise _Anomaly("a record or item check fails")
    if (
        task.hi is not None
        and lines
        and (checker.prev >= task.hi or checker.prev[:24] == task.hi[:24])
    ):
        raise _Anomaly("records are not sorted across chunks")
    if hashes and (
        (task.lo is not None and hashes[0].hex() < task.lo)
        or (task.hi is not None and hashes[-1].hex() >= task.hi)
    ):
        raise _Anomaly("items outside the chunk's range")
    res.count = len(lines)
    res.subtrees = tree.subtrees()
    res.item_hashes = b"".join(hashes)
    res.items_without_record = checker.items_without_record
    res.items_missing = checker.items_missing
    res.sealed_counts = checker.sealed_counts
    res.regraded = checker.regraded
    res.regrade_skipped = checker.regrade_skipped
    res.tally = checker.tally
    res.found = checker.found
    if revealed is not None:
        res.reveal_first = revealed.tree.start
        res.reveal_subtrees = revealed.tree.subtrees()
        res.reveal_counts = revealed.counts
    return res


# -- workers --------------------------------------------------------------------------------


def _worker(conn: Any, job: Job) -> None:
    """A worker's loop: tasks in, results out, until None. Never raises."""
    import gc

    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it ends us
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)
    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            began = time.perf_counter()
            try:
                res = check_chunk(job, task)
            except Exception as e:  # a worker's error is the serial path's to report
                res = ChunkResult(task.n, ok=False, reason=f"{type(e).__name__}: {e}")
            res.busy_s = time.perf_counter() - began
            conn.send(res)
    except BaseException:  # the parent sees the worker gone and runs the serial path
        pass
    finally:
        with contextlib.suppress(OSError):
            conn.close()


def _start_method() -> str:
    """``fork`` where it is safe, else ``forkserver`` or ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if (
        sys.platform.startswith("linux")
        and "fork" in methods
        and threading.active_count() == 1
        and not _loop_running()
    ):
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _loop_running() -> bool:
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return False
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Forked:
    """A worker started with a bare ``os.fork`` (as multiprocessing's ``fork`` method does,
    without its bookkeeping: ~1.2 ms per worker instead of ~2.7 ms on the development
    machine). The child runs :func:`_worker` and leaves with ``os._exit``; a dead child shows
    to the parent as the end of its connection."""

    sentinel = None

    def __init__(self, conn: Any, job: Job, inherited: list[Any]) -> None:
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(Exception):
                stream.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (its work is covered through the pool)
            code = 1
            try:
                for c in inherited:  # the parent's ends of the other workers' pipes
                    with contextlib.suppress(OSError):
                        c.close()
                _worker(conn, job)
                code = 0
            finally:
                os._exit(code)
        self.pid = pid
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        if self.exitcode is not None:
            return False
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            self.exitcode = -1
            return False
        if pid == 0:
            return True
        self.exitcode = os.waitstatus_to_exitcode(status)
        return False

    def terminate(self) -> None:
        if self.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)

    def join(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.001)


class _Pool:
    """``n`` worker processes, each fed at most ``depth`` tasks at a time (two when tasks are
    byte ranges, so a worker never waits; one when they carry the bytes, so the parent never
    blocks sending to a busy worker)."""

    def __init__(self, n: int, job: Job, method: str, depth: int, tasks: Iterator[Task] | None = None) -> None:
        """Start the workers; with ``tasks``, each gets its first tasks as soon as it is
        started (starting one costs the parent a few ms, so the first ones work meanwhile)."""
        self.depth = depth
        self.failure = ""
        self.tasks = tasks
        self.inflight = [0] * n
        self.results: list[ChunkResult] = []
        self.pending = True
        ctx: Any = multiprocessing.get_context(method)
        self.procs: list[Any] = []
        self.conns: list[Any] = []
        self.released: list[bool] = [False] * n
        try:
            for i in range(n):
                parent, child = ctx.Pipe()
                self.conns.append(parent)
                p: Any
                if method == "fork":
                    p = _Forked(child, job, self.conns)
                else:
                    p = ctx.Process(target=_worker, args=(child, job), daemon=True)
                    p.start()
                child.close()
                self.procs.append(p)
                if tasks is not None and not self.failure:
                    self._feed_or_fail(i)
        except BaseException:
            self.close(abort=True)  # the workers started so far
            raise

    def start(self, tasks: Iterator[Task] | None = None) -> None:
        """Hand each worker its first tasks (``tasks``, unless given when starting)."""
        if tasks is not None:
            self.tasks = tasks
        for i in range(len(self.conns)):
            if self.failure:
                return
            self._feed_or_fail(i)

    def _feed_or_fail(self, i: int) -> None:
        try:
            self._feed(i)
        except _Anomaly as e:
            self.failure = str(e)

    def _feed(self, i: int) -> None:
        if self.tasks is None:
            return
        while self.pending and self.inflight[i] < self.depth:
            task = next(self.tasks, None)
            if task is None:
                self.pending = False
                return
            try:
                self.conns[i].send(task)
            except OSError:
                raise _Anomaly("a worker is gone") from None
            self.inflight[i] += 1

    def finish(self) -> list[ChunkResult] | None:
        """Wait for every result, handing out the remaining tasks."""
        if self.failure:
            return None
        try:
            return self._collect()
        except _Anomaly as e:
            self.failure = str(e)
            return None

    def _collect(self) -> list[ChunkResult] | None:
        from multiprocessing.connection import wait

        inflight = self.inflight
        conn_index = {id(c): i for i, c in enumerate(self.conns)}
        sentinels = {p.sentinel: i for i, p in enumerate(self.procs) if p.sentinel is not None}
        while any(inflight):
            ready = wait(
                [c for i, c in enumerate(self.conns) if inflight[i]]
                + [p.sentinel for i, p in enumerate(self.procs) if inflight[i] and p.sentinel is not None]
            )
            r: Any
            for r in ready:
                if r in sentinels:
                    self.failure = "a worker died"
                    return None
                i = conn_index[id(r)]
                try:
                    res: ChunkResult = r.recv()
                except (EOFError, OSError):
                    self.failure = "a worker is gone"
                    return None
                inflight[i] -= 1
                if not res.ok:
                    self.failure = f"chunk {res.n}: {res.reason}"
                    return None
                self.results.append(res)
                self._feed(i)
                if not inflight[i] and not self.pending:
                    self._release(i)  # nothing left for it: it exits while the others work
        return self.results

    def _release(self, i: int) -> None:
        """Tell worker ``i`` to exit (once)."""
        if not self.released[i]:
            self.released[i] = True
            with contextlib.suppress(OSError):
                self.conns[i].send(None)

    def close(self, abort: bool = False) -> None:
        """End the workers: idle ones exit on None; ``abort`` ends busy ones at once (their
        results are no longer wanted)."""
        if abort:
            for p in self.procs:
                if p.is_alive():
                    p.terminate()
        for i, c in enumerate(self.conns):
            self._release(i)
            with contextlib.suppress(OSError):
                c.close()
        for p in self.procs:
            p.join(timeout=2)
            if p.is_alive():
                p.terminate()
                p.join()


# -- the parent -----------------------------------------------------------------------------


class _Share(threading.Thread):
    """The parent's own work while the workers check: the sorted suite order, then
    ``meanwhile``. :meth:`result` waits for it and re-raises what it raised."""

    def __init__(self, sorted_order: Callable[[], list[bytes]] | None, meanwhile: Callable[[], None] | None) -> None:
        super().__init__(name="accord-verify-share", daemon=True)
        self.sorted_order = sorted_order
        self.meanwhile = meanwhile
        self.order: list[bytes] | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            if self.sorted_order is not None:
                self.order = self.sorted_order()
            if self.meanwhile is not None:
                self.meanwhile()
        except BaseException as e:  # handed to the caller by result()
            self.error = e

    def result(self) -> list[bytes] | None:
        self.join()
        if self.error is not None:
            raise self.error
        return self.order


def source_of(reader: BundleReader, info: MemberInfo) -> Source | None:
    """The member as a plain byte range (None: it is deflated)."""
    if reader.kind == "dir":
        return Source(str(reader.path / info.name), 0, info.size, nofollow=True)
    if info.method == 0:
        return Source(str(reader.path), info.data_offset, info.size)
    return None


class _Digests:
    """SHA-256 (and CRC-32 for ZIP entries) of plain members, read once more in threads while
    the workers run. The SHA-256 and the CRC-32 of a member are computed by two threads, each
    reading the member on its own (from the page cache): one thread doing both was the last
    thing the parent waited for on a 16-core machine. hashlib and zlib release the GIL."""

    def __init__(self, jobs: list[tuple[str, Source, int | None, bool]]) -> None:
        self.jobs = jobs
        self.out: dict[str, tuple[str, int] | None] = {}
        self.stop = False
        self._sha: dict[str, tuple[str, int] | None] = {}
        self._crc_ok: dict[str, bool] = {}
        self._threads = [
            threading.Thread(target=self._run_sha, daemon=True),
            threading.Thread(target=self._run_crc, daemon=True),
        ]

    def start(self) -> None:
        for th in self._threads:
            th.start()

    def is_alive(self) -> bool:
        return any(th.is_alive() for th in self._threads)

    def join(self) -> None:
        for th in self._threads:
            th.join()
        for name, _src, crc, _whole in self.jobs:
            sha = self._sha.get(name)
            self.out[name] = sha if sha is not None and (crc is None or self._crc_ok.get(name)) else None

    def _run_sha(self) -> None:
        for name, src, _crc, whole_file in self.jobs:
            self._sha[name] = None
            try:
                self._sha[name] = _digest(src, whole_file, self)
            except Exception:  # a digest not computed is a digest that differs: serial path
                return

    def _run_crc(self) -> None:
        for name, src, crc, _whole_file in self.jobs:
            if crc is None:
                continue
            self._crc_ok[name] = False
            try:
                self._crc_ok[name] = _crc_matches(src, crc, self)
            except Exception:
                return


def _read(src: Source, stop: _Digests | None, whole_file: bool = False) -> Iterator[memoryview]:
    """The member's bytes in 4 MiB views (each valid until the next). Raises ``_ShortRead`` if
    the read is stopped, comes up short, or (``whole_file``) the file has grown."""
    left = src.size
    fd = os.open(src.path, os.O_RDONLY | (getattr(os, "O_NOFOLLOW", 0) if src.nofollow else 0))
    with os.fdopen(fd, "rb", buffering=0) as f:
        f.seek(src.offset)
        buf = bytearray(4 << 20)
        view = memoryview(buf)
        while left > 0:
            if stop is not None and stop.stop:
                raise _ShortRead
            n = f.readinto(view[: min(len(buf), left)])
            if not n:
                raise _ShortRead
            yield view[:n]
            left -= n
        if whole_file and f.read(1):
            raise _ShortRead  # the file grew


class _ShortRead(Exception):
    pass


def _crc_matches(src: Source, crc: int, stop: _Digests | None = None) -> bool:
    c = 0
    try:
        for view in _read(src, stop):
            c = zlib.crc32(view, c)
    except _ShortRead:
        return False
    return c == crc


def _digest(src: Source, whole_file: bool, stop: _Digests | None = None) -> tuple[str, int] | None:
    h = hashlib.sha256()
    try:
        for view in _read(src, stop, whole_file):
            h.update(view)
    except _ShortRead:
        return None
    return h.hexdigest(), src.size


@dataclass
class ParallelOutcome(RecordsFound):
    """What the parallel path found (only ever a clean run: see the module docstring)."""

    items_digest: tuple[str, int] | None
    items: int
    reveal_root: bytes | None = None
    """With a reveal: the commitment tree's root over the revealed items, and their counts
    per category and language."""
    reveal_counts: Counter[tuple[str, str]] = field(default_factory=Counter)


def check_records_parallel(
    reader: BundleReader,
    ctx: RecordContext,
    *,
    records: str,
    index: str,
    items_member: str | None,
    sorted_order: Callable[[], list[bytes]] | None,
    workers: int,
    max_line: int,
    signed: dict[str, tuple[str, int]],
    merkle_root: str,
    count: int,
    meanwhile: Callable[[], None] | None = None,
    reveal: Source | None = None,
) -> ParallelOutcome | None:
    """The records phase in ``workers`` processes; None when the serial path must run
    (anything not entirely clean, or any failure to run in parallel).

    ``sorted_order`` gives the suite's item hashes, sorted (called while the workers work,
    as is ``meanwhile``). ``reveal``: the item lines of a sealed suite's reveal (a plain
    file), for the records to be bound to instead of an items member."""
    tmp: list[IO[bytes]] = []
    pool: _Pool | None = None
    digests: _Digests | None = None
    LAST_RUN.clear()
    LAST_RUN.update(workers=workers, outcome="serial: not started")
    if not hasattr(os, "pread"):
        LAST_RUN["outcome"] = "serial: no os.pread on this platform"
        return None
    t0 = time.perf_counter()
    try:
        rec_info, idx_info = reader.info(records), reader.info(index)
        items_info = reader.info(items_member) if items_member is not None else None
        inline: dict[str, tuple[str, int]] = {}
        rec_src = source_of(reader, rec_info)
        idx_src = _plain(reader, idx_info, tmp, inline)
        items_src = _plain(reader, items_info, tmp, inline) if items_info is not None else None
        if idx_src is None or (items_info is not None and items_src is None):
            return None
        job = Job(ctx, rec_src, items_src, items_member or "", idx_src, max_line)
        if reveal is not None:
            job = Job(ctx, rec_src, reveal, reveal.path, idx_src, max_line, _newline_table(reveal))
        method = _start_method()
        if rec_info.size < (MIN_BYTES if method == "fork" else MIN_BYTES_SPAWN):
            LAST_RUN["outcome"] = "serial: a small bundle"
            return None
        nchunks = max(
            1,
            min(workers * CHUNKS_PER_WORKER, rec_info.size // CHUNK_MIN),
            -(-rec_info.size // CHUNK_MAX),
        )
        LAST_RUN.update(method=method, chunks=nchunks, streamed=rec_src is None)
        tasks: Iterator[Task] | None = None
        if rec_src is not None:
            planned = _tasks_from_file(rec_src, guided_cuts(rec_info.size, workers), max_line)
            LAST_RUN["chunks"] = len(planned)
            tasks = iter(planned)
        forking = time.perf_counter()
        pool = _Pool(workers, job, method, 2 if rec_src is not None else 1, tasks)
        # the digests of plain members, read while the workers work (after the fork)
        plain = []
        for name, info, src in (
            (records, rec_info, rec_src),
            (index, idx_info, idx_src),
            (items_member, items_info, items_src),
        ):
            if name is not None and info is not None and src is not None and name not in inline:
                plain.append(
                    (name, src, info.crc if reader.kind == "zip" else None, reader.kind == "dir")
                )
        digests = _Digests(plain)
        digests.start()
        if tasks is None:
            tasks = _tasks_from_stream(reader, records, rec_info.size, nchunks, max_line, inline)
        LAST_RUN["started_s"] = time.perf_counter() - t0
        pool.start(tasks)
        # the parent's own share, in a thread while this one keeps the workers fed (a worker
        # holds two chunks: without the feeding, it would wait once it has done them)
        share = _Share(sorted_order, meanwhile)
        share.start()
        results = pool.finish()
        order = share.result()
        checked = time.perf_counter()
        LAST_RUN["checked_s"] = checked - t0
        if results:
            # the share of the workers' time (from the first fork on) spent checking chunks
            busy = sum(r.busy_s for r in results)
            LAST_RUN["utilisation"] = busy / (workers * (checked - forking))
        digests.join()
        LAST_RUN["digests_s"] = time.perf_counter() - t0
        if results is None:
            LAST_RUN["outcome"] = f"serial: {pool.failure}"
            return None
        got: dict[str, tuple[str, int]] = {
            **inline,
            **{k: v for k, v in digests.out.items() if v is not None},
        }
        want = [records, index] + ([items_member] if items_member is not None else [])
        if any(got.get(n) != signed.get(n) for n in want):
            LAST_RUN["outcome"] = "serial: a member's digest differs"
            return None
        out = _assemble(results, got, records, index, items_member, order, merkle_root, count, reveal)
        LAST_RUN["outcome"] = "parallel" if out is not None else "serial: the chunks do not add up"
        return out
    except Exception as e:  # whatever goes wrong here, the serial path decides
        LAST_RUN["outcome"] = f"serial: {type(e).__name__}: {e}"
        return None
    finally:
        if digests is not None and digests.is_alive():
            digests.stop = True
            digests.join()
        if pool is not None:
            pool.close(abort=LAST_RUN.get("outcome") != "parallel")
        for f in tmp:
            with contextlib.suppress(OSError):
                f.close()


def _plain(
    reader: BundleReader, info: MemberInfo, tmp: list[IO[bytes]], inline: dict[str, tuple[str, int]]
) -> Source | None:
    """A plain Source for a member: itself, or (deflated) inflated into a temporary file,
    its digest computed on the way (the container checks its CRC and size)."""
    src = source_of(reader, info)
    if src is not None:
        return src
    f = tempfile.NamedTemporaryFile(prefix="accord-verify-", delete=True)  # noqa: SIM115 (closed by the caller)
    tmp.append(f)
    h = hashlib.sha256()
    size = 0
    for chunk in reader.stream(info.name):
        h.update(chunk)
        f.write(chunk)
        size += len(chunk)
    f.flush()
    inline[info.name] = (h.hexdigest(), size)
    return Source(f.name, 0, size)


def _record_hash(line: bytes) -> str:
    try:
        h = orjson.loads(line)["item_hash"]
    except (orjson.JSONDecodeError, KeyError, TypeError) as e:
        raise _Anomaly(f"boundary record: {e}") from None
    if type(h) is not str:
        raise _Anomaly("boundary record: item_hash")
    return h


def guided_cuts(size: int, workers: int) -> list[int]:
    """Where to cut a plain records member of ``size`` bytes for ``workers``: chunks of at
    most ``CHUNK_MAX`` bytes, each about the remaining bytes / (2 x workers) and at least
    ``CHUNK_MIN`` (guided self-scheduling). The chunks shrink towards the end, so the last
    ones handed out are small and the workers finish close together (16 workers, 173 MB:
    107 chunks, the last ones ~0.5 MB)."""
    cuts: list[int] = []
    pos = 0
    while True:
        left = size - pos
        step = min(CHUNK_MAX, max(CHUNK_MIN, left // (2 * workers)))
        if step >= left:
            return cuts
        pos += step
        cuts.append(pos)


def _tasks_from_file(src: Source, cuts: list[int], max_line: int) -> list[Task]:
    """Chunks of a plain records member, cut at the first line start at or after each of
    ``cuts``."""
    f = _File(src)
    try:
        bounds: list[tuple[int, str | None]] = [(0, None)]
        for cut in cuts:
            start, line = f.line_at(cut, max_line)
            if line is None:
                break
            if start > bounds[-1][0]:
                bounds.append((start, _record_hash(line)))
    finally:
        f.close()
    tasks = []
    for i, (start, lo) in enumerate(bounds):
        end, hi = bounds[i + 1] if i + 1 < len(bounds) else (src.size, None)
        tasks.append(Task(i, start, end, lo, hi))
    return tasks


def _tasks_from_stream(
    reader: BundleReader,
    name: str,
    size: int,
    nchunks: int,
    max_line: int,
    inline: dict[str, tuple[str, int]],
) -> Iterator[Task]:
    """Chunks of a deflated records member, inflated here and sent in the tasks; the
    member's digest is computed on the way. A chunk's task is made once the next chunk's
    first record is known (its hash bounds this one)."""
    target = max(CHUNK_MIN, size // nchunks)
    h = hashlib.sha256()
    total = 0
    buf = bytearray()
    n = 0
    pos = 0
    prev: tuple[bytes, str | None] | None = None
    for chunk in reader.stream(name):
        h.update(chunk)
        total += len(chunk)
        buf += chunk
        if len(buf) < target:
            continue
        cut = buf.rfind(b"\n") + 1
        if cut == 0:
            if len(buf) > max_line:
                raise _Anomaly("line too long")
            continue
        piece = bytes(buf[:cut])
        del buf[:cut]
        if prev is None:
            prev = (piece, None)
            continue
        lo = _record_hash(piece[: piece.index(b"\n")])
        yield Task(n, pos, pos + len(prev[0]), prev[1], lo, prev[0])
        n += 1
        pos += len(prev[0])
        prev = (piece, lo)
    if buf:
        if not buf.endswith(b"\n"):
            raise _Anomaly("no final newline")
        piece = bytes(buf)
        if prev is None:
            prev = (piece, None)
        else:
            lo = _record_hash(piece[: piece.index(b"\n")])
            yield Task(n, pos, pos + len(prev[0]), prev[1], lo, prev[0])
            n += 1
            pos += len(prev[0])
            prev = (piece, lo)
    inline[name] = (h.hexdigest(), total)
    if prev is not None:
        yield Task(n, pos, pos + len(prev[0]), prev[1], None, prev[0])


def _assemble(
    results: list[ChunkResult],
    found: dict[str, tuple[str, int]],
    records: str,
    index: str,
    items_member: str | None,
    sorted_order: list[bytes] | None,
    merkle_root: str,
    count: int,
    reveal: Source | None,
) -> ParallelOutcome | None:
    results.sort(key=lambda r: r.n)
    tree = MerkleBuilder()
    revealed = MerkleBuilder()
    reveal_counts: Counter[tuple[str, str]] = Counter()
    last = b""
    tally = Tally()
    total = 0
    item_pos = 0
    items = 0
    hashes: list[bytes] = []
    missing: list[str] = []
    without = 0
    sealed: Counter[tuple[str, str]] = Counter()
    regraded = 0
    skipped: Counter[str] = Counter()
    found_record = None
    for r in results:
        if r.count:
            if r.pos != total:
                return None  # the chunks' index positions do not tile the index
            for size, h in r.subtrees:
                tree.add_subtree(size, h)
            total += r.count
        if items_member is not None or reveal is not None:
            if r.item_lo != item_pos:
                return None  # the chunks' item ranges do not tile the items member
            item_pos = r.item_hi
        if reveal is not None and r.item_hashes:
            # each chunk's revealed items are sorted (the worker checks): so are all
            if r.item_hashes[:32] <= last or r.reveal_first != revealed.count:
                return None
            last = r.item_hashes[-32:]
            for size, h in r.reveal_subtrees:
                revealed.add_subtree(size, h)
            reveal_counts.update(r.reveal_counts)
        items += len(r.item_hashes) // 32
        hashes.append(r.item_hashes)
        without += r.items_without_record
        if len(missing) < MAX_DETAILS:
            missing.extend(r.items_missing[: MAX_DETAILS - len(missing)])
        sealed.update(r.sealed_counts)
        regraded += r.regraded
        skipped.update(r.regrade_skipped)
        tally.merge(r.tally)
        if r.found is not None:
            found_record = r.found
    if (
        total != count
        or tree.root().hex() != merkle_root
        or found[index][1] != total * _INDEX_ENTRY
    ):
        return None
    if items_member is not None:
        if item_pos != found[items_member][1] or sorted_order is None or items != len(sorted_order):
            return None
        at = 0  # the items, chunk by chunk, are the sorted suite order
        for blob in hashes:
            k = len(blob) // 32
            if blob != b"".join(sorted_order[at : at + k]):
                return None
            at += k
    if reveal is not None and (item_pos != reveal.size or revealed.count != items):
        return None
    return ParallelOutcome(
        count=total,
        root=tree.root(),
        records_digest=found[records],
        index_digest=found[index],
        items_digest=found.get(items_member) if items_member is not None else None,
        items=items,
        items_without_record=without,
        items_missing=missing,
        sealed_counts=sealed,
        regraded=regraded,
        regrade_skipped=skipped,
        tally=tally,
        found=found_record,
        reveal_root=revealed.root() if reveal is not None else None,
        reveal_counts=reveal_counts,
    )
