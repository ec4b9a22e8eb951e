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

#: command name -> module under accord.cli
COMMANDS = {
    "assess": "assess",
    "run": "run",
    "suites": "suites",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        mod = COMMANDS.get(cmd_name)
        if mod is None:
            return None
        module = importlib.import_module(f"accord.cli.{mod}")
        command: click.Command = module.command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="accord")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, envvar="ACCORD_LANG", help="Language of messages and tables (default: from the locale).")
def cli(lang: str | None) -> None:
    """Accord: assess AI models against shared red lines and AI standards."""
    set_lang(lang)


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI; Accord errors become one line on stderr and a non-zero exit."""
    try:
        return cli.main(args=argv, prog_name="accord", standalone_mode=False)
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
