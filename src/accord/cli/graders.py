"""``accord graders``: list the graders, grade any rows, measure graders on labelled sets."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import click
import orjson

from accord.i18n import t

__all__ = ["command"]


def _judge_options(f: Any) -> Any:
    opts = [
        click.option("--judge-target", default=None, help=t("graders.opt.judge_target")),
        click.option("--judge-base-url", default=None, help=t("graders.opt.judge_base_url")),
        click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None, help=t("graders.opt.threshold")),
        click.option("--concurrency", type=click.IntRange(min=1), default=16, show_default=True, help=t("graders.opt.concurrency")),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _configure_judge(target: str | None, base_url: str | None, threshold: float | None) -> None:
    """Judge graders read their configuration from the environment (they are created by a
    zero-argument factory); the flags set it for this process."""
    if target:
        os.environ["ACCORD_JUDGE_TARGET"] = target
    if base_url:
        os.environ["ACCORD_JUDGE_BASE_URL"] = base_url
    if threshold is not None:
        os.environ["ACCORD_JUDGE_THRESHOLD"] = str(threshold)


@click.group("graders", help=t("graders.cli.help"))
def command() -> None:
    """List graders, grade rows, calibrate graders against labelled sets."""


def _version(name: str) -> str:
    from accord.errors import UsageError
    from accord.graders import create_grader
    from accord.graders._compose import ComposedGrader
    from accord.graders._judge import JudgeGrader

    try:
        return create_grader(name).version
    except UsageError:  # a judge without ACCORD_JUDGE_TARGET
        return ComposedGrader.version if "+" in name else JudgeGrader.version


@command.command("list", help=t("graders.cli.list.help"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help=t("graders.opt.format"))
def list_(fmt: str) -> None:
    """Every registered grader with its version, calibration set and what it does."""
    from accord.graders import grader_names
    from accord.graders._calibrate import GRADER_SETS

    rows = []
    for name in grader_names():
        key = f"graders.desc.{name}"
        desc = t(key)
        rows.append(
            {
                "name": name,
                "version": _version(name),
                "calibration_set": "all" if name == "judge" else GRADER_SETS.get(name),
                "needs_judge": "judge" in name,
                "description": "" if desc == key else desc,
            }
        )
    if fmt == "json":
        sys.stdout.buffer.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(caption=t("graders.list.caption"), caption_justify="left")
    for col in ("name", "version", "set", "description"):
        table.add_column(t(f"graders.list.{col}"), overflow="fold")
    for r in rows:
        table.add_row(str(r["name"]), str(r["version"]), str(r["calibration_set"] or "-"), str(r["description"]))
    Console().print(table)


@command.command("grade", help=t("graders.cli.grade.help"))
@click.option("--grader", "grader_name", required=True, help=t("graders.opt.grader"))
@click.option("--input", "input_path", type=click.Path(path_type=Path, dir_okay=False), required=True, help=t("graders.opt.input"))
@click.option("--output", "output_path", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True), required=True, help=t("graders.opt.output"))
@_judge_options
def grade(grader_name: str, input_path: Path, output_path: Path, judge_target: str | None, judge_base_url: str | None, threshold: float | None, concurrency: int) -> None:
    """Grade every row of INPUT and write it back with label, score and rationale."""
    from accord.graders import create_grader
    from accord.graders._calibrate import GRADER_NEEDS, grade_items, read_rows, row_item

    _configure_judge(judge_target, judge_base_url, threshold)
    grader = create_grader(grader_name)
    rows = read_rows(input_path)
    needs = GRADER_NEEDS.get(grader_name, ())
    # every row is checked before anything is graded or written
    items = [row_item(row, f"{input_path}:{n}", needs=needs) for n, row in rows]
    t0 = time.perf_counter()
    grades, us = grade_items(grader, items, [str(row["response"]) for _, row in rows], concurrency=concurrency)
    seconds = time.perf_counter() - t0
    out = b"".join(
        orjson.dumps(
            {
                **row,
                "grader": g.grader,
                "label": g.label,
                "score": g.score,
                "passed": g.passed,
                "rationale": g.rationale,
            },
            option=orjson.OPT_APPEND_NEWLINE,
        )
        for (_, row), g in zip(rows, grades, strict=True)
    )
    if str(output_path) == "-":
        sys.stdout.buffer.write(out)
        sys.stdout.flush()
    else:
        output_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = output_path.with_name(output_path.name + ".tmp")
        tmp.write_bytes(out)
        tmp.replace(output_path)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(Counter(g.label for g in grades).items()))
    click.echo(
        t("graders.grade.done", n=len(rows), grader=grader_name, seconds=seconds, us=us, counts=counts or "-", output=output_path),
        err=True,
    )


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


@command.command("calibrate", help=t("graders.cli.calibrate.help"))
@click.option("--grader", "graders", multiple=True, help=t("graders.opt.grader_multi"))
@click.option("--split", type=click.Choice(["test", "train", "all"]), default="test", show_default=True, help=t("graders.opt.split"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help=t("graders.opt.format"))
@click.option("--input", "input_path", type=click.Path(path_type=Path, dir_okay=False, exists=False), default=None, help=t("graders.opt.calibration_input"))
@click.option("--set", "set_name", type=click.Choice(["refusal", "pii-leak", "injection"]), default=None, help=t("graders.opt.set"))
@click.option("--by-category/--no-by-category", default=True, show_default=True, help=t("graders.opt.by_category"))
@_judge_options
def calibrate(
    graders: tuple[str, ...],
    split: str,
    fmt: str,
    input_path: Path | None,
    set_name: str | None,
    by_category: bool,
    judge_target: str | None,
    judge_base_url: str | None,
    threshold: float | None,
    concurrency: int,
) -> None:
    """Accuracy, precision/recall per label and Cohen's kappa per grader, language and category."""
    from accord.graders import calibration_report

    _configure_judge(judge_target, judge_base_url, threshold)
    report = calibration_report(
        list(graders) or None,
        split,  # type: ignore[arg-type]
        rows=input_path,
        set_name=set_name,
        by_category=by_category,
        concurrency=concurrency,
    )
    if fmt == "json":
        sys.stdout.buffer.write(orjson.dumps(report.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
        return
    from rich.console import Console
    from rich.table import Table

    from accord.graders._calibrate import CALIBRATION_SETS

    console = Console()
    console.width = max(console.width, 120)
    keys = list(dict.fromkeys((f.grader, f.set) for f in report.figures))
    for grader, sname in keys:
        figs = [f for f in report.figures if f.grader == grader and f.set == sname]
        head = figs[0]
        labels = CALIBRATION_SETS[sname]
        table = Table(
            title=t("graders.calibrate.title", grader=grader, set=sname, split=split, us=head.us_per_grade or 0.0),
            caption=t("graders.calibrate.note"),
            caption_justify="left",
        )
        for col in ("lang", "category", "n", "accuracy", "kappa"):
            table.add_column(t(f"graders.calibrate.{col}"), justify="left" if col in ("lang", "category") else "right")
        for lb in labels:
            table.add_column(t("graders.calibrate.pr", label=lb), justify="right")
        for f in figs:
            cells = [
                t("graders.calibrate.all") if f.lang == "all" else f.lang,
                t("graders.calibrate.all") if f.category == "all" else f.category,
                str(f.n),
                _fmt(f.accuracy),
                _fmt(f.kappa),
            ]
            for lb in labels:
                lf = f.labels.get(lb)
                cells.append("-" if lf is None or lf.support + lf.predicted == 0 else f"{_fmt(lf.precision)}/{_fmt(lf.recall)}")
            table.add_row(*cells, style="bold" if f.category == "all" else None)
        console.print(table)
