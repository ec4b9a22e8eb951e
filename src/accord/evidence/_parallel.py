"""Checking a large bundle's records in worker processes.

This module plans the chunks, reads the member digests and assembles what the workers
return; what a worker does with one chunk is in ``_chunk``, the worker processes are in
``_pool``.

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
- **Digests.** The SHA-256 (and the ZIP CRC-32) of each plain member are tasks of their own,
  handed out with the first chunks: a worker reads the member once more while the others
  check records (see ``_digest``).

The parent folds each chunk's result as it comes in (in chunk order: a result that arrives
early waits for those before it), while the other workers still check, so little is left to do
once the last one is in. Chunks are cut smaller towards the end (guided self-scheduling) and,
near the end, handed out one at a time per worker, so the workers finish close together.

The parallel path reports only bundles whose records, index and items check out entirely
(member digests included). At the first sign of anything else (a failed check, an anomaly,
a worker that fails or dies), it gives up and ``verify`` runs the serial path, which names
every problem exactly: so the report of a bundle is the same whichever path ran.

Workers are forked when that is safe (Linux, no other thread in the process, no running
event loop): they then share the parent's imports and start in a millisecond or two each (a
bare ``os.fork``: see ``_pool``); a worker gets its first chunks as soon as it is forked
instead of waiting for the others, and is told to exit as soon as no chunk is left for it. Else they
start with ``forkserver`` (or ``spawn``), which costs their imports, so only larger bundles
use them. A member that is deflated in the ZIP file is inflated by the parent: the records
stream to the workers through pipes, the items and index go to a temporary file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from accord.evidence._aggregate import Tally
from accord.evidence._chunk import (
    INDEX_ENTRY,
    Anomaly,
    ChunkResult,
    File,
    Job,
    Source,
    Task,
    newline_table,
)
from accord.evidence._container import BundleReader, MemberInfo
from accord.evidence._digest import Digest, DigestResult
from accord.evidence._merkle import MerkleBuilder
from accord.evidence._pool import Pool, TaskQueue, start_method
from accord.evidence._records import (
    MAX_DETAILS,
    RecordContext,
    RecordsFound,
)

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


# -- the parent -----------------------------------------------------------------------------


class _Share(threading.Thread):
    """The parent's own work while the workers check: the sorted suite order, then
    ``meanwhile``. :meth:`result` waits for it and re-raises what it raised."""

    def __init__(self, sorted_order: Callable[[], list[bytes]] | None, meanwhile: Callable[[], None] | None) -> None:
        super().__init__(name="accord-verify-share", daemon=True)
        self.sorted_order = sorted_order
        self.meanwhile = meanwhile
        self.order: bytes | None = None
        """The sorted suite order, joined."""
        self.error: BaseException | None = None
        self.done = 0.0
        """When it was done (``time.perf_counter``)."""

    def run(self) -> None:
        try:
            if self.sorted_order is not None:
                self.order = b"".join(self.sorted_order())
            if self.meanwhile is not None:
                self.meanwhile()
        except BaseException as e:  # handed to the caller by result()
            self.error = e
        self.done = time.perf_counter()

    def result(self) -> bytes | None:
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
    pool: Pool | None = None
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
            job = Job(ctx, rec_src, reveal, reveal.path, idx_src, max_line, newline_table(reveal))
        method = start_method()
        if rec_info.size < (MIN_BYTES if method == "fork" else MIN_BYTES_SPAWN):
            LAST_RUN["outcome"] = "serial: a small bundle"
            return None
        nchunks = max(
            1,
            min(workers * CHUNKS_PER_WORKER, rec_info.size // CHUNK_MIN),
            -(-rec_info.size // CHUNK_MAX),
        )
        LAST_RUN.update(method=method, chunks=nchunks, streamed=rec_src is None)
        # the digests of plain members (a member inflated here has its digest already)
        digests: list[Digest] = []
        for name, info, src in (
            (records, rec_info, rec_src),
            (index, idx_info, idx_src),
            (items_member, items_info, items_src),
        ):
            if name is not None and info is not None and src is not None and name not in inline:
                digests.append(Digest(name, src, whole_file=reader.kind == "dir"))
                if reader.kind == "zip":
                    digests.append(Digest(name, src, crc=info.crc))
        tasks: Iterator[Task | Digest] | None = None
        if rec_src is not None:
            planned = _tasks_from_file(rec_src, guided_cuts(rec_info.size, workers), max_line)
            LAST_RUN["chunks"] = len(planned)
            tasks = TaskQueue(_first(digests, planned))
        fold = _Fold(items_member, reveal)
        forking = time.perf_counter()
        pool = Pool(workers, job, method, 2 if rec_src is not None else 1, tasks, fold.add)
        if tasks is None:
            stream = _tasks_from_stream(reader, records, rec_info.size, nchunks, max_line, inline)
            tasks = _first(digests, stream)
        LAST_RUN["started_s"] = time.perf_counter() - t0
        pool.start(tasks)
        # the parent's own share, in a thread while this one keeps the workers fed (a worker
        # holds two chunks: without the feeding, it would wait once it has done them)
        share = _Share(sorted_order, meanwhile)
        share.start()
        results = pool.finish()
        LAST_RUN["workers_done_s"] = time.perf_counter() - t0
        order = share.result()
        checked = time.perf_counter()
        LAST_RUN.update(checked_s=checked - t0, share_done_s=share.done - t0)
        if results is None:
            LAST_RUN["outcome"] = f"serial: {pool.failure}"
            return None
        # the share of the workers' time (from the first fork on) spent checking and hashing
        busy = sum(r.busy_s for r in results) + sum(d.busy_s for d in pool.digests)
        LAST_RUN["utilisation"] = busy / (workers * (checked - forking))
        LAST_RUN["digests_s"] = max(pool.digested_at - t0, 0.0)
        LAST_RUN["idle_ms"] = _idle(pool.spans, workers, forking, LAST_RUN["workers_done_s"] + t0)
        got = {**inline, **_member_digests(digests, pool.digests)}
        want = [records, index] + ([items_member] if items_member is not None else [])
        if any(got.get(n) != signed.get(n) for n in want):
            LAST_RUN["outcome"] = "serial: a member's digest differs"
            return None
        out = fold.outcome(len(results), got, records, index, items_member, order, merkle_root, count)
        LAST_RUN["outcome"] = "parallel" if out is not None else "serial: the chunks do not add up"
        return out
    except Exception as e:  # whatever goes wrong here, the serial path decides
        LAST_RUN["outcome"] = f"serial: {type(e).__name__}: {e}"
        return None
    finally:
        if pool is not None:
            pool.close(abort=LAST_RUN.get("outcome") != "parallel")
        for f in tmp:
            with contextlib.suppress(OSError):
                f.close()
        LAST_RUN.update(began=t0, phase_s=time.perf_counter() - t0)


def _idle(spans: list[tuple[int, float, float]], workers: int, start: float, end: float) -> tuple[float, float, float]:
    """Milliseconds a worker waited, on average: before its first task (from ``start``, the
    first fork), between tasks, and after its last (until ``end``, all done)."""
    first, between, last = 0.0, 0.0, 0.0
    for w in range(workers):
        mine = sorted((b, b + s) for i, b, s in spans if i == w)
        if not mine:
            first += end - start
            continue
        first += mine[0][0] - start
        between += sum(max(0.0, b - e) for (_, e), (b, _) in zip(mine, mine[1:], strict=False))
        last += end - mine[-1][1]
    ms = 1000 / workers
    return round(first * ms, 1), round(between * ms, 1), round(last * ms, 1)


def _first(digests: list[Digest], chunks: Iterable[Task]) -> Iterator[Task | Digest]:
    """The tasks in the order they are handed out: each digest followed by a chunk (two tasks
    per worker: the SHA-256 and the CRC-32 of the records go to two workers, each with a chunk
    to do next), then the other chunks."""
    it = iter(chunks)
    for d in digests:
        yield d
        chunk = next(it, None)
        if chunk is not None:
            yield chunk
    yield from it


def _member_digests(tasks: list[Digest], found: list[DigestResult]) -> dict[str, tuple[str, int]]:
    """The SHA-256 of each member whose digests were all computed (and whose CRC-32, for a
    ZIP entry, matched): a member left out differs from its signed digest."""
    sha = {r.name: r.sha256 for r in found if not r.crc}
    crc_ok = {r.name for r in found if r.crc and r.crc_ok}
    out: dict[str, tuple[str, int]] = {}
    for name in {t.name for t in tasks}:
        value = sha.get(name)
        if value is not None and all(name in crc_ok for t in tasks if t.name == name and t.crc is not None):
            out[name] = value
    return out


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
        raise Anomaly(f"boundary record: {e}") from None
    if type(h) is not str:
        raise Anomaly("boundary record: item_hash")
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
    f = File(src)
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
                raise Anomaly("line too long")
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
            raise Anomaly("no final newline")
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


class _Fold:
    """What the workers return, folded in chunk order as the results come in (while the
    other workers still check): Merkle subtrees, positions, counts. :meth:`outcome` then
    checks the whole against what the bundle signs. A chunk that does not fit where it
    should (positions that do not tile, revealed items out of order) marks the fold broken:
    the serial path then runs."""

    def __init__(self, items_member: str | None, reveal: Source | None) -> None:
        self.bound = items_member is not None or reveal is not None
        self.reveal = reveal
        self.pending: dict[int, ChunkResult] = {}
        self.next = 0
        self.broken = False
        self.tree = MerkleBuilder()
        self.revealed = MerkleBuilder()
        self.reveal_counts: Counter[tuple[str, str]] = Counter()
        self.last = b""
        self.tally = Tally()
        self.total = 0
        self.item_pos = 0
        self.items = 0
        self.hashes: list[bytes] = []
        self.missing: list[str] = []
        self.without = 0
        self.sealed: Counter[tuple[str, str]] = Counter()
        self.regraded = 0
        self.skipped: Counter[str] = Counter()
        self.found: tuple[int, str, str, bytes] | None = None

    def add(self, r: ChunkResult) -> None:
        self.pending[r.n] = r
        while not self.broken and self.next in self.pending:
            self._fold(self.pending.pop(self.next))
            self.next += 1

    def _fold(self, r: ChunkResult) -> None:
        if r.count:
            if r.pos != self.total:
                self.broken = True  # the chunks' index positions do not tile the index
                return
            for size, h in r.subtrees:
                self.tree.add_subtree(size, h)
            self.total += r.count
        if self.bound:
            if r.item_lo != self.item_pos:
                self.broken = True  # the chunks' item ranges do not tile the items
                return
            self.item_pos = r.item_hi
        if self.reveal is not None and r.item_hashes:
            # each chunk's revealed items are sorted (the worker checks): so are all
            if r.item_hashes[:32] <= self.last or r.reveal_first != self.revealed.count:
                self.broken = True
                return
            self.last = r.item_hashes[-32:]
            for size, h in r.reveal_subtrees:
                self.revealed.add_subtree(size, h)
            self.reveal_counts.update(r.reveal_counts)
        self.items += len(r.item_hashes) // 32
        self.hashes.append(r.item_hashes)
        self.without += r.items_without_record
        if len(self.missing) < MAX_DETAILS:
            self.missing.extend(r.items_missing[: MAX_DETAILS - len(self.missing)])
        self.sealed.update(r.sealed_counts)
        self.regraded += r.regraded
        self.skipped.update(r.regrade_skipped)
        self.tally.merge(r.tally)
        if r.found is not None:
            self.found = r.found

    def outcome(
        self,
        chunks: int,
        found: dict[str, tuple[str, int]],
        records: str,
        index: str,
        items_member: str | None,
        sorted_order: bytes | None,
        merkle_root: str,
        count: int,
    ) -> ParallelOutcome | None:
        """The outcome once all ``chunks`` are in: ``found`` has the member digests,
        ``sorted_order`` the suite's item hashes, sorted and joined."""
        if self.broken or self.pending or self.next != chunks:
            return None
        if (
            self.total != count
            or self.tree.root().hex() != merkle_root
            or found[index][1] != self.total * INDEX_ENTRY
        ):
            return None
        if items_member is not None and (
            self.item_pos != found[items_member][1]
            or sorted_order is None
            # the items, chunk by chunk, are the sorted suite order
            or b"".join(self.hashes) != sorted_order
        ):
            return None
        reveal = self.reveal
        if reveal is not None and (self.item_pos != reveal.size or self.revealed.count != self.items):
            return None
        return ParallelOutcome(
            count=self.total,
            root=self.tree.root(),
            records_digest=found[records],
            index_digest=found[index],
            items_digest=found.get(items_member) if items_member is not None else None,
            items=self.items,
            items_without_record=self.without,
            items_missing=self.missing,
            sealed_counts=self.sealed,
            regraded=self.regraded,
            regrade_skipped=self.skipped,
            tally=self.tally,
            found=self.found,
            reveal_root=self.revealed.root() if reveal is not None else None,
            reveal_counts=self.reveal_counts,
        )
