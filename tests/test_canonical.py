"""The fast canonical-JSON path must give exactly RFC 8785's bytes."""

from __future__ import annotations

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from accord._canonical import canonical_bytes, digest

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_matches_rfc8785(value: object) -> None:
    assert canonical_bytes(value) == rfc8785.dumps(value)


def test_key_order_and_escaping() -> None:
    value = {"b": 1, "a": "line\nbreak \u2028 \"q\" \\", "é": [True, None], "\U0001f600": 0, "\ufb01": 1}
    assert canonical_bytes(value) == rfc8785.dumps(value)


def test_digest_is_sha256_hex() -> None:
    d = digest({"a": 1})
    assert len(d) == 64 and d != digest({"a": 2})
