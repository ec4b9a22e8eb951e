"""``accord suites``: list and validate suites."""

from __future__ import annotations

import click

from accord.i18n import t
from accord.suites import builtin_suite_names, load_suite

__all__ = ["command"]


@click.group("suites", help=t("cli.suites.help"))
def command() -> None:
    """Inspect the built-in suites and validate suite files."""


@command.command("list", help=t("cli.suites.list.help"))
def list_() -> None:
    """List built-in suites with their item counts and digests."""
    for name in builtin_suite_names():
        info = load_suite(name).info()
        click.echo(f"{name}\t{info.items}\t{info.digest[:16]}")


@command.command("validate", help=t("cli.suites.validate.help"))
@click.argument("path")
def validate(path: str) -> None:
    """Load PATH (a .yaml/.jsonl suite) and report the first problem, if any."""
    info = load_suite(path).info()
    click.echo(t("suites.ok", name=info.name, items=info.items, digest=info.digest))
