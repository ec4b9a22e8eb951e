"""Reports people read: one assessment (HTML, Markdown, JSON; English and Chinese) and
comparisons of several.

``build_report`` assembles a :class:`ReportData` from a run directory or an evidence bundle;
``render_html``, ``render_markdown`` and ``render_json`` are three renderings of it.
``write_html_report`` is what ``accord assess`` calls after a run.
"""

from __future__ import annotations

from pathlib import Path

from accord.report._build import (
    GAP_THRESHOLD,
    HAZARDOUS_CATEGORIES,
    RED_LINE_CATEGORIES,
    build_report,
)
from accord.report._compare import CompareData, compare_runs
from accord.report._html import render_compare_html, render_html
from accord.report._markdown import render_compare_markdown, render_markdown
from accord.report._model import ReportData
from accord.report._signif import fisher_exact, holm

__all__ = [
    "GAP_THRESHOLD",
    "HAZARDOUS_CATEGORIES",
    "HTML_REPORT_FILE",
    "RED_LINE_CATEGORIES",
    "CompareData",
    "ReportData",
    "build_report",
    "compare_runs",
    "fisher_exact",
    "holm",
    "render_compare_html",
    "render_compare_markdown",
    "render_html",
    "render_json",
    "render_markdown",
    "write_html_report",
]

#: The report ``write_html_report`` writes into a run directory.
HTML_REPORT_FILE = "report.html"


def render_json(report: ReportData) -> str:
    """The report as JSON (schema: ``docs/schemas/report.schema.json``)."""
    return report.model_dump_json(indent=2) + "\n"


def write_html_report(
    run_dir: Path,
    *,
    lang: str | None = None,
    frameworks: list[str] | None = None,
    out: Path | None = None,
) -> Path:
    """Write the HTML report of ``run_dir`` (default ``run_dir/report.html``) and return its
    path. Hazardous completions are always redacted here: this file may be shared.

    Raises:
        UsageError: ``run_dir`` is not a run directory or bundle.
    """
    report = build_report(Path(run_dir), frameworks=frameworks)
    path = out or Path(run_dir) / HTML_REPORT_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(report, lang=lang), encoding="utf-8")
    tmp.replace(path)
    return path
