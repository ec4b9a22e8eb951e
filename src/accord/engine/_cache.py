"""The response cache: identical requests to an identical target are asked once.

One append-only file per target identity under the cache directory
(``responses/<target digest>.jsonl``); each line is ``<request hash> <completion JSON>``.
Opening the cache reads only the 64-character keys into an index of (offset, length), so
a miss costs a dict lookup and a hit one ``pread``. New answers are appended in batches with
the journal's flushes, as whole lines in one ``write`` (O_APPEND), so two runs can share a
file; a torn last line (a killed writer) is ignored by readers.

SQLite was the first design; at ~26 us per insert it cost more than everything else the
engine does per item, and nothing here needs more than append and point lookup.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from accord.targets import Completion

__all__ = ["ResponseCache"]

_KEY = 64  # hex SHA-256


class ResponseCache:
    def __init__(self, directory: Path, target_digest: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{target_digest}.jsonl"
        self._index: dict[bytes, tuple[int, int]] = {}
        self._load()
        self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        self._pending: list[bytes] = []
        self.hits = 0

    def _load(self) -> None:
        try:
            f = self.path.open("rb")
        except FileNotFoundError:
            return
        with f:
            offset = 0
            for line in f:
                n = len(line)
                if n > _KEY + 2 and line[_KEY] == 0x20 and line.endswith(b"\n"):
                    self._index[line[:_KEY]] = (offset, n)
                offset += n

    def get(self, request_hash: str) -> Completion | None:
        where = self._index.get(request_hash.encode())
        if where is None:
            return None
        line = os.pread(self._fd, where[1], where[0])
        try:
            data = orjson.loads(line[_KEY + 1 :])
            completion = Completion(**data)
        except (orjson.JSONDecodeError, TypeError):
            return None  # a damaged entry is a miss, never an error
        self.hits += 1
        return completion

    def put(self, request_hash: str, completion: Completion) -> None:
        self.put_raw(
            request_hash,
            {
                "text": completion.text,
                "finish_reason": completion.finish_reason,
                "model": completion.model,
                "prompt_tokens": completion.prompt_tokens,
                "completion_tokens": completion.completion_tokens,
            },
        )

    def put_raw(self, request_hash: str, fields: dict[str, Any]) -> None:
        """Store a completion given as the dict of its five fields (the engine already
        builds that dict for the record)."""
        self._pending.append(request_hash.encode() + b" " + orjson.dumps(fields, option=orjson.OPT_APPEND_NEWLINE))

    def flush(self) -> None:
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending.clear()
        os.write(self._fd, data)

    def close(self) -> None:
        if self._fd < 0:
            return
        self.flush()
        os.close(self._fd)
        self._fd = -1
