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

from accord.testing import FakeServer, Faults
from helpers import accord_cli, read_journal, write_jsonl_suite

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
    with FakeServer(Faults(latency=0.03)) as server:
        clean = accord_cli(*_cmd(server, suite, tmp_path / "clean")[3:])
        assert clean.returncode == 0, clean.stderr
        out = tmp_path / "killed"
        journal = out / "records.jsonl"
        mid_run_kills = []
        for _ in range(4):
            proc = subprocess.Popen(_cmd(server, suite, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.7, 1.6))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                n = len(read_journal(journal)) if journal.exists() else 0
                if n < N:
                    mid_run_kills.append(n)
            proc.wait()
        assert len(mid_run_kills) >= 2, f"too few kills landed mid-run ({mid_run_kills}); slow the server down"
        final = accord_cli(*_cmd(server, suite, out)[3:])
        assert final.returncode == 0, final.stderr
    records = read_journal(out / "records.jsonl")
    counts = Counter(r["item_id"] for r in records)
    assert len(counts) == N and set(counts.values()) == {1}
    reference = {r["item_id"]: r["response"]["text"] for r in read_journal(tmp_path / "clean" / "records.jsonl")}
    assert {r["item_id"]: r["response"]["text"] for r in records} == reference


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(tmp_path: Path) -> None:
    import json

    suite = write_jsonl_suite(tmp_path / "s.jsonl", 400)
    out = tmp_path / "run"
    with FakeServer(Faults(latency=0.03)) as server:
        proc = subprocess.Popen(_cmd(server, suite, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # interrupt mid-run: once the first records are on disk (however loaded the machine is)
        deadline = time.monotonic() + 120
        journal = out / "records.jsonl"
        while time.monotonic() < deadline and not (journal.exists() and journal.stat().st_size > 0):
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "Traceback" not in err and "Re-run the same command to resume" in err
        manifest = json.loads((out / "run.json").read_text())
        assert manifest["status"] == "interrupted"
        saved = read_journal(out / "records.jsonl")
        assert 0 < len(saved) < 400
        requests_before = server.stats.requests
        final = accord_cli(*_cmd(server, suite, out)[3:])
        assert final.returncode == 0, final.stderr
        # only the missing items were asked
        assert server.stats.requests - requests_before == 400 - len(saved)
    records = read_journal(out / "records.jsonl")
    assert len({r["item_id"] for r in records}) == len(records) == 400
    assert json.loads((out / "run.json").read_text())["status"] == "complete"
