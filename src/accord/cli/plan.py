"""``accord plan``: items needed for decisive verdicts, against what the suites provide."""

from __future__ import annotations

import sys

import click

from accord.cli.frameworks import frameworks_arg, suites_arg
from accord.i18n import current_lang, t

__all__ = ["command"]


@click.command("plan", help=t("cli.plan.help"))
@click.option("--framework", "framework", multiple=True, help=t("cli.opt.frameworks"))
@click.option("--suite", "suite", multiple=True, help=t("cli.opt.plan_suites"))
@click.option("--languages", default="en,zh", show_default=True, help=t("cli.opt.plan_languages"))
@click.option("--assume", type=click.Choice(["halfway", "perfect"]), default="halfway", show_default=True, help=t("cli.opt.assume"))
@click.option("--assume-rate", type=float, default=None, help=t("cli.opt.assume_rate"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help=t("cli.opt.fw_format"))
def command(framework: tuple[str, ...], suite: tuple[str, ...], languages: str, assume: str, assume_rate: float | None, fmt: str) -> None:
    from accord.errors import UsageError
    from accord.frameworks import load_framework, plan, render_plan

    langs = [x.strip() for x in languages.split(",") if x.strip()]
    bad = [x for x in langs if x not in ("en", "zh")]
    if bad or not langs:
        raise UsageError(t("fw.err.languages", value=languages))
    fws = [load_framework(n) for n in frameworks_arg(framework)]
    p = plan(fws, suites_arg(suite), languages=langs, assume=assume, rate=assume_rate)  # type: ignore[arg-type]
    if fmt == "json":
        sys.stdout.write(p.model_dump_json(indent=2) + "\n")
        return
    click.echo(render_plan(p, current_lang()), nl=False)
