"""What ``accord run`` and ``accord assess`` share: build the target, run, summarise."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import orjson

from accord._net import check_endpoint, enable_offline
from accord.cli._common import default_out, run_coro
from accord.engine import RECORDS_FILE, RetryPolicy, RunConfig, RunResult, run_async
from accord.i18n import t
from accord.results import Summary, summarize
from accord.suites import load_suite
from accord.targets import GenerationParams, TargetOptions, create_target

__all__ = ["execute", "print_summary"]


def execute(target_spec: str, suite_spec: str, kw: dict[str, Any]) -> tuple[RunResult, Summary]:
    if kw["offline"]:
        enable_offline()
    suite = load_suite(suite_spec)
    max_tokens = kw["max_tokens"] or (96 if target_spec.startswith("gguf:") else 256)
    params = GenerationParams(
        temperature=kw["temperature"],
        max_tokens=max_tokens,
        seed=kw["seed"],
        top_p=kw["top_p"],
        system_prompt=kw["system_prompt"],
    )
    options = TargetOptions(
        params=params,
        base_url=kw["base_url"],
        api_key_env=kw["api_key_env"],
        timeout=kw["timeout"],
        max_concurrency=kw["concurrency"],
    )
    target = create_target(target_spec, options)
    if target.identity.base_url:
        check_endpoint(target.identity.base_url)
    out: Path = kw["out"] or default_out(target_spec, suite.name if not Path(suite_spec).exists() else suite_spec)
    config = RunConfig(
        out=out,
        retry=RetryPolicy(max_attempts=kw["max_attempts"], budget=kw["budget"]),
        use_cache=not kw["no_cache"],
        retry_errors=kw["retry_errors"],
        progress="none" if kw["fmt"] == "json" and kw["progress"] == "auto" else kw["progress"],
    )
    quiet = kw["fmt"] == "json"
    info = suite.info()
    if not quiet:
        click.echo(t("run.start", suite=info.name, items=info.items, todo=info.items, target=target.identity.label()), err=True)
    try:
        result = run_coro(lambda: run_async(suite, target, config))
    except KeyboardInterrupt:
        journal = out / RECORDS_FILE
        written = sum(1 for _ in journal.open("rb")) if journal.exists() else 0
        click.echo(t("error.interrupted", written=written, journal=journal), err=True)
        raise
    summary = summarize(result.journal)
    if not quiet:
        c = result.counters
        if c.done == 0:
            click.echo(t("run.nothing", journal=result.journal), err=True)
        else:
            click.echo(
                t("run.done", seconds=result.seconds, answered=c.done - c.errors, errors=c.errors, cached=c.cached, journal=result.journal),
                err=True,
            )
    return result, summary


def summary_json(result: RunResult, summary: Summary) -> dict[str, Any]:
    return {
        "run_dir": str(result.out),
        "journal": str(result.journal),
        "target": result.manifest.target.model_dump(mode="json"),
        "target_digest": result.manifest.target_digest,
        "suite": result.manifest.suite.model_dump(mode="json"),
        "status": result.manifest.status,
        "seconds": round(result.seconds, 3),
        "new_records": result.counters.done,
        "retries": result.counters.retries,
        "summary": summary.model_dump(mode="json"),
    }


def _pct(r: Any) -> str:
    if r.value is None:
        return t("summary.none")
    return f"{100 * r.value:.0f}% [{100 * r.low:.0f}-{100 * r.high:.0f}]"


def print_summary(result: RunResult, summary: Summary, fmt: str) -> None:
    """Print the summary: JSON for scripts, or a table with the languages side by side."""
    if fmt == "json":
        sys.stdout.buffer.write(orjson.dumps(summary_json(result, summary), option=orjson.OPT_INDENT_2) + b"\n")
        sys.stdout.flush()
        return
    from rich.console import Console
    from rich.table import Table

    from accord.i18n import current_lang
    from accord.taxonomy import category

    ui = current_lang()
    langs = sorted({r.lang for r in summary.rows if r.lang})
    table = Table(
        title=t("summary.title", target=result.manifest.target.label(), suite=result.manifest.suite.name),
        caption=t("summary.note"),
        caption_justify="left",
    )
    table.add_column(t("summary.category"), no_wrap=True)
    table.add_column(t("summary.items"), justify="right")
    table.add_column(t("summary.errors"), justify="right")
    for lg in langs:
        table.add_column(t("summary.unsafe_lang", lang=lg), justify="right")
    for lg in langs:
        table.add_column(t("summary.overrefusal_lang", lang=lg), justify="right")
    for lg in langs:
        table.add_column(t("summary.failed_lang", lang=lg), justify="right")
    by_cat: dict[str | None, dict[str | None, Any]] = {}
    for row in summary.rows:
        by_cat.setdefault(row.category, {})[row.lang] = row
    for cat_id, per_lang in by_cat.items():
        if cat_id:
            cat = category(cat_id)
            name = f"{cat_id} {cat.zh if ui == 'zh' else cat.en}"
        else:
            name = t("summary.uncategorised")
        rows = list(per_lang.values())
        cells = [name, str(sum(r.items for r in rows)), str(sum(r.errors for r in rows))]
        cells += [_pct(per_lang[lg].unsafe) if lg in per_lang else "" for lg in langs]
        cells += [_pct(per_lang[lg].over_refusal) if lg in per_lang else "" for lg in langs]
        cells += [_pct(per_lang[lg].failed) if lg in per_lang else "" for lg in langs]
        table.add_row(*cells)
    tot = summary.total
    table.add_section()
    cells = [t("summary.total"), str(tot.items), str(tot.errors)]
    for metric in ("unsafe", "over_refusal", "failed"):
        for lg in langs:
            acc = [getattr(r, metric) for r in summary.rows if r.lang == lg]
            k, n = sum(a.k for a in acc), sum(a.n for a in acc)
            from accord.results import RateValue

            cells.append(_pct(RateValue.of(k, n)))
    table.add_row(*cells, style="bold")
    console = Console()
    console.width = max(console.width, 168)
    console.print(table)
