"""The engine against a real loopback server: faults, retries, cache, resume."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from accord.engine import RetryPolicy, RunConfig, RunResult, run_async
from accord.errors import RunDirError, TargetError
from accord.suites import load_suite
from accord.targets import GenerationParams, TargetOptions, create_target
from accord.testing import FakeServer, Faults
from helpers import read_journal, write_jsonl_suite

FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05, budget=30.0)


def _run(server: FakeServer, suite_path: Path, out: Path, **kw: object) -> RunResult:
    target = create_target(
        "openai:fake",
        TargetOptions(base_url=server.base_url, timeout=kw.pop("timeout", 5.0), max_concurrency=kw.pop("concurrency", 64)),  # type: ignore[arg-type]
    )
    config = RunConfig(out=out, retry=kw.pop("retry", FAST_RETRY), progress="none", **kw)  # type: ignore[arg-type]
    return asyncio.run(run_async(load_suite(suite_path), target, config))


@pytest.mark.slow
def test_two_thousand_items_with_twenty_percent_faults(tmp_path: Path, faulty_server: FakeServer) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 2000)
    result = _run(faulty_server, suite, tmp_path / "run", timeout=0.5, concurrency=128)
    records = read_journal(result.journal)
    ids = Counter(r["item_id"] for r in records)
    assert len(ids) == 2000 and set(ids.values()) == {1}, "exactly one record per item"
    answered = [r for r in records if r["error"] is None]
    errors = [r for r in records if r["error"] is not None]
    assert len(answered) + len(errors) == 2000
    assert len(answered) > 1900  # 0.2^4 chance of four faults in a row
    for r in errors:
        assert r["error"]["attempts"] == len(r["attempts"]) <= FAST_RETRY.max_attempts
    # every retry is on the record, and the kinds the server injected all show up
    kinds = Counter(a["kind"] for r in records for a in r["attempts"])
    assert {"server", "rate_limit", "overloaded", "timeout", "malformed", "connection"} <= set(kinds)
    assert sum(kinds.values()) == sum(len(r["attempts"]) for r in records) > 0
    # answered items carry the server's deterministic answer and a refusal grade
    sample = answered[0]
    assert sample["response"]["text"] and sample["grades"][0]["grader"] == "refusal@1"
    assert result.manifest.status == "complete"
    assert result.stats["congestion_events"] > 0


def test_second_run_makes_no_model_calls(tmp_path: Path, server: FakeServer) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 50)
    first = _run(server, suite, tmp_path / "run")
    assert server.stats.requests == 50 and first.counters.done == 50
    again = _run(server, suite, tmp_path / "run")
    assert server.stats.requests == 50 and again.counters.done == 0
    # a fresh run directory is served from the response cache
    other = _run(server, suite, tmp_path / "other")
    assert server.stats.requests == 50 and other.counters.cached == 50
    recs = read_journal(other.journal)
    assert all(r["cached"] for r in recs)
    first_answers = {r["item_id"]: r["response"] for r in read_journal(first.journal)}
    assert {r["item_id"]: r["response"] for r in recs} == first_answers
    # --no-cache asks again
    _run(server, suite, tmp_path / "nocache", use_cache=False)
    assert server.stats.requests == 100


def test_errors_are_kept_and_retried_only_on_request(tmp_path: Path) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 20)
    with FakeServer(Faults(error_500=1.0)) as bad:
        r = _run(bad, suite, tmp_path / "run", retry=RetryPolicy(max_attempts=2, base_delay=0.0))
        assert r.counters.errors == 20
        assert bad.stats.requests == 40  # two attempts each, bounded
        r = _run(bad, suite, tmp_path / "run")
        assert bad.stats.requests == 40  # errors are recorded results; not re-asked by default
    records = read_journal(tmp_path / "run" / "records.jsonl")
    assert len(records) == 20 and all(rec["error"]["kind"] == "server" for rec in records)


def test_retry_errors_appends_and_latest_wins(tmp_path: Path) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 10)
    with FakeServer(Faults(error_500=1.0)) as s:
        _run(s, suite, tmp_path / "run", retry=RetryPolicy(max_attempts=1))
        s.faults = Faults()
        r = _run(s, suite, tmp_path / "run", retry_errors=True)
    assert r.counters.done == 10 and r.counters.errors == 0
    from accord.results import summarize

    summary = summarize(r.journal)
    assert summary.items == 10 and summary.errors == 0


def test_time_budget_bounds_an_item(tmp_path: Path) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 3)
    with FakeServer(Faults(rate_limit_429=1.0, retry_after=0.4)) as s:
        r = _run(s, suite, tmp_path / "run", retry=RetryPolicy(max_attempts=50, base_delay=0.01, budget=1.0))
    recs = read_journal(r.journal)
    assert all(rec["error"]["kind"] == "budget" for rec in recs)
    assert all(len(rec["attempts"]) < 10 for rec in recs)
    assert all(a["kind"] == "rate_limit" for rec in recs for a in rec["attempts"])


def test_auth_failure_stops_the_run(tmp_path: Path) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 30)
    with FakeServer(api_key="right") as s, pytest.raises(TargetError, match="rejected the request"):
        _run(s, suite, tmp_path / "run")


def test_run_dir_of_another_target_is_refused(tmp_path: Path, server: FakeServer) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", 5)
    _run(server, suite, tmp_path / "run")
    target = create_target("openai:fake", TargetOptions(base_url=server.base_url, params=GenerationParams(temperature=0.7)))
    with pytest.raises(RunDirError, match="other settings"):
        asyncio.run(run_async(load_suite(suite), target, RunConfig(out=tmp_path / "run", progress="none")))


def test_single_pass_suite_info_matches_a_separate_pass(tmp_path: Path, server: FakeServer) -> None:
    suite_path = write_jsonl_suite(tmp_path / "s.jsonl", 40)
    result = _run(server, suite_path, tmp_path / "run")
    import os

    os.environ["ACCORD_CACHE_DIR"] = str(tmp_path / "fresh-cache")  # no memo: a real second pass
    assert result.manifest.suite == load_suite(suite_path).info()
    assert result.manifest.graders == ["refusal@1"] and result.counters.total == 40


def test_changed_suite_in_an_existing_run_dir_is_refused(tmp_path: Path, server: FakeServer) -> None:
    suite_path = write_jsonl_suite(tmp_path / "s.jsonl", 10)
    _run(server, suite_path, tmp_path / "run")
    # reformatting keeps the items: accepted
    suite_path.write_text("\n\n".join(suite_path.read_text().splitlines()) + "\n")
    assert _run(server, suite_path, tmp_path / "run").counters.done == 0
    # different items: refused
    write_jsonl_suite(suite_path, 10, prefix="other")
    with pytest.raises(RunDirError, match="different items"):
        _run(server, suite_path, tmp_path / "run")


def test_duplicate_ids_stop_a_streaming_run(tmp_path: Path, server: FakeServer) -> None:
    from accord.errors import SuiteError

    p = tmp_path / "dup.jsonl"
    p.write_text('{"id": "a", "prompt": "x"}\n{"id": "a", "prompt": "y"}\n')
    with pytest.raises(SuiteError, match="appears twice"):
        _run(server, p, tmp_path / "run")


def test_clock_matches_isoformat() -> None:
    """The hot-path clock writes what ``datetime.isoformat`` would (UTC, ms) for the wall time
    of a monotonic reading, within 5 ms (it maps monotonic to wall time once a second; a
    loaded machine can pause the test between its own readings)."""
    import time
    from datetime import UTC, datetime, timedelta

    from accord.engine._run import _Clock

    clock = _Clock()
    slack = timedelta(milliseconds=5)
    for i in range(3000):
        before = datetime.now(UTC)
        mono = time.monotonic()
        after = datetime.now(UTC)
        text = clock.at(mono) if i % 2 else clock.now()
        parsed = datetime.fromisoformat(text)
        assert parsed.isoformat(timespec="milliseconds") == text
        assert before - slack <= parsed <= after + slack
    # a reading from before the clock's last re-sync still maps to its own wall time
    early = time.monotonic()
    expected = datetime.now(UTC)
    time.sleep(1.1)
    clock.now()
    assert abs(datetime.fromisoformat(clock.at(early)) - expected) <= slack


def test_a_crashing_grader_stops_the_run_and_keeps_what_was_recorded(tmp_path: Path, server: FakeServer) -> None:
    """Rule grades are computed in batches; a grader that raises stops the run with its own
    error, the run is marked failed, and every record written before stays valid."""
    import json

    from accord.graders import Grade, register_grader
    from accord.graders._base import _FACTORIES

    class Boom:
        name = "boom-test"
        version = "1"

        def grade(self, item: object, response: str) -> Grade:
            if getattr(item, "id", "") == "q300":
                raise RuntimeError("grader bug on q300")
            return Grade(grader="boom-test@1", label="ok", score=1.0, passed=None)

    register_grader("boom-test")(Boom)
    try:
        # a batch fills up in a worker (600 items in flight 4 at a time, batches of 128)
        path = tmp_path / "s.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(600):
                f.write(json.dumps({"id": f"q{i}", "prompt": f"what is {i} squared?", "graders": ["boom-test"]}) + "\n")
        with pytest.raises(RuntimeError, match="q300"):
            _run(server, path, tmp_path / "run", concurrency=4)
        records = read_journal(tmp_path / "run" / "records.jsonl")
        assert records and len({r["item_id"] for r in records}) == len(records)
        assert all(r["grades"][0]["grader"] == "boom-test@1" for r in records)
        manifest = json.loads((tmp_path / "run" / "run.json").read_text())
        assert manifest["status"] == "failed"
    finally:
        _FACTORIES.pop("boom-test", None)
