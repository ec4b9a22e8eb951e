"""`kill -9` at random points, then resume: one record per item, same answers as a clean run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from helpers import accord_cli, read_journal, write_jsonl_suite

from accord.testing import FakeServer, Faults

N = 600


def _cmd(server: FakeServer, suite: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "accord", "run", "--target", "openai:fake", "--base-url", server.base_url,
        "--suite", str(suite), "--out", str(out), "--concurrency", "8", "--no-cache", "--progress", "none",
        "--format", "json",
    ]


@pytest.mark.slow
def test_kill_dash_nine_then_resume(tmp_path: Path) -> None:
    suite = write_jsonl_suite(tmp_path / "s.jsonl", N)
    rng = random.Random(20261125)
    with FakeServer(Faults(latency=0.02)) as server:
        clean = accord_cli(*_cmd(server, suite, tmp_path / "clean")[3:])
        assert clean.returncode == 0, clean.stderr
        out = tmp_path / "killed"
        kills = 0
        for _ in range(4):
            proc = subprocess.Popen(_cmd(server, suite, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.8, 2.0))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
            proc.wait()
        assert kills >= 2, "the run finished before it could be killed; slow the server down"
        partial = read_journal(out / "records.jsonl") if (out / "records.jsonl").exists() else []
        assert len(partial) < N
        final = accord_cli(*_cmd(server, suite, out)[3:])
        assert final.returncode == 0, final.stderr
    records = read_journal(out / "records.jsonl")
    counts = Counter(r["item_id"] for r in records)
    assert len(counts) == N and set(counts.values()) == {1}
    reference = {r["item_id"]: r["response"]["text"] for r in read_journal(tmp_path / "clean" / "records.jsonl")}
    assert {r["item_id"]: r["response"]["text"] for r in records} == reference
