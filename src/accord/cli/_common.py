"""Options and helpers shared by ``accord run`` and ``accord assess``."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import click

from accord.errors import UsageError
from accord.i18n import t

__all__ = ["default_out", "run_coro", "target_options"]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def target_options(f: F) -> F:
    """Generation, endpoint and engine flags."""
    opts = [
        click.option("--base-url", default=None, help=t("cli.opt.base_url")),
        click.option("--api-key-env", default=None, help=t("cli.opt.api_key_env")),
        click.option("--temperature", type=float, default=0.0, show_default=True, help=t("cli.opt.temperature")),
        click.option("--max-tokens", type=click.IntRange(min=1), default=None, help=t("cli.opt.max_tokens")),
        click.option("--seed", type=int, default=0, show_default=True, help=t("cli.opt.seed")),
        click.option("--top-p", type=float, default=None, help=t("cli.opt.top_p")),
        click.option("--system-prompt", default=None, help=t("cli.opt.system_prompt")),
        click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None, help=t("cli.opt.out")),
        click.option("--concurrency", type=click.IntRange(min=1), default=None, help=t("cli.opt.concurrency")),
        click.option("--timeout", type=float, default=120.0, show_default=True, help=t("cli.opt.timeout")),
        click.option("--max-attempts", type=click.IntRange(min=1), default=5, show_default=True, help=t("cli.opt.max_attempts")),
        click.option("--budget", type=float, default=600.0, show_default=True, help=t("cli.opt.budget")),
        click.option("--no-cache", is_flag=True, help=t("cli.opt.no_cache")),
        click.option("--retry-errors", is_flag=True, help=t("cli.opt.retry_errors")),
        click.option("--offline", is_flag=True, help=t("cli.opt.offline")),
        click.option("--progress", type=click.Choice(["auto", "rich", "plain", "none"]), default="auto", show_default=True, help=t("cli.opt.progress")),
        click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help=t("cli.opt.format")),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def default_out(target: str, suite: str) -> Path:
    """A stable default run directory, so re-running a command resumes it."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{target}__{Path(suite).stem}").strip("-")
    return Path("runs") / slug


def run_coro(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run the async core on uvloop when available."""
    try:
        import uvloop

        return uvloop.run(factory())
    except ImportError:
        return asyncio.run(factory())


def check_suite_arg(value: str | None) -> str:
    if not value:
        raise UsageError(t("err.cli.no_suite"))
    return value
