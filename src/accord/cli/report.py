"""``accord report``: a run read against frameworks, in a chosen format.

Formats are pluggable: ``FORMATS`` maps a name to ``"module:function"``; the function takes
``(assessment, lang)`` and returns ``str`` or ``bytes``. Adding a format is one entry here.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from accord.cli._reportdoc import DOCUMENT_FORMATS, write_document
from accord.cli.frameworks import frameworks_arg
from accord.i18n import current_lang, set_lang, t

__all__ = ["FORMATS", "command"]

FORMATS: dict[str, str] = {
    "table": "accord.frameworks:render_table",
    "json": "accord.frameworks:render_json",
}


def _renderer(fmt: str) -> Callable[..., str | bytes]:
    module, _, name = FORMATS[fmt].partition(":")
    fn: Callable[..., str | bytes] = getattr(importlib.import_module(module), name)
    return fn


def _calibration(path: Path | None) -> Any:
    if path is None:
        return None
    from accord.errors import UsageError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "figures" in data:  # a saved accord.graders.CalibrationReport
            from accord.graders import CalibrationReport

            return CalibrationReport.model_validate(data)
        return data
    except (OSError, ValueError) as e:
        raise UsageError(t("fw.err.calibration", path=path, error=str(e).splitlines()[0])) from None


@click.command("report", help=t("cli.report.help"))
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("--framework", "framework", multiple=True, help=t("cli.opt.frameworks"))
@click.option("--format", "fmt", type=click.Choice([*sorted(FORMATS), *DOCUMENT_FORMATS]), default="table", show_default=True, help=t("cli.opt.report_format"))
@click.option("--output", "-o", "--out", "output", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("cli.opt.output"))
@click.option("--explain", is_flag=True, help=t("cli.opt.explain"))
@click.option("--calibration", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("cli.opt.calibration"))
@click.option("--lang", "lang", type=click.Choice(["en", "zh"]), default=None, help=t("report.cli.opt.lang"))
@click.option("--show-hazardous", is_flag=True, help=t("report.cli.opt.show_hazardous"))
def command(
    run_dir: Path, framework: tuple[str, ...], fmt: str, output: Path | None, explain: bool, calibration: Path | None,
    lang: str | None, show_hazardous: bool,
) -> None:
    from accord.frameworks import evaluate_run, load_framework

    if lang is not None:
        set_lang(lang)
    if fmt in DOCUMENT_FORMATS:  # html / md / report-json: accord.report, from a run directory or a bundle
        write_document(run_dir, fmt, frameworks=frameworks_arg(framework), lang=lang, show_hazardous=show_hazardous,
                       out=output, calibration=_calibration(calibration))
        return
    if show_hazardous:
        from accord.errors import UsageError

        raise UsageError(t("report.cli.hazard_format", formats=", ".join(DOCUMENT_FORMATS)))
    fws = [load_framework(n) for n in frameworks_arg(framework)]
    assessment = evaluate_run(run_dir, fws, calibration=_calibration(calibration))
    render = _renderer(fmt)
    kwargs: dict[str, Any] = {"explain": True} if explain and fmt == "table" else {}
    out = render(assessment, current_lang(), **kwargs)
    data = out.encode("utf-8") if isinstance(out, str) else out
    if output is not None:
        output.write_bytes(data)
        click.echo(t("fw.report.written", path=output), err=True)
        return
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
