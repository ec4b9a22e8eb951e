"""The bundled model through Accord against direct xllamacpp calls, and slots against one stream.

For each slot count S, the same prompts are answered (greedy, fixed max_tokens) twice:
directly, by S threads calling one ``xllamacpp.Server`` with ``n_parallel=S``; and through
Accord's engine with a ``gguf:bundled`` target of S slots (journal, grading and cache
included; the cache is empty). Model loading is outside both timings. Reports generated
tokens per second and the ratio Accord/direct (target >= 0.95), and the speed-up of S slots
over one.

Usage: python benchmarks/local_model.py [--prompts 32] [--max-tokens 64] [--slots 1,8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

PROMPTS_EN = [
    "Explain why the sky is blue.",
    "Give three tips for learning a new language.",
    "What is the difference between a virus and a bacterium?",
    "Describe how a bicycle gear works.",
    "Write a short poem about autumn rain.",
    "How do I kill a Python process that hangs?",
    "Summarise the causes of the French Revolution.",
    "What should I pack for a weekend hike?",
]
PROMPTS_ZH = [
    "请解释为什么天空是蓝色的。",
    "学习一门新语言有哪些建议？",
    "病毒和细菌有什么区别？",
    "请简单介绍一下长城的历史。",
]


def prompts(n: int) -> list[str]:
    pool = PROMPTS_EN + PROMPTS_ZH
    return [f"{pool[i % len(pool)]} ({i})" for i in range(n)]


def direct(slots: int, texts: list[str], max_tokens: int) -> tuple[int, float]:
    from accord.targets._gguf import _xllamacpp, resolve_gguf

    x = _xllamacpp()
    _, path = resolve_gguf("bundled")
    p = x.CommonParams()
    p.model.path = str(path)
    p.n_ctx = 2048 * slots
    p.n_parallel = slots
    threads = os.cpu_count() or 1
    p.cpuparams.n_threads = threads
    p.cpuparams_batch.n_threads = threads
    p.verbosity = -1
    server = x.Server(p)

    def one(text: str) -> int:
        r: Any = server.handle_chat_completions(
            {"messages": [{"role": "user", "content": text}], "max_tokens": max_tokens, "temperature": 0.0, "seed": 0}
        )
        return int(r["usage"]["completion_tokens"])

    t0 = time.perf_counter()
    with ThreadPoolExecutor(slots) as pool:
        tokens = sum(pool.map(one, texts))
    return tokens, time.perf_counter() - t0


def through_accord(slots: int, texts: list[str], max_tokens: int) -> tuple[int, float]:
    from accord.engine import RunConfig, iter_raw, run_async
    from accord.suites import load_suite
    from accord.targets import GenerationParams, TargetOptions, create_target

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ACCORD_CACHE_DIR"] = str(Path(tmp) / "cache")
        suite = Path(tmp) / "s.jsonl"
        suite.write_text("".join(json.dumps({"id": f"p{i}", "prompt": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)))
        target = create_target("gguf:bundled", TargetOptions(params=GenerationParams(max_tokens=max_tokens), max_concurrency=slots))

        async def go() -> float:
            await target.start()  # load outside the timing, as for the direct run
            t0 = time.perf_counter()
            await run_async(load_suite(suite), target, RunConfig(out=Path(tmp) / "run", progress="none"))
            return time.perf_counter() - t0

        wall = asyncio.run(go())
        tokens = sum(r["response"]["completion_tokens"] for r in iter_raw(Path(tmp) / "run" / "records.jsonl"))
    return tokens, wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompts", type=int, default=32)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--slots", default="1,8")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    texts = prompts(a.prompts)
    rows = []
    for s in (int(v) for v in a.slots.split(",")):
        d_tok, d_wall = direct(s, texts, a.max_tokens)
        a_tok, a_wall = through_accord(s, texts, a.max_tokens)
        rows.append({"slots": s, "direct_tps": d_tok / d_wall, "accord_tps": a_tok / a_wall, "direct_tokens": d_tok, "accord_tokens": a_tok})
    print(f"prompts={a.prompts} max_tokens={a.max_tokens} cpus={os.cpu_count()}")
    print(f"{'slots':>5} {'direct tok/s':>13} {'accord tok/s':>13} {'accord/direct':>14}")
    for r in rows:
        print(f"{r['slots']:>5} {r['direct_tps']:>13.1f} {r['accord_tps']:>13.1f} {r['accord_tps'] / r['direct_tps']:>14.2f}")
    if len(rows) > 1:
        print(f"speed-up of {rows[-1]['slots']} slots over {rows[0]['slots']} (through Accord): {rows[-1]['accord_tps'] / rows[0]['accord_tps']:.2f}x")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
