"""The append-only journal (``records.jsonl``).

Writes are buffered and flushed in batches (every ``flush_every`` records or
``flush_interval`` seconds, whichever comes first): one ``write`` per batch, an ``fsync``
at most every ``fsync_interval`` seconds and on close. A record is written whole or not
at all from the reader's point of view: a process killed mid-write leaves at most a torn
last line, which readers skip and the next writer cuts off before appending.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from accord.engine._record import Record
from accord.errors import AccordError
from accord.i18n import t

__all__ = ["Journal", "JournalEntry", "iter_raw", "read_records", "scan"]


class JournalError(AccordError):
    pass


def _repair_tail(path: Path) -> int:
    """Cut a torn last line off ``path``; return the number of bytes removed."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return 0
        # walk back to the last newline
        pos = size
        block = 65536
        while pos > 0:
            start = max(0, pos - block)
            f.seek(start)
            chunk = f.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                keep = start + idx + 1
                f.truncate(keep)
                return size - keep
            pos = start
        f.truncate(0)
        return size


def iter_raw(path: Path) -> Iterator[dict[str, Any]]:
    """Yield each complete record as a dict, skipping a torn last line.

    Raises:
        JournalError: a line other than the last one is not valid JSON.
    """
    with path.open("rb") as f:
        pending: bytes | None = None
        for lineno, line in enumerate(f, 1):
            if pending is not None:
                raise JournalError(t("err.journal.corrupt", path=path, line=lineno - 1))
            if not line.endswith(b"\n"):
                break  # torn tail: the writer was killed mid-line
            try:
                yield orjson.loads(line)
            except orjson.JSONDecodeError:
                pending = line


def read_records(path: Path) -> Iterator[Record]:
    """Yield validated :class:`Record` objects."""
    for raw in iter_raw(path):
        yield Record.model_validate(raw)


class JournalEntry(NamedTuple):
    ok: bool
    target: str


def scan(path: Path) -> dict[str, JournalEntry]:
    """Map item hash -> latest entry (answered or error) for resuming a run."""
    out: dict[str, JournalEntry] = {}
    if not path.exists():
        return out
    for raw in iter_raw(path):
        out[raw["item_hash"]] = JournalEntry(raw.get("error") is None, raw.get("target", ""))
    return out


class Journal:
    """Buffered appender for ``records.jsonl``."""

    def __init__(self, path: Path, *, flush_every: int = 512, fsync_interval: float = 1.0) -> None:
        self.path = path
        self.flush_every = flush_every
        self.fsync_interval = fsync_interval
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            _repair_tail(path)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._buf: list[bytes] = []
        self._dirty = False
        self.written = 0

    def append(self, record: Record) -> None:
        self._buf.append(record.model_dump_json().encode() + b"\n")
        if len(self._buf) >= self.flush_every:
            self.flush()

    def append_raw(self, line: bytes) -> None:
        """Append one already-serialised record (must end with a newline)."""
        self._buf.append(line)
        if len(self._buf) >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Write buffered records (one system call). Survives ``kill -9`` once it returns."""
        if not self._buf:
            return
        data = b"".join(self._buf)
        n = len(self._buf)
        self._buf.clear()
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.written += n
        self._dirty = True

    def sync(self) -> None:
        """``fsync`` what has been written (durable across power loss)."""
        if self._dirty:
            os.fsync(self._fd)
            self._dirty = False

    def close(self) -> None:
        if self._fd < 0:
            return
        self.flush()
        self.sync()
        os.close(self._fd)
        self._fd = -1

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
