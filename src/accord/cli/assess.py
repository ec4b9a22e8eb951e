"""``accord assess``: the full assessment. With no arguments, the bundled model on the quick suite."""

from __future__ import annotations

from typing import Any

import click

from accord.cli._common import target_options
from accord.cli._execute import execute, print_summary
from accord.i18n import t

__all__ = ["command"]

DEFAULT_TARGET = "gguf:bundled"
DEFAULT_SUITE = "quick"


@click.command("assess", help=t("cli.assess.help"))
@click.option("--target", "target_spec", default=DEFAULT_TARGET, show_default=True, help=t("cli.opt.target"))
@click.option("--suite", "suite_spec", default=DEFAULT_SUITE, show_default=True, help=t("cli.opt.suite"))
@target_options
def command(target_spec: str, suite_spec: str, **kw: Any) -> None:
    """Assess a model: run the suite and summarise per risk category."""
    result, summary = execute(target_spec, suite_spec, kw)
    print_summary(result, summary, kw["fmt"])
