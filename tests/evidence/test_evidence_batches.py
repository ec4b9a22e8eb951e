"""The batched record path (``RecordChecker.lines``, as the workers run it) and the per-record
path (``RecordChecker.line``, the serial pass) leave exactly the same state behind: the same
problems in the same order, the same counts, tree and items, for clean records and for records
tampered with in the middle of a batch (batches of 8 here, so a 40-record run has several)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
import pytest

from accord._canonical import encode
from accord.evidence import KeyStore, _records, seal_suite, write_bundle
from accord.evidence._merkle import MerkleBuilder
from accord.evidence._records import Issues, ItemChecker, RecordChecker, RecordContext
from accord.targets import GenerationParams
from accord.testing import FakeServer
from evidence_helpers import read_members, record_lines, set_records, statement

SUITE = "suites/big-suite.jsonl"


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_records, "BATCH", 8)
    monkeypatch.setattr(_records, "_ITEMS_AHEAD", 4)


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """One 40-record run, bundled with its suite open and with it sealed."""
    from evidence_helpers import make_run

    tmp = tmp_path_factory.mktemp("batches")
    mp = pytest.MonkeyPatch()
    mp.setenv("ACCORD_KEYS_DIR", str(tmp / "keys"))
    try:
        with FakeServer() as server:
            run = make_run(tmp, server, 40, name="big")
        KeyStore(tmp / "keys")
        opened = read_members(write_bundle(run, frameworks=[]).path)
        commitment = seal_suite(tmp / "big-suite.jsonl", tmp / "c.json").path
        sealed = read_members(write_bundle(run, frameworks=[], sealed=commitment, out=tmp / "sealed.accord").path)
        return opened, sealed
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def members(bundles: tuple[dict[str, bytes], dict[str, bytes]]) -> dict[str, bytes]:
    return bundles[0]


@pytest.fixture(scope="module")
def sealed_members(bundles: tuple[dict[str, bytes], dict[str, bytes]]) -> dict[str, bytes]:
    """The run bundled with its suite sealed (records without prompts), plus the open
    bundle's items (what a reveal gives)."""
    opened, sealed = bundles
    assert all(orjson.loads(x)["request"]["messages"] == [] for x in record_lines(sealed))
    assert record_lines(sealed) != record_lines(opened)
    return {**sealed, SUITE: opened[SUITE]}


def _edit(
    pick: int, change: Callable[[dict[str, Any]], object]
) -> Callable[[dict[str, bytes]], None]:
    def tamper(m: dict[str, bytes]) -> None:
        lines = record_lines(m)
        raw = orjson.loads(lines[pick])
        change(raw)
        lines[pick] = encode(raw)
        set_records(m, lines)

    return tamper


def _on_records(change: Callable[[list[bytes]], object]) -> Callable[[dict[str, bytes]], None]:
    def tamper(m: dict[str, bytes]) -> None:
        lines = record_lines(m)
        change(lines)
        set_records(m, lines)

    return tamper


def _items(change: Callable[[list[bytes]], object]) -> Callable[[dict[str, bytes]], None]:
    def tamper(m: dict[str, bytes]) -> None:
        lines = m[SUITE].split(b"\n")[:-1]
        change(lines)
        m[SUITE] = b"".join(x + b"\n" for x in lines)

    return tamper


def _swap(lines: list[bytes]) -> None:
    lines[11], lines[12] = lines[12], lines[11]


def _indent(lines: list[bytes]) -> None:
    lines[11] = orjson.dumps(orjson.loads(lines[11]), option=orjson.OPT_INDENT_2).replace(
        b"\n", b""
    )


TAMPERS: dict[str, Callable[[dict[str, bytes]], None]] = {
    "none": lambda m: None,
    "edited response": _edit(11, lambda r: r["response"].update(text="Sure, here are the steps.")),
    "edited grade": _edit(11, lambda r: r["grades"][0].update(label="partial", passed=False)),
    "bad schema": _edit(11, lambda r: r.update(cached="yes please")),
    "bad hash": _edit(11, lambda r: r.update(item_hash="X" * 64)),
    "other target": _edit(11, lambda r: r.update(target="0" * 64)),
    "other meta": _edit(11, lambda r: r.update(meta={"x": "y"})),
    "other messages": _edit(
        11,
        lambda r: r["request"].update(
            messages=[*r["request"]["messages"][:-1], {"content": "hi", "role": "user"}]
        ),
    ),
    "other request hash": _edit(11, lambda r: r["request"].update(hash="0" * 64)),
    "swapped": _on_records(_swap),
    "dropped": _on_records(lambda lines: lines.pop(11)),
    "duplicated": _on_records(lambda lines: lines.insert(12, lines[11])),
    "not canonical": _on_records(_indent),
    "many dropped": _on_records(lambda lines: lines.__delitem__(slice(9, 22))),
    "item dropped": _items(lambda lines: lines.pop(11)),
    "item not canonical": _items(lambda lines: lines.__setitem__(11, lines[11] + b" ")),
    "items swapped": _items(lambda lines: lines.insert(12, lines.pop(10))),
}


