"""One chunk of a bundle's records, checked in a worker process (see ``_parallel``).

A chunk is a run of whole record lines, given as a byte range of the records member (or its
bytes, for a deflated member). :func:`check_chunk` finds the chunk's items (by binary search on
item hash in the suite's items member, or in a sealed suite's reveal) and its entries in the
signed index, checks them all with :class:`~accord.evidence._records.RecordChecker`, and
returns what the parent assembles: Merkle subtrees, item hashes, counts. Anything not clean is
an :class:`Anomaly`, which sends ``verify`` down the serial path.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson

from accord.evidence._aggregate import Tally
from accord.evidence._fast import canonical_line, item_shape
from accord.evidence._merkle import SubtreeBuilder
from accord.evidence._records import Issues, ItemChecker, RecordChecker, RecordContext
from accord.evidence._seal import salted_leaf

__all__ = [
    "INDEX_ENTRY",
    "Anomaly",
    "ChunkResult",
    "File",
    "Job",
    "Source",
    "Task",
    "check_chunk",
    "newline_table",
]

_WINDOW = 1 << 16
INDEX_ENTRY = 128
_REVEAL_BLOCK = 1 << 20
"""Newlines of a reveal are counted per block of this many bytes (see :func:`newline_table`)."""
_SALT_TAIL = len(b',"salt":"') + 64 + len(b'"}')
"""A canonical reveal line is ``{"item":ITEM,"salt":"<64 hex digits>"}``."""

class Anomaly(Exception):
    """Something the parallel path does not report itself: the serial path will."""


# -- reading plain byte ranges --------------------------------------------------------------


class Source(NamedTuple):
    """A member's bytes as a plain range of a file: ``size`` bytes at ``offset`` of ``path``."""

    path: str
    offset: int
    size: int
    nofollow: bool = False
    """A member file of a directory bundle: never through a symbolic link."""


class File:
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
                    raise Anomaly("short read")
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
                    raise Anomaly("line too long")
        if x >= size:
            return size, None
        parts = []
        pos = x
        while True:
            window = self.read(pos, pos + _WINDOW)
            if not window:
                raise Anomaly("no final newline")
            i = window.find(b"\n")
            if i >= 0:
                parts.append(window[:i])
                return x, b"".join(parts)
            parts.append(window)
            pos += len(window)
            if pos - x > max_line:
                raise Anomaly("line too long")


def _item_hash(line: bytes, reveal: bool) -> str:
    """An item line's item hash: of the line, or (a reveal's line) of the item in it (on a
    line that is not canonical, some hash)."""
    return hashlib.sha256(line[8 : len(line) - _SALT_TAIL] if reveal else line).hexdigest()


def _item_bound(f: File, target: str | None, max_line: int, reveal: bool = False) -> int:
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


def _index_position(f: File, first: bytes) -> int:
    """The first index entry whose item hash is ``>= first`` (entries sorted by item hash)."""
    lo, hi = 0, f.src.size // INDEX_ENTRY
    while lo < hi:
        mid = (lo + hi) // 2
        if f.read(mid * INDEX_ENTRY, mid * INDEX_ENTRY + 32) >= first:
            hi = mid
        else:
            lo = mid + 1
    return lo


def newline_table(src: Source) -> tuple[int, ...]:
    """Entry ``i``: the newlines in the first ``i * _REVEAL_BLOCK`` bytes of ``src`` (so a
    worker finds the line number of a position reading at most one block)."""
    table = [0]
    f = File(src)
    try:
        for start in range(0, src.size - src.size % _REVEAL_BLOCK, _REVEAL_BLOCK):
            table.append(table[-1] + f.read(start, start + _REVEAL_BLOCK).count(b"\n"))
    finally:
        f.close()
    return tuple(table)


def _lines_before(f: File, pos: int, table: tuple[int, ...]) -> int:
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
                raise Anomaly("a revealed item is not {item, salt}") from None
            if len(raw) != 2 or len(salt) != 32 or not item_shape(item) or not canonical_line(raw, line):
                raise Anomaly("a revealed item is not canonical or not of the item shape")
            digest = hashlib.sha256(line[8 : len(line) - _SALT_TAIL]).digest()
            if digest <= prev:
                raise Anomaly("revealed items are not sorted")
            prev = digest
            hashes.append(digest)
            tree.add(salted_leaf(salt, digest))
            counts[(item["category"] or "", item["lang"])] += 1
            yield digest.hex(), item, True


# -- the work of one chunk ------------------------------------------------------------------


