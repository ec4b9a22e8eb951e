"""Canonical JSON (RFC 8785, JCS) and the digests built on it.

Every hash Accord publishes is SHA-256 over RFC 8785 bytes. The reference encoder is the
``rfc8785`` package; it is exact but costs about 40 us for a typical item. For the values
Accord hashes on its hot path (strings, integers, booleans, nulls, ASCII keys) RFC 8785 and
``orjson`` with sorted keys produce the same bytes, so those take the fast path and anything
else (floats, non-ASCII keys, huge integers) goes through ``rfc8785``. A property test keeps
the two paths byte-identical.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

__all__ = ["canonical_bytes", "digest", "digest_bytes"]

_SAFE_INT = 2**53 - 1


def _fast_ok(value: Any) -> bool:
    t = type(value)
    if t is str or t is bool or value is None:
        return True
    if t is int:
        return bool(-_SAFE_INT <= value <= _SAFE_INT)
    if t is dict:
        for k, v in value.items():
            if type(k) is not str or not k.isascii() or not _fast_ok(v):
                return False
        return True
    if t is list or t is tuple:
        return all(_fast_ok(v) for v in value)
    return False


def canonical_bytes(value: Any, *, trusted: bool = False) -> bytes:
    """Return the RFC 8785 canonical encoding of a JSON-compatible value.

    ``trusted=True`` skips the type scan for values whose schema guarantees the fast path is
    exact (only strings, booleans, nulls, small integers and ASCII keys); Accord uses it for
    chat messages and items, whose models contain no floats (a test checks the schemas).
    """
    if trusted or _fast_ok(value):
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    import rfc8785

    return bytes(rfc8785.dumps(value))


def digest(value: Any, *, trusted: bool = False) -> str:
    """SHA-256 (hex) of the canonical encoding of ``value``."""
    return hashlib.sha256(canonical_bytes(value, trusted=trusted)).hexdigest()


def digest_bytes(data: bytes) -> str:
    """SHA-256 (hex) of raw bytes."""
    return hashlib.sha256(data).hexdigest()
