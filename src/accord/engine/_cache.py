"""The response cache: identical requests to an identical target are asked once.

Keyed by SHA-256 over (target identity digest, rendered request hash); stored in SQLite
under the cache directory so any run directory benefits. Reads are single indexed
lookups; writes are batched with the journal's flushes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import orjson

from accord.targets import Completion

__all__ = ["ResponseCache", "cache_key"]

_SCHEMA = "CREATE TABLE IF NOT EXISTS responses (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID"


def cache_key(target_digest: str, request_hash: str) -> bytes:
    return hashlib.sha256(f"{target_digest}:{request_hash}".encode()).digest()


class ResponseCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._pending: list[tuple[bytes, bytes]] = []
        self.hits = 0

    def get(self, key: bytes) -> Completion | None:
        row = self._db.execute("SELECT value FROM responses WHERE key=?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        d = orjson.loads(row[0])
        return Completion(**d)

    def put(self, key: bytes, completion: Completion) -> None:
        self._pending.append(
            (
                key,
                orjson.dumps(
                    {
                        "text": completion.text,
                        "finish_reason": completion.finish_reason,
                        "model": completion.model,
                        "prompt_tokens": completion.prompt_tokens,
                        "completion_tokens": completion.completion_tokens,
                    }
                ),
            )
        )

    def flush(self) -> None:
        if not self._pending:
            return
        rows, self._pending = self._pending, []
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO responses(key, value) VALUES (?, ?)", rows)
        self._db.execute("COMMIT")

    def close(self) -> None:
        self.flush()
        self._db.close()
