"""Canonical JSON (RFC 8785, JCS): encode fast, check that bytes are canonical, and the digests
built on it.

Every hash Accord publishes is SHA-256 over RFC 8785 bytes. ``rfc8785`` is the reference
encoder but costs ~40 us for an item and ~150 us for a journal record (its numbers go through
Python); orjson with sorted keys produces the same bytes except in four places (measured over a
million doubles of every magnitude), so both directions take an orjson fast path and fall back
to ``rfc8785`` only where one of those places could occur:

1. integral floats: orjson writes ``1.0``, JCS ``1`` (the encoder turns them into ints first;
   the checker sends any ``.0`` before ``,`` ``}`` ``]`` to the slow path);
2. exponents: orjson writes ``e-6`` and ``e+16`` .. ``e+20`` where JCS writes the number out
   in full (any ``e-6``, ``e+1``, ``e+2`` sends the line to the slow path);
3. integers beyond 2**53, which JCS writes as the nearest double (orjson's
   ``OPT_STRICT_INTEGER`` refuses them, which sends them to the slow path);
4. key order: orjson sorts by code point, JCS by UTF-16 code unit; the two differ only when a
   key holds a supplementary character (a surrogate pair in UTF-16) and another a character in
   U+E000..U+FFFF (bytes with supplementary characters get their keys checked; the encoder
   sends any key at or above U+E000 to the slow path).

The tests are substring searches on bytes already equal to orjson's output, so a match inside
a string only costs a slow-path check, never a wrong answer. Property tests compare both fast
paths with ``rfc8785`` byte for byte. On the engine's hot path, values whose schema holds only
strings, booleans, nulls, small integers and ASCII keys (chat messages, items) skip even the
scan (``trusted=True``).
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import orjson

from accord.i18n import t

__all__ = [
    "CanonicalError",
    "canonical_bytes",
    "digest",
    "digest_bytes",
    "encode",
    "parse_canonical",
]

_SORT = orjson.OPT_SORT_KEYS | orjson.OPT_STRICT_INTEGER
_MAX_SAFE = 2**53


def _supplementary(data: bytes) -> bool:
    """Whether ``data`` holds a UTF-8 lead byte of a supplementary character (U+10000 and
    above): without one no string holds a UTF-16 surrogate, and code point order is UTF-16
    order (see 4.). Single-byte searches are memchr, the fastest scan there is."""
    return b"\xf0" in data or b"\xf1" in data or b"\xf2" in data or b"\xf3" in data or b"\xf4" in data


def _risky(out: bytes) -> bool:
    """Whether orjson's spelling ``out`` may differ from JCS (see 1. and 2.)."""
    if b"e+1" in out or b"e+2" in out or b"e-6" in out:
        return True
    return b".0" in out and (b".0," in out or b".0}" in out or b".0]" in out or out.endswith(b".0"))


class CanonicalError(ValueError):
    """Bytes that are not the RFC 8785 encoding of the JSON value they hold."""


def _high_key(k: str) -> bool:
    return not k.isascii() and any(ord(c) >= 0xE000 for c in k)


def _prepare(value: Any) -> tuple[Any, bool]:
    """``value`` with integral floats as ints, and whether it needs the slow path."""
    t = type(value)
    if t is float:
        if not math.isfinite(value):
            return value, True
        if value.is_integer():
            # JCS writes integral doubles without a fraction; beyond 2**53 leave it to rfc8785
            return (int(value), False) if -_MAX_SAFE < value < _MAX_SAFE else (value, True)
        return value, False
    if t is dict:
        out: dict[str, Any] = {}
        slow = False
        for k, v in value.items():
            if type(k) is not str or _high_key(k):
                slow = True
            out[k], s = _prepare(v)
            slow = slow or s
        return out, slow
    if t is list or t is tuple:
        items = []
        slow = False
        for v in value:
            p, s = _prepare(v)
            items.append(p)
            slow = slow or s
        return items, slow
    if t is int and not -_MAX_SAFE < value < _MAX_SAFE:
        # JCS numbers are doubles: a big integer is written as the nearest double
        return (float(value) if abs(value) < 2**1023 else value), True
    return value, False


def encode(value: Any) -> bytes:
    """The RFC 8785 encoding of a JSON-compatible value.

    Raises:
        CanonicalError: the value holds something JSON cannot (NaN, infinity, a huge int).
    """
    prepared, slow = _prepare(value)
    if not slow:
        try:
            out = orjson.dumps(prepared, option=_SORT)
        except orjson.JSONEncodeError:
            out = b".0"  # an integer orjson will not write exactly: take the slow path
        if not _risky(out):
            return out
    import rfc8785

    try:
        return bytes(rfc8785.dumps(prepared))
    except (rfc8785.CanonicalizationError, TypeError, ValueError, OverflowError) as e:
        raise CanonicalError(t("evidence.canon.unrepresentable", reason=str(e))) from None


def _keys_ok(value: Any) -> bool:
    stack = [value]
    while stack:
        v = stack.pop()
        if type(v) is dict:
            for k, x in v.items():
                if _high_key(k):
                    return False
                if type(x) is dict or type(x) is list:
                    stack.append(x)
        elif type(v) is list:
            stack.extend(x for x in v if type(x) is dict or type(x) is list)
    return True


def _reject_constant(name: str) -> Any:
    raise CanonicalError(t("evidence.canon.not_json", reason=name))


def parse_canonical(data: bytes) -> Any:
    """Parse ``data`` and return its value if ``data`` is exactly its RFC 8785 encoding.

    Raises:
        CanonicalError: not JSON, or JSON written some other way (whitespace, key order,
            escapes, number forms, duplicate keys).
    """
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as e:
        raise CanonicalError(t("evidence.canon.not_json", reason=e.msg)) from None
    try:
        same = orjson.dumps(value, option=_SORT) == data
    except orjson.JSONEncodeError:
        same = False
    if same and not _risky(data) and (not _supplementary(data) or _keys_ok(value)):
        return value
    # Slow path: JCS reads every number as a double.
    import rfc8785

    try:
        exact = json.loads(data, parse_int=float, parse_constant=_reject_constant)
        again = bytes(rfc8785.dumps(exact))
    except (CanonicalError, rfc8785.CanonicalizationError, ValueError, TypeError, RecursionError):
        again = b""
    if again != data:
        raise CanonicalError(t("evidence.canon.not_canonical"))
    return value


def canonical_bytes(value: Any, *, trusted: bool = False) -> bytes:
    """Return the RFC 8785 canonical encoding of a JSON-compatible value.

    ``trusted=True`` skips the scan for values whose schema guarantees the plain orjson path is
    exact (only strings, booleans, nulls, small integers and ASCII keys); Accord uses it for
    chat messages and items, whose models contain no floats (a test checks the schemas).
    """
    if trusted:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    return encode(value)


def digest(value: Any, *, trusted: bool = False) -> str:
    """SHA-256 (hex) of the canonical encoding of ``value``."""
    return hashlib.sha256(canonical_bytes(value, trusted=trusted)).hexdigest()


def digest_bytes(data: bytes) -> str:
    """SHA-256 (hex) of raw bytes."""
    return hashlib.sha256(data).hexdigest()
