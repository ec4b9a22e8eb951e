"""``accord run``: run one suite against one target and print the summary."""

from __future__ import annotations

from typing import Any

import click

from accord.cli._common import target_options
from accord.cli._execute import execute, print_summary
from accord.i18n import t

__all__ = ["command"]


@click.command("run", help=t("cli.run.help"))
@click.option("--target", "target_spec", required=True, help=t("cli.opt.target"))
@click.option("--suite", "suite_spec", required=True, help=t("cli.opt.suite"))
@target_options
def command(target_spec: str, suite_spec: str, **kw: Any) -> None:
    """Run SUITE against TARGET; resumable (re-run the same command to continue)."""
    result, summary = execute(target_spec, suite_spec, kw)
    print_summary(result, summary, kw["fmt"])
