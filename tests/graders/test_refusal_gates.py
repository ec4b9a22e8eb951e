"""The refusal grader's substring gates never hide a match of the regex they guard."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.graders import _refusal as r


@pytest.mark.parametrize(
    ("pattern", "words"),
    [(r._HEDGE_EN, r._HEDGE_EN_WORDS), (r._HEDGE_ZH, r._HEDGE_ZH_WORDS)],
    ids=["en", "zh"],
)
def test_every_hedge_contains_a_gate_word(pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
    """Generated texts matching the hedge pattern: each match holds one of the gate words,
    so skipping the regex when no gate word occurs never changes a grade."""

    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        m = pattern.search(text)
        assert m is not None
        assert any(w in m.group(0) for w in words), m.group(0)

    check()
