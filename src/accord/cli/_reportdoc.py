"""The document formats of ``accord report`` (html, md, report-json) and the output rules
``accord report`` and ``accord compare`` share."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from accord.errors import UsageError
from accord.i18n import t

__all__ = ["DOCUMENT_FORMATS", "emit", "write_document"]

#: ``accord report`` formats rendered from :class:`accord.report.ReportData`.
DOCUMENT_FORMATS = ("html", "md", "report-json")


def emit(text: str, out: Path | None) -> None:
    """Write ``text`` to ``out`` (atomically; then say where on stderr) or to stdout."""
    if out is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    if out.is_dir():
        raise UsageError(t("report.cli.out_is_dir", path=out))
    if not out.parent.exists():
        raise UsageError(t("report.cli.out_no_parent", path=out, parent=out.parent))
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    click.echo(t("report.cli.written", path=out), err=True)


def _default_html(source: Path) -> Path:
    """``RUN_DIR/report.html``; beside a bundle file, ``<bundle>.report.html``."""
    from accord.report import HTML_REPORT_FILE

    if source.is_dir():
        return source / HTML_REPORT_FILE
    return source.with_name(source.name + ".report.html")


def write_document(
    source: Path,
    fmt: str,
    *,
    frameworks: list[str] | None,
    lang: str | None,
    show_hazardous: bool,
    out: Path | None,
    calibration: Any = None,
) -> None:
    """Build the report of ``source`` (a run directory or a bundle) and write it as ``fmt``.

    HTML goes to ``--out`` or beside the source (it is a page to open, not to print);
    Markdown and JSON go to stdout unless ``--out`` is given. ``--show-hazardous`` needs
    ``--out``: unredacted completions only ever go to a local file.
    """
    if show_hazardous and out is None:
        raise UsageError(t("report.cli.hazard_needs_out"))
    from accord.report import build_report, render_html, render_json, render_markdown

    report = build_report(source, frameworks=frameworks, show_hazardous=show_hazardous, calibration=calibration)
    if fmt == "html":
        emit(render_html(report, lang=lang), out or _default_html(source))
    elif fmt == "md":
        emit(render_markdown(report, lang=lang), out)
    else:
        emit(render_json(report), out)
