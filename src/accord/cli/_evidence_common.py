"""Options shared by ``accord verify`` and ``accord audit``: which keys are trusted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from accord.i18n import t

if TYPE_CHECKING:
    from accord.evidence import PublicKey

__all__ = ["trust_options", "trusted_keys"]

F = TypeVar("F", bound=Callable[..., Any])


def trust_options(f: F) -> F:
    f = click.option(
        "--trusted-keys",
        "trusted_dir",
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        default=None,
        help=t("cli.evidence.opt.trusted_keys"),
    )(f)
    f = click.option(
        "--key",
        "key_files",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        multiple=True,
        help=t("cli.evidence.opt.key"),
    )(f)
    return f


def trusted_keys(key_files: tuple[Path, ...], trusted_dir: Path | None) -> list[PublicKey] | None:
    """The keys named on the command line; None: the local key store's."""
    from accord.errors import UsageError
    from accord.evidence import load_public_key_file

    if not key_files and trusted_dir is None:
        return None
    keys = [load_public_key_file(p) for p in key_files]
    if trusted_dir is not None:
        files = sorted(p for p in trusted_dir.iterdir() if p.suffix in (".pub", ".pem") and p.is_file())
        if not files:
            raise UsageError(t("cli.verify.no_keys_in_dir", path=trusted_dir))
        keys += [load_public_key_file(p) for p in files]
    return keys
