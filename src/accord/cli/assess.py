"""``accord assess``: the full assessment. With no arguments, the bundled model on the quick suite."""

from __future__ import annotations

from typing import Any

import click

from accord.cli._common import target_options
from accord.cli._execute import execute, print_summary

__all__ = ["command"]

DEFAULT_TARGET = "gguf:bundled"
DEFAULT_SUITE = "quick"


@click.command("assess")
@click.option("--target", "target_spec", default=DEFAULT_TARGET, show_default=True, help="provider:model of the model under test.")
@click.option("--suite", "suite_spec", default=DEFAULT_SUITE, show_default=True, help="Built-in suite name or a .yaml/.jsonl file.")
@target_options
def command(target_spec: str, suite_spec: str, **kw: Any) -> None:
    """Assess a model: run the suite and summarise per risk category."""
    result, summary = execute(target_spec, suite_spec, kw)
    print_summary(result, summary, kw["fmt"])
