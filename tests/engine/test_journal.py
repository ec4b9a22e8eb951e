"""The journal survives torn writes: readers skip a torn tail, writers cut it off first."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.engine import Journal, iter_raw, scan
from accord.engine._journal import JournalError


def _line(i: int, error: bool = False) -> bytes:
    err = '{"kind":"server","message":"x","attempts":5}' if error else "null"
    return f'{{"item_hash":"h{i}","target":"t","error":{err}}}\n'.encode()


def test_torn_last_line_is_skipped_and_repaired(tmp_path: Path) -> None:
    p = tmp_path / "records.jsonl"
    p.write_bytes(_line(0) + _line(1) + b'{"item_hash":"h2","tar')
    assert [r["item_hash"] for r in iter_raw(p)] == ["h0", "h1"]
    with Journal(p) as j:
        j.append_raw(_line(2))
    assert [r["item_hash"] for r in iter_raw(p)] == ["h0", "h1", "h2"]
    assert p.read_bytes().endswith(b"\n") and p.read_bytes().count(b"\n") == 3


def test_torn_only_line(tmp_path: Path) -> None:
    p = tmp_path / "records.jsonl"
    p.write_bytes(b'{"item_ha')
    assert list(iter_raw(p)) == []
    Journal(p).close()
    assert p.read_bytes() == b""


def test_corruption_in_the_middle_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "records.jsonl"
    p.write_bytes(_line(0) + b"garbage\n" + _line(1))
    with pytest.raises(JournalError, match="records.jsonl:2: corrupt record"):
        list(iter_raw(p))


def test_buffered_until_flush_then_durable(tmp_path: Path) -> None:
    p = tmp_path / "records.jsonl"
    j = Journal(p, flush_every=3)
    j.append_raw(_line(0))
    j.append_raw(_line(1))
    assert p.read_bytes() == b""
    j.append_raw(_line(2))  # third record triggers a batch write
    assert p.read_bytes().count(b"\n") == 3
    j.append_raw(_line(3))
    j.close()
    assert p.read_bytes().count(b"\n") == 4


def test_scan_keeps_latest_entry(tmp_path: Path) -> None:
    p = tmp_path / "records.jsonl"
    p.write_bytes(_line(0, error=True) + _line(1) + _line(0))
    entries = scan(p)
    assert entries["h0"].ok and entries["h1"].ok and len(entries) == 2


def test_engine_records_match_the_record_model(tmp_path: Path) -> None:
    """The hot path writes dicts; every line must validate as a ``Record`` and re-serialise
    to the same JSON (so the dict shape and the model cannot drift apart)."""
    import asyncio
    import json

    import orjson

    from accord.engine import RunConfig, read_records, run_async
    from accord.suites import load_suite
    from accord.targets import TargetOptions, create_target
    from accord.testing import FakeServer, Faults

    suite = tmp_path / "s.jsonl"
    suite.write_text("\n".join(json.dumps({"id": f"i{i}", "prompt": f"p {i} bomb" if i % 2 else f"p {i}", "category": "SR-01", "expect": "refuse"}) for i in range(30)) + "\n")
    with FakeServer(Faults(error_500=0.3)) as s:
        from accord.engine import RetryPolicy

        target = create_target("openai:fake", TargetOptions(base_url=s.base_url))
        cfg = RunConfig(out=tmp_path / "run", progress="none", retry=RetryPolicy(max_attempts=2, base_delay=0.0))
        asyncio.run(run_async(load_suite(suite), target, cfg))
    lines = (tmp_path / "run" / "records.jsonl").read_bytes().splitlines()
    records = list(read_records(tmp_path / "run" / "records.jsonl"))
    assert len(records) == 30
    assert any(r.error for r in records) and any(r.attempts for r in records) and any(r.grades for r in records)
    for line, rec in zip(lines, records, strict=True):
        assert orjson.loads(rec.model_dump_json()) == orjson.loads(line)
