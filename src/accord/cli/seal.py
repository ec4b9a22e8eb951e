"""``accord seal``: commit to a private suite without publishing its items."""

from __future__ import annotations

from pathlib import Path

import click

from accord.i18n import t

__all__ = ["command"]


@click.command("seal", help=t("cli.seal.help"))
@click.argument("suite")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True, help=t("cli.seal.opt.out"))
def command(suite: str, out: Path) -> None:
    from accord.evidence import seal_suite

    result = seal_suite(suite, out)
    c = result.commitment
    click.echo(t("evidence.msg.seal.done", path=result.path, suite=c.suite, items=c.items, root=c.merkle_root))
    for row in c.counts:
        click.echo(f"  {row.category or '-':<8} {row.lang:<3} {row.items}")
    click.echo(t("evidence.msg.seal.salts", path=result.salts_path))
