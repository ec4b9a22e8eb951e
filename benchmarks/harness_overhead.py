"""Harness overhead: Accord against a minimal raw asyncio client, same server, same run.

A zero-latency OpenAI-compatible server (benchmarks/_zero_server.py) runs pinned to one core;
each client runs in its own process pinned to the other, so the figures are the client's own
cost. For each client we report samples/s, CPU-ms per sample (user+sys of the client process
over the measured section) and the client's peak RSS. Accord runs its full path: suite
streaming and hashing, rendering, adaptive concurrency, retries (none needed here), response
cache, rule grading and the journal. The raw client reads the same prompts, sends the same
request bodies over aiohttp with a semaphore, and parses the answer, nothing else.

Usage: python benchmarks/harness_overhead.py [--items 20000] [--concurrency 256] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def pin(cpu: int) -> None:
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {cpu})


def make_suite(path: Path, n: int) -> None:
    topics = ["a Python process that hangs", "the history of the Great Wall", "a phishing email", "photosynthesis", "a bank card number"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            lang = "zh" if i % 2 else "en"
            prompt = f"Item {i}: please explain {topics[i % len(topics)]} in two sentences." if lang == "en" else f"第{i}题：请用两句话解释{topics[i % len(topics)]}。"
            f.write(json.dumps({"id": f"b{i}", "lang": lang, "category": "SR-20", "expect": "comply", "prompt": prompt}, ensure_ascii=False) + "\n")


def usage() -> tuple[float, float]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_maxrss / 1024.0


# -- clients (each runs in its own process) ----------------------------------------------


async def raw_client(base: str, suite: Path, concurrency: int) -> int:
    """The leanest client we know how to write with aiohttp: the same transport settings as
    Accord's HTTP targets (a pre-parsed URL, a ready payload, no cookie jar) and no timeout
    at all, with ``concurrency`` workers pulling prompts from the file. Anything Accord
    spends beyond this is engine overhead, not a better use of aiohttp."""
    import aiohttp
    import orjson
    from aiohttp.payload import BytesPayload
    from yarl import URL

    url = URL(base + "/chat/completions")
    conn = aiohttp.TCPConnector(limit=concurrency)
    done = 0
    async with aiohttp.ClientSession(
        connector=conn, timeout=aiohttp.ClientTimeout(total=None), cookie_jar=aiohttp.DummyCookieJar()
    ) as session:
        with suite.open("rb") as f:
            prompts = (orjson.loads(line)["prompt"] for line in f)

            async def worker() -> None:
                nonlocal done
                for prompt in prompts:
                    body = orjson.dumps({"model": "zero", "temperature": 0.0, "max_tokens": 256, "seed": 0, "messages": [{"role": "user", "content": prompt}]})
                    async with session.post(url, data=BytesPayload(body, content_type="application/json")) as resp:
                        data = orjson.loads(await resp.read())
                        if data["choices"][0]["message"]["content"]:
                            done += 1

            await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done


async def accord_client(base: str, suite: Path, concurrency: int, out: Path) -> int:
    from accord.engine import RunConfig, run_async
    from accord.suites import load_suite
    from accord.targets import TargetOptions, create_target

    target = create_target("openai:zero", TargetOptions(base_url=base, max_concurrency=concurrency))
    result = await run_async(load_suite(suite), target, RunConfig(out=out, progress="none"))
    return result.counters.done - result.counters.errors


def client_main(kind: str, base: str, suite: Path, concurrency: int, cpu: int) -> None:
    pin(cpu)
    try:
        import uvloop

        runner = uvloop.run
    except ImportError:
        runner = asyncio.run
    # imports happen before the clock starts for both clients
    import aiohttp  # noqa: F401

    import accord.engine
    import accord.graders._refusal  # noqa: F401

    cpu0, _ = usage()
    t0 = time.perf_counter()
    if kind == "raw":
        n = runner(raw_client(base, suite, concurrency))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["ACCORD_CACHE_DIR"] = str(Path(tmp) / "cache")
            n = runner(accord_client(base, suite, concurrency, Path(tmp) / "run"))
    wall = time.perf_counter() - t0
    cpu1, rss = usage()
    print(json.dumps({"kind": kind, "n": n, "wall": wall, "cpu": cpu1 - cpu0, "rss_mb": rss}))


# -- orchestration ------------------------------------------------------------------------


def run_client(kind: str, base: str, suite: Path, concurrency: int, cpu: int) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--client", kind, "--base", base, "--suite", str(suite), "--concurrency", str(concurrency), "--cpu", str(cpu)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=20_000)
    ap.add_argument("--concurrency", type=int, default=256)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    ap.add_argument("--client", choices=["raw", "accord"], default=None, help=argparse.SUPPRESS)
    ap.add_argument("--base", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--suite", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--cpu", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.client:
        client_main(a.client, a.base, a.suite, a.concurrency, a.cpu)
        return

    ncpu = os.cpu_count() or 1
    server_cpu, client_cpu = (ncpu - 1, 0) if ncpu > 1 else (0, 0)
    with tempfile.TemporaryDirectory() as tmp:
        suite = Path(tmp) / "suite.jsonl"
        make_suite(suite, a.items)
        server = subprocess.Popen([sys.executable, str(HERE / "_zero_server.py"), "0", str(server_cpu)], stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline().split()[1])
            base = f"http://127.0.0.1:{port}/v1"
            run_client("raw", base, suite, a.concurrency, client_cpu)  # warm-up (page cache, server JIT-free but sockets)
            results: dict[str, list[dict[str, float]]] = {"raw": [], "accord": []}
            for _ in range(a.repeats):
                for kind in ("raw", "accord"):
                    r = run_client(kind, base, suite, a.concurrency, client_cpu)
                    if r["n"] != a.items:
                        raise SystemExit(f"{kind} answered {r['n']} of {a.items} items")
                    results[kind].append(r)
        finally:
            server.terminate()
            server.wait()

    def med(kind: str, f: str) -> float:
        return statistics.median(r[f] for r in results[kind])

    rows = {}
    for kind in ("raw", "accord"):
        rows[kind] = {
            "samples_per_s": a.items / med(kind, "wall"),
            "cpu_ms_per_sample": 1000 * med(kind, "cpu") / a.items,
            "peak_rss_mb": max(r["rss_mb"] for r in results[kind]),
        }
    ratio = rows["accord"]["samples_per_s"] / rows["raw"]["samples_per_s"]
    # each accord run against the raw run just before it (the machine's state drifts)
    pair_ratios = sorted(r["wall"] / a["wall"] for r, a in zip(results["raw"], results["accord"], strict=True))
    print(f"items={a.items} concurrency={a.concurrency} repeats={a.repeats} (median) cpus={ncpu}")
    print(f"{'client':<8} {'samples/s':>10} {'CPU ms/sample':>14} {'peak RSS MB':>12}")
    for kind, r in rows.items():
        print(f"{kind:<8} {r['samples_per_s']:>10.0f} {r['cpu_ms_per_sample']:>14.3f} {r['peak_rss_mb']:>12.0f}")
    print(f"throughput ratio accord/raw = {ratio:.2f}  (target >= 0.80)")
    print("ratio of each accord run to the raw run before it: " + ", ".join(f"{x:.2f}" for x in pair_ratios))
    print(f"accord CPU per sample = {rows['accord']['cpu_ms_per_sample']:.3f} ms  (target < 1 ms)")
    print(f"accord peak RSS = {rows['accord']['peak_rss_mb']:.0f} MB  (target < 300 MB)")
    if a.json:
        a.json.write_text(json.dumps({"rows": rows, "ratio": ratio, "pair_ratios": pair_ratios, "items": a.items, "concurrency": a.concurrency}, indent=2))


if __name__ == "__main__":
    main()
