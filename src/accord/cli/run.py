"""``accord run``: run one suite against one target and print the summary."""

from __future__ import annotations

from typing import Any

import click

from accord.cli._common import target_options
from accord.cli._execute import execute, print_summary

__all__ = ["command"]


@click.command("run")
@click.option("--target", "target_spec", required=True, help="provider:model, e.g. openai:my-model, anthropic:claude-sonnet-4-5, gguf:bundled.")
@click.option("--suite", "suite_spec", required=True, help="Built-in suite name or a .yaml/.jsonl file.")
@target_options
def command(target_spec: str, suite_spec: str, **kw: Any) -> None:
    """Run SUITE against TARGET; resumable (re-run the same command to continue)."""
    result, summary = execute(target_spec, suite_spec, kw)
    print_summary(result, summary, kw["fmt"])
