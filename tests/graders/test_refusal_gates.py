"""The refusal grader's substring gates never hide a match of the regex they guard."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.graders import _refusal as r


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r._HEDGE_EN))
def test_every_english_hedge_contains_a_gate_word(text: str) -> None:
    m = r._HEDGE_EN.search(text)
    assert m is not None
    assert any(w in m.group(0) for w in r._HEDGE_EN_WORDS), m.group(0)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r._HEDGE_ZH))
def test_every_chinese_hedge_contains_a_gate_word(text: str) -> None:
    m = r._HEDGE_ZH.search(text)
    assert m is not None
    assert any(w in m.group(0) for w in r._HEDGE_ZH_WORDS), m.group(0)
