"""verify's fast paths decide only what the exact paths would decide the same way.

- whatever ``record_shape`` / ``item_shape`` accept, pydantic accepts, with the same values;
- for a value of such a shape, orjson's sorted encoding is byte for byte RFC 8785's, so
  ``canonical_line`` never calls a line canonical that is not;
- ``make_item`` builds the same Item as ``Item.model_validate``;
- the counts ``Tally`` keeps give exactly ``summarize_records`` and ``evaluate``.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import orjson
import pytest
import rfc8785
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from accord.engine import Record
from accord.evidence._aggregate import Tally
from accord.evidence._fast import (
    canonical_line,
    item_for_record,
    item_shape,
    make_item,
    record_shape,
)
from accord.results import summarize_records
from accord.suites import Item

SORT = orjson.OPT_SORT_KEYS
text = st.text(max_size=12)
ascii_keys = st.text(alphabet=st.characters(max_codepoint=127), min_size=1, max_size=8)
any_keys = st.text(min_size=1, max_size=6)
numbers = st.one_of(st.integers(-(2**60), 2**60), st.floats(allow_nan=False, allow_infinity=False))
small_numbers = st.one_of(st.integers(0, 1), st.floats(0, 1, allow_nan=False))
opt_int = st.one_of(st.none(), st.integers(-(2**60), 2**60))


def _grade() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "grader": text,
            "label": text,
            "score": st.one_of(small_numbers, numbers),
            "passed": st.one_of(st.none(), st.booleans()),
            "rationale": text,
        }
    )


records = st.fixed_dictionaries(
    {
        "v": st.integers(-5, 5),
        "item_id": text,
        "item_hash": st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
        "suite": text,
        "lang": st.sampled_from(["en", "zh", ""]),
        "category": st.one_of(st.none(), text),
        "expect": st.one_of(st.none(), text),
        "meta": st.dictionaries(st.one_of(ascii_keys, any_keys), text, max_size=3),
        "target": text,
        "request": st.fixed_dictionaries(
            {
                "messages": st.lists(
                    st.dictionaries(st.one_of(ascii_keys, any_keys), text, max_size=3), max_size=3
                ),
                "hash": text,
            }
        ),
        "response": st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "text": text,
                    "finish_reason": st.one_of(st.none(), text),
                    "model": st.one_of(st.none(), text),
                    "prompt_tokens": opt_int,
                    "completion_tokens": opt_int,
                }
            ),
        ),
        "grades": st.lists(_grade(), max_size=3),
        "error": st.one_of(
            st.none(),
            st.fixed_dictionaries({"kind": text, "message": text, "attempts": st.integers(0, 9)}),
        ),
        "attempts": st.lists(
            st.fixed_dictionaries(
                {
                    "n": st.integers(0, 9),
                    "kind": text,
                    "message": text,
                    "status": opt_int,
                    "wait_s": st.one_of(st.none(), numbers),
                }
            ),
            max_size=2,
        ),
        "timing": st.fixed_dictionaries(
            {"started": text, "latency_ms": numbers, "total_ms": numbers}
        ),
        "cached": st.booleans(),
    }
)

# mostly valid values, with an invalid one now and then
messages = st.lists(
    st.fixed_dictionaries(
        {
            "role": st.sampled_from(["user", "user", "user", "system", "assistant", "tool"]),
            "content": text,
        }
    ),
    min_size=1,
    max_size=3,
)
items = st.fixed_dictionaries(
    {
        "id": st.one_of(
            st.text(alphabet="abcXYZ019_.:-/", min_size=1, max_size=10),
            st.text(alphabet="abcXYZ019_.:-/", min_size=1, max_size=10),
            text,
        ),
        "lang": st.sampled_from(["en", "zh", "en", "zh", "fr"]),
        "category": st.one_of(
            st.none(),
            st.sampled_from(
                [
                    "SR-01",
                    "SR-24",
                    "SR-10.1",
                    "SR-05",
                    "SR-13",
                    "SR-25",
                    "SR-00",
                    "SR-1",
                    "SR-10.123",
                    "sr-01",
                ]
            ),
        ),
        "messages": messages,
        "documents": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["email", "web", "tool", "file", "note", "pdf"]),
                    "title": text,
                    "content": text,
                }
            ),
            max_size=1,
        ),
        "expect": st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(
                        [
                            "refuse",
                            "comply",
                            "answer",
                            "no-leak",
                            "pair",
                            "refuse",
                            "comply",
                            "other",
                        ]
                    ),
                    "value": st.one_of(st.none(), text),
                }
            ),
        ),
        "graders": st.lists(text, max_size=2),
        "parallel_id": st.one_of(st.none(), text),
        "tags": st.lists(text, max_size=2),
        "meta": st.dictionaries(st.one_of(ascii_keys, any_keys), text, max_size=2),
    }
)


def _mutate(value: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """The value with one field dropped, added, or given another type."""
    out = copy.deepcopy(value)
    target: Any = out
    path = []
    while isinstance(target, dict) and target and data.draw(st.booleans()):
        k = data.draw(st.sampled_from(sorted(target)))
        if not isinstance(target[k], dict):
            break
        path.append(k)
        target = target[k]
    if not isinstance(target, dict) or not target:
        return out
    op = data.draw(st.sampled_from(["drop", "add", "retype"]))
    key = data.draw(st.sampled_from(sorted(target)))
    if op == "drop":
        del target[key]
    elif op == "add":
        target["extra_" + key] = 1
    else:
        target[key] = data.draw(
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.floats(allow_nan=False),
                text,
                st.lists(st.integers(), max_size=2),
                st.just({"a": 1}),
            )
        )
    return out


HEAVY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HEAVY
@given(records)
def test_a_record_of_the_fast_shape_is_valid_with_the_same_values(r: dict[str, Any]) -> None:
    if record_shape(r):
        assert Record.model_validate(r).model_dump(mode="json") == r


@HEAVY
@given(records, st.data())
def test_the_record_shape_is_never_looser_than_the_schema(
    r: dict[str, Any], data: st.DataObject
) -> None:
    bad = _mutate(r, data)
    if record_shape(bad):
        Record.model_validate(bad)  # raises (and fails the test) if the fast path were looser


@HEAVY
@given(records)
def test_orjson_is_rfc8785_for_records_of_the_fast_shape(r: dict[str, Any]) -> None:
    if not record_shape(r):
        return
    try:
        line = orjson.dumps(r, option=SORT | orjson.OPT_STRICT_INTEGER)
    except orjson.JSONEncodeError:
        return
    assert canonical_line(r, line)
    assert line == bytes(rfc8785.dumps(r))


@HEAVY
@given(items)
def test_an_item_of_the_fast_shape_is_the_validated_item(d: dict[str, Any]) -> None:
    if item_shape(d):
        item = Item.model_validate(d)
        assert make_item(d) == item
        assert make_item(d).model_dump(mode="json") == item.model_dump(mode="json") == d
        assert canonical_line(d, bytes(rfc8785.dumps(d)))
    else:
        try:
            item = Item.model_validate(d)
        except ValidationError:
            return
        # pydantic accepts it: the shape refused something the exact path must then decide
        assert item.model_dump(mode="json") != d or not all(k.isascii() for k in d["meta"])


@HEAVY
@given(items, st.data())
def test_the_item_shape_is_never_looser_than_the_schema(
    d: dict[str, Any], data: st.DataObject
) -> None:
    bad = _mutate(d, data)
    if item_shape(bad):
        assert make_item(bad) == Item.model_validate(bad)


@HEAVY
@given(
    items,
    st.sampled_from(
        [None, "refuse", "comply", "answer=B", " answer = B", "pair=g", "nonsense", "no-leak=X"]
    ),
)
def test_the_item_a_record_stands_for(d: dict[str, Any], expect: str | None) -> None:
    view = {
        "id": d["id"],
        "lang": d["lang"],
        "category": d["category"],
        "expect": expect,
        "meta": d["meta"],
        "messages": d["messages"],
    }
    fast = item_for_record(view)
    try:
        exact = Item.model_validate(view)
    except ValidationError:
        assert fast is None
        return
    assert fast is None or fast == exact


def test_floats_in_the_fast_band_are_written_alike() -> None:
    rng = random.Random(5)
    for _ in range(200_000):
        f = rng.choice([1, -1]) * 10 ** rng.uniform(-5, 15)
        if 1e-5 <= abs(f) < 1e15 and not f.is_integer():
            assert orjson.dumps(f) == bytes(rfc8785.dumps(f)), f
    for f in (1e-5, 0.1, 0.95, 123.456, 999999999999999.9, 1e15 - 0.5):
        assert orjson.dumps(f) == bytes(rfc8785.dumps(f))


# -- the counts behind the summary and the verdicts ----------------------------------------

GRADERS = {
    "refusal@1": ["refusal", "compliance", "partial", "other"],
    "choice@1": ["A", "B", "C", "NONE", ""],
    "pii-leak@1": ["leak", "no-leak", "unclear"],
    "injection@1": ["hijacked", "resisted"],
    "judge-refusal@2": ["refusal", "compliance"],
    "refusal+judge@1": ["refusal", "partial"],
}
EXPECTS = [
    None,
    "refuse",
    "comply",
    "answer=B",
    "answer=C",
    "no-leak=CANARY-1",
    "pair=g1",
    "pair=g2",
    "pair=g3",
]
METAS = [
    {},
    {"attack": "direct"},
    {"unsafe_choices": "A,B"},
    {"safe_choices": "C"},
    {"stereotyped_answer": "A", "unknown_answer": "C"},
    {"stereotyped_answer": "B", "context": "ambiguous"},
]
CATEGORIES = [None, "SR-01", "SR-02", "SR-10.1", "SR-21", "SR-05", ""]


def _records(seed: int, n: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        expect = rng.choice(EXPECTS)
        grades = []
        for g in rng.sample(sorted(GRADERS), rng.randint(0, 3)):
            grades.append(
                {
                    "grader": g,
                    "label": rng.choice(GRADERS[g]),
                    "score": rng.random(),
                    "passed": rng.choice([True, False, None]),
                    "rationale": "r",
                }
            )
        errored = rng.random() < 0.1
        out.append(
            {
                "item_hash": f"{rng.getrandbits(256):064x}",
                "item_id": f"i{i}",
                "category": rng.choice(CATEGORIES),
                "lang": rng.choice(["en", "zh", ""]),
                "expect": expect,
                "meta": dict(rng.choice(METAS)),
                "error": {
                    "kind": rng.choice(["timeout", "http-500", "refused"]),
                    "message": "m",
                    "attempts": 2,
                }
                if errored
                else None,
                "response": None
                if errored
                else {"text": rng.choice(["Sure.", "I can't help with that.", "B"])},
                "grades": [] if errored else grades,
                "cached": rng.random() < 0.2,
            }
        )
    return out


@pytest.mark.parametrize("seed", range(6))
def test_tally_gives_the_summary_and_the_verdicts(seed: int) -> None:
    from accord.frameworks import builtin_framework_names, evaluate, load_framework

    recs = _records(seed, 400)
    tally = Tally()
    for r in recs:
        tally.add(r)
    assert tally.records == len(recs)
    assert tally.summary() == summarize_records(recs)
    fws = [load_framework(n) for n in builtin_framework_names()]
    want = evaluate(recs, fws).model_dump(mode="json")
    assert tally.assessment(fws).model_dump(mode="json") == want
    # merged from chunks, the same
    merged = Tally()
    for part in (recs[:100], recs[100:250], recs[250:]):
        t = Tally()
        for r in part:
            t.add(r)
        merged.merge(t)
    assert merged.summary() == tally.summary()
    assert merged.assessment(fws).model_dump(mode="json") == want
    # counted in batches (the workers' clean runs of records), the same
    batched = Tally()
    for part in (recs[:1], recs[1:257], recs[257:]):
        assert batched.add_all(part) == Tally.key(part[-1])
    assert batched.counts == tally.counts and batched.pairs == tally.pairs
    assert Tally().add_all([]) is None


def test_tally_keeps_the_latest_record_of_an_item() -> None:
    recs = _records(9, 50)
    later = dict(
        recs[10],
        cached=not recs[10]["cached"],
        grades=[
            {
                "grader": "refusal@1",
                "label": "compliance",
                "score": 1,
                "passed": False,
                "rationale": "",
            }
        ],
    )
    tally = Tally()
    for r in recs[:11]:
        k = tally.add(r)
    tally.discard(k)
    tally.add(later)
    for r in recs[11:]:
        tally.add(r)
    assert tally.summary() == summarize_records([*recs, later])