def _split_lines(data: bytes) -> list[bytes]:
    """The lines of ``data`` (which ends with a newline), without their newlines. Each
    newline is found by ``memchr`` (``bytes.find``): ``bytes.split`` compares byte by byte,
    ~1.5 us per 1.7 KB record line against ~1 us this way."""
    out: list[bytes] = []
    append, find = out.append, data.find
    i, n = 0, len(data)
    while i < n:
        j = find(b"\n", i)
        if j < 0:
            raise Anomaly("no final newline")
        append(data[i:j])
        i = j + 1
    return out


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
    are their newlines per block (:func:`newline_table`)."""


class Task(NamedTuple):
    n: int
    start: int
    end: int
    lo: str | None
    """The chunk's first item hash (None for the first chunk: every item below)."""
    hi: str | None
    """The next chunk's first item hash (None for the last chunk)."""
    data: bytes | None = None


@dataclass(eq=False)  # never compared; each generated method costs the import ~0.3 ms
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
    began: float = 0.0
    """When the worker began this chunk (``time.perf_counter``, the same clock in every
    process here)."""


def check_chunk(job: Job, task: Task) -> ChunkResult:
    """Check one chunk; ``ok`` is False (with a reason) unless everything in it holds."""
    res = ChunkResult(task.n)
    files: list[File] = []
    try:
        return _check_chunk(job, task, res, files)
    except Anomaly as e:
        res.ok, res.reason = False, str(e)
        return res
    finally:
        for f in files:
            f.close()


def _check_chunk(job: Job, task: Task, res: ChunkResult, files: list[File]) -> ChunkResult:
    if task.data is not None:
        data = task.data
    else:
        assert job.records is not None
        rf = File(job.records)
        files.append(rf)
        data = rf.read(task.start, task.end)
    if len(data) != task.end - task.start or (data and not data.endswith(b"\n")):
        raise Anomaly("chunk does not end at a line end")
    lines = _split_lines(data)
    del data
    first_raw = b""
    if lines:
        if max(map(len, lines)) > job.max_line:
            raise Anomaly("line too long")
        try:
            first = orjson.loads(lines[0])["item_hash"]
        except (orjson.JSONDecodeError, KeyError, TypeError) as e:
            raise Anomaly(f"first record: {e}") from None
        if type(first) is not str or (task.lo is not None and first != task.lo) or len(first) != 64:
            raise Anomaly("first record is not the chunk's bound")
        try:
            first_raw = bytes.fromhex(first)
        except ValueError:
            raise Anomaly("first record's hash") from None
    # the index entries of these records
    xf = File(job.index)
    files.append(xf)
    pos = _index_position(xf, first_raw) if lines else 0
    entries = xf.read(pos * INDEX_ENTRY, (pos + len(lines)) * INDEX_ENTRY)
    res.pos = pos
    # the items of this chunk's hash range
    issues = Issues()
    hashes: list[bytes] = []
    items_iter = None
    checker_items: ItemChecker | None = None
    revealed: _Revealed | None = None
    if job.items is not None:
        itf = File(job.items)
        files.append(itf)
        reveal = job.reveal_lines is not None
        res.item_lo = _item_bound(itf, task.lo, job.max_line, reveal)
        res.item_hi = (
            _item_bound(itf, task.hi, job.max_line, reveal) if task.hi is not None else job.items.size
        )
        if res.item_hi < res.item_lo:
            raise Anomaly("items are not sorted")
        item_data = itf.read(res.item_lo, res.item_hi)
        if item_data and not item_data.endswith(b"\n"):
            raise Anomaly("items: no final newline")
        item_lines = _split_lines(item_data)
        del item_data
        if item_lines and max(map(len, item_lines)) > job.max_line:
            raise Anomaly("item line too long")
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
        entries[i : i + INDEX_ENTRY]
        for i in range(0, len(entries) - len(entries) % INDEX_ENTRY, INDEX_ENTRY)
    )
    tree = SubtreeBuilder(pos)
    checker = RecordChecker(job.ctx, items_iter, entry_iter, tree)
    checker.lines(1, lines)
    checker.finish()
    if checker.any_issue() or not checker.clean or issues:
        raise Anomaly("a record or item check fails")
    if (
        task.hi is not None
        and lines
        and (checker.prev >= task.hi or checker.prev[:24] == task.hi[:24])
    ):
        raise Anomaly("records are not sorted across chunks")
    if hashes and (
        (task.lo is not None and hashes[0].hex() < task.lo)
        or (task.hi is not None and hashes[-1].hex() >= task.hi)
    ):
        raise Anomaly("items outside the chunk's range")
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
