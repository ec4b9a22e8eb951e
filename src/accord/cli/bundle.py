"""``accord bundle``: sign a run's evidence into one file; co-sign or unpack a bundle.

``accord bundle RUN_DIR`` is short for ``accord bundle create RUN_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accord.i18n import t

__all__ = ["command"]


class _BundleGroup(click.Group):
    """A group whose default subcommand is ``create``: ``accord bundle RUN_DIR``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["create", *args]
        return super().parse_args(ctx, args)


@click.group("bundle", cls=_BundleGroup, help=t("cli.bundle.help"))
def command() -> None:
    """Sign a run's evidence; co-sign or unpack a bundle."""


@command.command("create", help=t("cli.bundle.create.help"))
@click.argument("run_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--key", default=None, help=t("cli.bundle.opt.key"))
@click.option("--framework", "frameworks", multiple=True, help=t("cli.bundle.opt.framework"))
@click.option("--no-frameworks", is_flag=True, help=t("cli.bundle.opt.no_frameworks"))
@click.option("--out", type=click.Path(path_type=Path), default=None, help=t("cli.bundle.opt.out"))
@click.option("--suite", "suite_spec", default=None, help=t("cli.bundle.opt.suite"))
@click.option("--sealed", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.bundle.opt.sealed"))
@click.option("--salts", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.bundle.opt.salts"))
@click.option("--stored", is_flag=True, help=t("cli.bundle.opt.stored"))
@click.option("--deflate", is_flag=True, help=t("cli.bundle.opt.deflate"))
@click.option("--unpacked", is_flag=True, help=t("cli.bundle.opt.unpacked"))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help=t("cli.evidence.opt.format"))
def create(
    run_dir: Path,
    key: str | None,
    frameworks: tuple[str, ...],
    no_frameworks: bool,
    out: Path | None,
    suite_spec: str | None,
    sealed: Path | None,
    salts: Path | None,
    stored: bool,
    deflate: bool,
    unpacked: bool,
    fmt: str,
) -> None:
    import orjson

    from accord.errors import UsageError
    from accord.evidence import write_bundle

    if no_frameworks and frameworks:
        raise UsageError(t("cli.bundle.frameworks_conflict"))
    if stored and deflate:
        raise UsageError(t("cli.bundle.compression_conflict"))
    result = write_bundle(
        run_dir,
        key=key,
        frameworks=[] if no_frameworks else (list(frameworks) or None),
        out=out,
        suite=suite_spec,
        sealed=sealed,
        salts=salts,
        compression="stored" if stored else "deflate" if deflate else "auto",
        unpacked=unpacked,
    )
    if fmt == "json":
        data = {
            "path": str(result.path),
            "records": result.records,
            "merkle_root": result.merkle_root,
            "key": {"name": result.key_name, "keyid": result.keyid, "fingerprint": result.fingerprint, "created": result.key_created, "path": str(result.key_path)},
        }
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
        return
    for m in result.messages:
        click.echo(m)


@command.command("cosign", help=t("cli.bundle.cosign.help"))
@click.argument("bundle", type=click.Path(path_type=Path, exists=True))
@click.option("--key", default=None, help=t("cli.bundle.opt.key"))
def cosign(bundle: Path, key: str | None) -> None:
    from accord.evidence import cosign_bundle

    result = cosign_bundle(bundle, key=key)
    for m in result.messages:
        click.echo(m)


@command.command("unpack", help=t("cli.bundle.unpack.help"))
@click.argument("bundle", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
def unpack(bundle: Path, out_dir: Path) -> None:
    from accord.evidence import unpack_bundle

    n = unpack_bundle(bundle, out_dir)
    click.echo(t("evidence.msg.bundle.unpacked", n=n, path=out_dir))
