"""Entry point: a click group whose commands are imported only when used."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from accord import __version__
from accord.errors import AccordError
from accord.i18n import set_lang, t

__all__ = ["cli", "main"]

def _discover() -> dict[str, str]:
    """command name -> module: every public module of accord.cli except this one defines
    ``command`` (a module ``foo_bar.py`` is the command ``foo-bar``). Found without importing."""
    import pkgutil
    from pathlib import Path

    names = (m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]))
    return {n.replace("_", "-"): n for n in names if not n.startswith("_") and n != "main"}


COMMANDS = _discover()


class LazyGroup(click.Group):
    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.help = t("cli.help")  # rendered late, after --lang is known
        super().format_help_text(ctx, formatter)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        mod = COMMANDS.get(cmd_name)
        if mod is None:
            return None
        module = importlib.import_module(f"accord.cli.{mod}")
        command: click.Command = module.command
        return command


@click.group(cls=LazyGroup, help=t("cli.help"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="accord")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, envvar="ACCORD_LANG", help=t("cli.opt.lang"))
def cli(lang: str | None) -> None:
    """Accord: assess AI models against shared red lines and AI standards."""
    set_lang(lang)


def _prescan_lang(args: list[str]) -> None:
    """Honour --lang before any help text or error is rendered."""
    for i, a in enumerate(args):
        if a == "--":
            return
        value = a.partition("=")[2] if a.startswith("--lang=") else (args[i + 1] if a == "--lang" and i + 1 < len(args) else None)
        if value in ("en", "zh"):
            set_lang(value)
            return


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI; Accord errors become one line on stderr and a non-zero exit."""
    args = list(sys.argv[1:] if argv is None else argv)
    _prescan_lang(args)
    try:
        return cli.main(args=args, prog_name="accord", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except AccordError as e:
        click.echo(t("error.prefix", message=str(e)), err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
