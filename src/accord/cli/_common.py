"""Options and helpers shared by ``accord run`` and ``accord assess``."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import click

from accord.errors import UsageError

__all__ = ["default_out", "run_coro", "target_options"]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def target_options(f: F) -> F:
    """Generation, endpoint and engine flags."""
    opts = [
        click.option("--base-url", default=None, help="Endpoint for openai:/anthropic: targets, e.g. http://127.0.0.1:8000/v1."),
        click.option("--api-key-env", default=None, help="Environment variable holding the API key (default OPENAI_API_KEY / ANTHROPIC_API_KEY)."),
        click.option("--temperature", type=float, default=0.0, show_default=True),
        click.option("--max-tokens", type=click.IntRange(min=1), default=None, help="Longest answer in tokens (default 256; 128 for the bundled model)."),
        click.option("--seed", type=int, default=0, show_default=True),
        click.option("--top-p", type=float, default=None),
        click.option("--system-prompt", default=None, help="System prompt put before every item."),
        click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None, help="Run directory (default: runs/<target>__<suite>)."),
        click.option("--concurrency", type=click.IntRange(min=1), default=None, help="Most requests in flight (default 256 for HTTP, 8 slots for local models)."),
        click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds per request."),
        click.option("--max-attempts", type=click.IntRange(min=1), default=5, show_default=True, help="Calls per item, first included."),
        click.option("--budget", type=float, default=600.0, show_default=True, help="Seconds an item may spend, retries included."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the response cache."),
        click.option("--retry-errors", is_flag=True, help="Ask items that ended in an error again."),
        click.option("--offline", is_flag=True, help="Refuse any non-loopback connection."),
        click.option("--progress", type=click.Choice(["auto", "rich", "plain", "none"]), default="auto", show_default=True),
        click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Summary format on stdout."),
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

        return uvloop.run(factory())  # type: ignore[no-any-return]
    except ImportError:
        return asyncio.run(factory())


def check_suite_arg(value: str | None) -> str:
    if not value:
        raise UsageError("no suite given; pass --suite with a built-in name (e.g. quick) or a .yaml/.jsonl path")
    return value
