"""``accord reveal``: publish a sealed suite's items with their salts, or check a reveal."""

from __future__ import annotations

from pathlib import Path

import click

from accord.i18n import t

__all__ = ["command"]


@click.command("reveal", help=t("cli.reveal.help"))
@click.argument("commitment", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--suite", "suite_spec", default=None, help=t("cli.reveal.opt.suite"))
@click.option("--salts", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.reveal.opt.salts"))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("cli.reveal.opt.out"))
@click.option("--check", "check", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.reveal.opt.check"))
def command(commitment: Path, suite_spec: str | None, salts: Path | None, out: Path | None, check: Path | None) -> None:
    from accord.errors import UsageError
    from accord.evidence import check_reveal, reveal_suite
    from accord.evidence._seal import load_commitment

    if check is not None:
        c = check_reveal(check, load_commitment(commitment))
        click.echo(t("evidence.msg.reveal.checked", path=check, items=c.items, root=c.merkle_root))
        return
    if suite_spec is None or out is None:
        raise UsageError(t("cli.reveal.needs_suite_out"))
    path = reveal_suite(commitment, suite_spec, out, salts_path=salts)
    click.echo(t("evidence.msg.reveal.done", path=path, commitment=commitment))
