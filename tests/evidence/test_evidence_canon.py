"""The canonical-JSON fast paths agree byte for byte with the reference RFC 8785 encoder."""

from __future__ import annotations

import json

import orjson
import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from accord._canonical import CanonicalError, encode, parse_canonical

keys = st.text(max_size=8)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20)


@given(values)
@settings(max_examples=500, deadline=None)
def test_encode_is_rfc8785(value: object) -> None:
    assert encode(value) == bytes(rfc8785.dumps(value))


@given(values)
@settings(max_examples=500, deadline=None)
def test_canonical_bytes_parse_and_others_do_not(value: object) -> None:
    canon = bytes(rfc8785.dumps(value))
    assert encode(parse_canonical(canon)) == canon
    # orjson's own spelling is accepted exactly when it is the canonical one
    other = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    if other == canon:
        parse_canonical(other)
    else:
        with pytest.raises(CanonicalError):
            parse_canonical(other)
    spaced = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).encode()
    if spaced != canon:
        with pytest.raises(CanonicalError):
            parse_canonical(spaced)


@pytest.mark.parametrize(
    "text",
    [
        b'{"b":1,"a":2}',  # key order
        b'{"a": 1}',  # whitespace
        b'{"a":1.0}',  # integral float
        b'{"a":1e-7}'.replace(b"1e-7", b"1E-7"),  # exponent spelling
        b'{"a":1e+20}',  # JCS writes 100000000000000000000
        b'{"a":"\\u00e9"}',  # needless escape
        b'{"a":"\\/"}',
        b'{"a":1,"a":1}',  # duplicate key
        b'{"a":-0}',
        b'{"a":12345678901234567890}',  # beyond a double's integers
        b'{"\\ue000":1,"\\ud83d\\ude00":2}'.decode("unicode_escape").encode("utf-8", "surrogatepass"),
        b'{"a":NaN}',
        b"not json",
    ],
)
def test_non_canonical_spellings_are_refused(text: bytes) -> None:
    with pytest.raises(CanonicalError):
        parse_canonical(text)


def test_high_plane_keys_sort_by_utf16() -> None:
    value = {"\ue000": 1, "\U0001f600": 2, "z": 3}
    canon = bytes(rfc8785.dumps(value))
    assert encode(value) == canon
    assert parse_canonical(canon) == value
    with pytest.raises(CanonicalError):
        parse_canonical(orjson.dumps(value, option=orjson.OPT_SORT_KEYS))


@pytest.mark.parametrize("value", [[0.0, 1e300], [1.0, 5e-324], {"a": 2.0, "b": 1e16}, [1e-6], 3.0, [12345678901234567.0]])
def test_fast_path_edges(value: object) -> None:
    canon = bytes(rfc8785.dumps(value))
    assert encode(value) == canon
    assert encode(parse_canonical(canon)) == canon
    other = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    if other != canon:
        with pytest.raises(CanonicalError):
            parse_canonical(other)
