"""Report build time and size on a large run: a synthetic 50,000-item journal (every section
populated: refusal, over-refusal, privacy, security, fairness, capability, 1% errors), read
into a report and rendered as HTML, Markdown and JSON.

Baseline, measured in the same run: one plain pass over the journal (``accord.engine.iter_raw``),
the least any report must do. Targets (issue 6): the HTML report built in under 10 s, the file
under 5 MB.

Usage: python benchmarks/report_build.py [--items 50000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "report"))

from report_fixtures import Profile, synth_records, write_run  # noqa: E402

from accord.engine import iter_raw  # noqa: E402
from accord.report import build_report, render_html, render_json, render_markdown  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=50_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        profile = Profile(unsafe={("SR-01", "zh"): 0.8}, error_rate=0.01)
        run = write_run(Path(tmp) / "run", synth_records(args.items, profile, seed=5), validate=False)
        journal_mb = (run / "records.jsonl").stat().st_size / 1e6
        read_s, build_s, html_s, cpu_s = [], [], [], []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            n = sum(1 for _ in iter_raw(run / "records.jsonl"))
            read_s.append(time.perf_counter() - t0)
            t0, c0 = time.perf_counter(), time.process_time()
            report = build_report(run)
            build_s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            html = render_html(report, lang="en")
            html_s.append(time.perf_counter() - t0)
            cpu_s.append(time.process_time() - c0)
        sizes = {
            "html": len(html.encode("utf-8")),
            "md": len(render_markdown(report, lang="en").encode("utf-8")),
            "json": len(render_json(report).encode("utf-8")),
        }
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = statistics.median(b + h for b, h in zip(build_s, html_s, strict=True))
    print(f"{n:,} records, journal {journal_mb:.1f} MB, median of {args.repeats}")
    print(f"  baseline: one pass over the journal      {statistics.median(read_s):6.2f} s")
    print(f"  build_report (read + frameworks + ...)   {statistics.median(build_s):6.2f} s")
    print(f"  render_html                              {statistics.median(html_s):6.2f} s")
    print(f"  HTML report, built and rendered          {total:6.2f} s  (target < 10 s; {total / statistics.median(read_s):.1f}x the baseline)")
    print(f"  ... CPU time of the same (user + system) {statistics.median(cpu_s):6.2f} s  (what an idle machine's wall time would be)")
    print(f"  sizes: html {sizes['html'] / 1e6:.2f} MB (target < 5 MB), md {sizes['md'] / 1e6:.2f} MB, json {sizes['json'] / 1e6:.2f} MB")
    print(f"  peak RSS {rss_mb:.0f} MB (generator and records included)")
    sys.exit(0 if total < 10 and sizes["html"] < 5e6 else 1)


if __name__ == "__main__":
    main()
