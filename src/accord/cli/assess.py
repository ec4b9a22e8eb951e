"""``accord assess``: the full assessment.

Runs the suite (by default the bundled model on the quick suite), then reads the run against
every built-in framework and prints one line per framework, writes a signed evidence bundle
and the HTML report into the run directory, and says where they are.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import orjson

from accord.cli._common import target_options
from accord.cli._execute import execute, print_summary, summary_json
from accord.i18n import current_lang, t

__all__ = ["command"]

DEFAULT_TARGET = "gguf:bundled"
DEFAULT_SUITE = "quick"


@click.command("assess", help=t("cli.assess.help"))
@click.option("--target", "target_spec", default=DEFAULT_TARGET, show_default=True, help=t("cli.opt.target"))
@click.option("--suite", "suite_spec", default=DEFAULT_SUITE, show_default=True, help=t("cli.opt.suite"))
@click.option("--framework", "frameworks", multiple=True, help=t("cli.opt.framework"))
@click.option("--key", default=None, help=t("cli.opt.key"))
@click.option("--sealed", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.bundle.opt.sealed"))
@click.option("--no-bundle", is_flag=True, help=t("cli.opt.no_bundle"))
@click.option("--no-report", is_flag=True, help=t("cli.opt.no_report"))
@target_options
def command(
    target_spec: str,
    suite_spec: str,
    frameworks: tuple[str, ...],
    key: str | None,
    sealed: Path | None,
    no_bundle: bool,
    no_report: bool,
    **kw: Any,
) -> None:
    if sealed is not None:
        # a commitment that does not open the suite is refused before any item is asked
        from accord.evidence import check_sealed_suite

        check_sealed_suite(sealed, suite_spec)
    result, summary = execute(target_spec, suite_spec, kw)
    fmt = kw["fmt"]
    if fmt != "json":
        print_summary(result, summary, fmt)
    from accord.frameworks import (
        builtin_framework_names,
        evaluate_run,
        load_framework,
        summary_lines,
    )

    specs = list(frameworks) or builtin_framework_names()
    loaded = [load_framework(s) for s in specs]
    assessment = evaluate_run(result.out, loaded)
    (result.out / "assessment.json").write_text(assessment.model_dump_json(indent=2) + "\n", encoding="utf-8")
    outputs: dict[str, str] = {"assessment": str(result.out / "assessment.json")}
    if fmt != "json":
        click.echo(t("assess.frameworks"), err=True)
        for line in summary_lines(assessment, current_lang()):
            click.echo(f"  {line}", err=True)
    if not no_bundle:
        from accord.evidence import write_bundle

        bundle = write_bundle(result.out, key=key, frameworks=specs, sealed=sealed)
        outputs["bundle"] = str(bundle.path)
        if fmt != "json":
            for message in bundle.messages:
                click.echo(message, err=True)
    if not no_report:
        from accord.report import write_html_report

        report = write_html_report(result.out)
        outputs["report"] = str(report)
        if fmt != "json":
            click.echo(t("assess.report", path=report), err=True)
    if fmt == "json":
        doc = summary_json(result, summary)
        doc["frameworks"] = [s.model_dump(mode="json") for s in assessment.frameworks]
        doc["outputs"] = outputs
        sys.stdout.buffer.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n")
