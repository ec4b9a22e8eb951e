"""``accord compare``: several runs (models) side by side, with the significance of each
difference and a leaderboard per framework."""

from __future__ import annotations

from pathlib import Path

import click

from accord.cli._reportdoc import emit
from accord.i18n import set_lang, t

__all__ = ["command"]


@click.command("compare", help=t("report.cli.compare.help"))
@click.argument("runs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--framework", "framework", multiple=True, help=t("report.cli.compare.opt.framework"))
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True, help=t("report.cli.compare.opt.format"))
@click.option("--out", "-o", "out", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("report.cli.compare.opt.out"))
@click.option("--lang", "lang", type=click.Choice(["en", "zh"]), default=None, help=t("report.cli.opt.lang"))
def command(runs: tuple[Path, ...], framework: tuple[str, ...], fmt: str, out: Path | None, lang: str | None) -> None:
    """Compare RUN... (run directories or bundles)."""
    from accord.cli.frameworks import frameworks_arg
    from accord.report import compare_runs, render_compare_html, render_compare_markdown

    if lang is not None:
        set_lang(lang)
    names = frameworks_arg(framework) if framework else None
    data = compare_runs(list(runs), frameworks=names)
    if fmt == "html":
        emit(render_compare_html(data, lang=lang), out)
    elif fmt == "md":
        emit(render_compare_markdown(data, lang=lang), out)
    else:
        emit(data.model_dump_json(indent=2) + "\n", out)
