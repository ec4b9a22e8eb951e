"""``accord frameworks``: list, show, validate and crosswalk the frameworks."""

from __future__ import annotations

import sys

import click

from accord.i18n import current_lang, t

__all__ = ["command"]

FORMAT = click.Choice(["table", "json"])


def _echo_json(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def frameworks_arg(values: tuple[str, ...]) -> list[str]:
    """Names from repeated and comma-separated --framework values (default: every built-in)."""
    from accord.frameworks import builtin_framework_names

    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    return list(dict.fromkeys(names)) or builtin_framework_names()


def suites_arg(values: tuple[str, ...]) -> dict[str, list[object]]:
    """Items of the named suites (default: every built-in suite), by suite name."""
    from accord.suites import builtin_suite_names, load_suite

    names = [n.strip() for v in values for n in v.split(",") if n.strip()] or builtin_suite_names()
    out: dict[str, list[object]] = {}
    for name in dict.fromkeys(names):
        suite = load_suite(name)
        out[suite.name] = list(suite)
    return out


@click.group("frameworks", help=t("cli.frameworks.help"))
def command() -> None:
    """Frameworks: standards as code."""


@command.command("list", help=t("cli.frameworks.list.help"))
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True, help=t("cli.opt.fw_format"))
def list_(fmt: str) -> None:
    from accord.frameworks import builtin_framework_names, load_framework, render_framework_list

    fws = [load_framework(n) for n in builtin_framework_names()]
    if fmt == "json":
        import json

        _echo_json(json.dumps([fw.model_dump(mode="json", include={"id", "title", "version", "jurisdiction", "doc_type", "bindingness"}) for fw in fws], ensure_ascii=False, indent=2))
        return
    click.echo(render_framework_list(fws, current_lang()), nl=False)


@command.command("show", help=t("cli.frameworks.show.help"))
@click.argument("framework")
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True, help=t("cli.opt.fw_format"))
def show(framework: str, fmt: str) -> None:
    from accord.frameworks import load_framework, render_framework

    fw = load_framework(framework)
    if fmt == "json":
        _echo_json(fw.model_dump_json(indent=2, exclude_none=True))
        return
    click.echo(render_framework(fw, current_lang()), nl=False)


@command.command("validate", help=t("cli.frameworks.validate.help"))
@click.argument("file")
def validate(file: str) -> None:
    from accord.errors import UsageError
    from accord.frameworks import load_framework, validate_framework_file

    problems = validate_framework_file(file)
    for line in problems:
        click.echo(line)
    if problems:
        raise UsageError(t("fw.validate.failed", file=file, n=len(problems)))
    fw = load_framework(file)
    click.echo(t("fw.validate.ok", file=file, framework=fw.id, controls=len(fw.controls)))


@command.command("crosswalk", help=t("cli.frameworks.crosswalk.help"))
@click.option("--framework", "framework", multiple=True, help=t("cli.opt.frameworks"))
@click.option("--suite", "suite", multiple=True, help=t("cli.opt.plan_suites"))
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True, help=t("cli.opt.fw_format"))
def crosswalk_(framework: tuple[str, ...], suite: tuple[str, ...], fmt: str) -> None:
    from accord.frameworks import crosswalk, load_framework, render_crosswalk

    fws = [load_framework(n) for n in frameworks_arg(framework)]
    cw = crosswalk(fws, suites_arg(suite))  # type: ignore[arg-type]
    if fmt == "json":
        _echo_json(cw.model_dump_json(indent=2))
        return
    click.echo(render_crosswalk(cw, current_lang()), nl=False)
