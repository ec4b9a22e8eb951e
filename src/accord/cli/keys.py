"""``accord keys``: Ed25519 signing keys (generate, list, export, import)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accord.i18n import t

__all__ = ["command"]


@click.group("keys", help=t("cli.keys.help"))
def command() -> None:
    """Ed25519 keys that sign and verify evidence bundles."""


@command.command("generate", help=t("cli.keys.generate.help"))
@click.argument("name")
def generate(name: str) -> None:
    from accord.evidence import KeyStore

    store = KeyStore()
    pub = store.generate(name)
    click.echo(t("evidence.msg.keys.generated", name=name, path=store.private_path(name), fingerprint=pub.fingerprint))


@command.command("list", help=t("cli.keys.list.help"))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help=t("cli.evidence.opt.format"))
def list_(fmt: str) -> None:
    import orjson

    from accord.evidence import KeyStore

    store = KeyStore()
    keys = [(k, store.has_private(k.name)) for k in store.public_keys()]
    if fmt == "json":
        rows = [{"name": k.name, "keyid": k.keyid, "fingerprint": k.fingerprint, "can_sign": s} for k, s in keys]
        sys.stdout.buffer.write(orjson.dumps({"dir": str(store.root), "keys": rows}, option=orjson.OPT_INDENT_2) + b"\n")
        return
    if not keys:
        click.echo(t("evidence.msg.keys.none", path=store.root))
        return
    click.echo(t("evidence.msg.keys.list_header", path=store.root))
    for k, can_sign in keys:
        kind = t("evidence.msg.keys.kind_signing") if can_sign else t("evidence.msg.keys.kind_public")
        click.echo(f"  {k.name:<20} {kind:<12} {k.fingerprint}")


@command.command("export", help=t("cli.keys.export.help"))
@click.argument("name")
@click.option("--public", "public", is_flag=True, help=t("cli.keys.opt.public"))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("cli.keys.opt.export_out"))
def export(name: str, public: bool, out: Path | None) -> None:
    from accord.errors import UsageError
    from accord.evidence import KeyStore

    store = KeyStore()
    if public:
        pem = store.public(name).pem()
        if out is None:
            click.echo(pem, nl=False)
        else:
            out.write_text(pem, encoding="ascii")
            click.echo(t("evidence.msg.keys.exported_public", name=name, path=out), err=True)
        return
    if out is None:
        raise UsageError(t("evidence.msg.keys.private_needs_out", name=name))
    store.export_private(name, out)
    click.echo(t("evidence.msg.keys.exported_private", name=name, path=out), err=True)


@command.command("import", help=t("cli.keys.import.help"))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--name", default=None, help=t("cli.keys.opt.name"))
def import_(file: Path, name: str | None) -> None:
    from accord.evidence import KeyStore

    store = KeyStore()
    pub = store.import_file(file, name)
    key = "evidence.msg.keys.imported_signing" if store.has_private(pub.name) else "evidence.msg.keys.imported_public"
    click.echo(t(key, name=pub.name, fingerprint=pub.fingerprint, path=store.root))
