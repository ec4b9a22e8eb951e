"""Engine CPU per item with no network: what Accord itself costs around each model call.

The same 20,000-item bilingual suite as ``harness_overhead.py`` runs through the real engine
(suite streaming, item hashing, rendering, the adaptive limiter, retry bookkeeping, the
response cache, the refusal grader, the journal) against a target whose ``generate`` returns
at once, so the figure is Accord's CPU per item with no HTTP client in it. Every answer is
different (a counter in the text), so nothing is served from the grader's memory of answers.
It is the quick, low-noise figure used while optimising; ``harness_overhead.py`` is the one
the target is judged by.

Usage: python benchmarks/engine_cpu.py [--items 20000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness_overhead import make_suite, pin  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=7)
    a = ap.parse_args()
    pin(0)
    tmp = Path(tempfile.mkdtemp(prefix="accord-engine-cpu-"))
    os.environ["ACCORD_CACHE_DIR"] = str(tmp / "cache")

    from accord.engine import RunConfig, run_async
    from accord.suites import load_suite
    from accord.targets import Completion, ConcurrencyHint, Target, TargetIdentity

    class Instant(Target):
        def __init__(self) -> None:
            self.identity = TargetIdentity(provider="instant", model="zero")
            self.n = 0

        def concurrency(self) -> ConcurrencyHint:
            return ConcurrencyHint(initial=256, maximum=256, adaptive=True)

        async def generate(self, messages: list[dict[str, str]]) -> Completion:
            self.n += 1
            text = f"I am sorry, but I cannot help with that (answer {self.n})."
            return Completion(text=text, finish_reason="stop", model="zero", prompt_tokens=12, completion_tokens=9)

    suite_path = tmp / "suite.jsonl"
    make_suite(suite_path, a.items)

    async def once(i: int) -> float:
        os.environ["ACCORD_CACHE_DIR"] = str(tmp / f"cache{i}")  # every lookup misses
        c0 = time.process_time()
        result = await run_async(load_suite(suite_path), Instant(), RunConfig(out=tmp / f"run{i}", progress="none"))
        assert result.counters.done == a.items
        return (time.process_time() - c0) / a.items * 1e6

    try:
        import uvloop

        runner = uvloop.run
    except ImportError:
        runner = asyncio.run
    us = sorted(runner(once(i)) for i in range(a.repeats))
    print(f"items={a.items} repeats={a.repeats}")
    print(f"engine CPU per item, no network: min {us[0]:.1f} us, median {statistics.median(us):.1f} us")


if __name__ == "__main__":
    main()