def _state(m: dict[str, bytes], batched: bool, mode: str, record: str | None) -> dict[str, Any]:
    """``mode``: ``open`` (records bound to the items), ``sealed`` (no items: records counted),
    ``revealed`` (a sealed bundle's records bound to the revealed items by their digest)."""
    sealed = mode != "open"
    pred = statement(m)["predicate"]
    ctx = RecordContext(
        member="records.jsonl",
        target=pred["target"]["digest"],
        suite="big-suite",
        params=GenerationParams.model_validate(pred["target"]["identity"]["params"]),
        record=record,
        sealed=sealed,
    )
    issues = Issues()
    seen: list[tuple[bytes, int]] = []
    items = ItemChecker(SUITE, m[SUITE].split(b"\n")[:-1], issues, lambda h, n: seen.append((h, n)))
    idx = m["records.index"]
    entries = (idx[i : i + 128] for i in range(0, len(idx) - len(idx) % 128, 128))
    tree = MerkleBuilder()
    c = RecordChecker(ctx, None if mode == "sealed" else iter(items), entries, tree)
    lines = record_lines(m)
    if batched:
        c.lines(1, lines)
    else:
        for i, x in enumerate(lines, 1):
            c.line(i, x)
    c.finish()
    c.missing_messages()
    checks = ("canon", "schema", "order", "index", "binding", "regrade", "target")
    return {
        **{k: getattr(c, k).details() for k in checks},
        "items": issues.details(),
        "seen": seen,
        "item_count": items.count,
        "root": tree.root(),
        "leaves": tree.count,
        "counts": c.tally.counts,
        "pairs": c.tally.pairs,
        **{
            k: getattr(c, k)
            for k in (
                "count",
                "prev",
                "clean",
                "order_broken",
                "found",
                "items_without_record",
                "items_missing",
                "sealed_counts",
                "regraded",
                "regrade_skipped",
                "idx_pos",
            )
        },
    }


@pytest.mark.parametrize("mode", ["open", "sealed", "revealed"])
@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_batches_and_single_records_agree(
    members: dict[str, bytes],
    sealed_members: dict[str, bytes],
    name: str,
    mode: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = dict(members if mode == "open" else sealed_members)
    TAMPERS[name](m)
    record = orjson.loads(record_lines(m)[13])["item_id"]
    one = _state(m, False, mode, record)
    single = 0
    line = RecordChecker.line

    def counted(self: RecordChecker, lineno: int, data: bytes) -> None:
        nonlocal single
        single += 1
        line(self, lineno, data)

    monkeypatch.setattr(RecordChecker, "line", counted)
    batched = _state(m, True, mode, record)
    assert batched == one
    # without the items, a sealed bundle's grades cannot be re-graded
    assert one["found"] is not None and (one["regraded"] > 0) == (mode != "sealed")
    n = len(record_lines(m))
    if name == "none" or (mode == "sealed" and name.startswith("item")):
        assert single == 0 and one["clean"] and not any(one[k] for k in ("index", "binding"))
    else:
        # the batches before the tampered one, at least, took the batched path
        assert 0 < single < n - 8, single
        assert any(one[k] for k in ("canon", "schema", "order", "index", "binding", "target"))


def test_items_read_ahead_stop_at_the_limit(members: dict[str, bytes]) -> None:
    """A run that skips many items: a batch reads at most ``_ITEMS_AHEAD`` items ahead, and the
    records after that go one by one, with the same result."""
    m = dict(members)
    _on_records(lambda lines: lines.__delitem__(slice(2, 30)))(m)
    assert _state(m, True, "open", None) == _state(m, False, "open", None)
