"""``accord verify``: check an evidence bundle (or one record's inclusion proof) offline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accord.cli._evidence_common import trust_options, trusted_keys
from accord.i18n import t

__all__ = ["command", "print_report"]


def _is_proof(path: Path) -> bool:
    if not path.is_file():
        return False
    with path.open("rb") as f:
        head = f.read(64).lstrip()
    return head.startswith(b"{")


def print_report(report: object, fmt: str) -> None:
    """Every check, held or not, then the signers and the verdict."""
    import orjson

    from accord.evidence import VerifyReport

    assert isinstance(report, VerifyReport)
    if fmt == "json":
        sys.stdout.buffer.write(orjson.dumps(report.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
        sys.stdout.flush()
        return
    for c in report.checks:
        mark = "✓" if c.ok else "✗"
        click.echo(f"{mark} {c.message}")
        for d in c.details:
            click.echo(f"    - {d}")
    if report.signers:
        click.echo(t("evidence.msg.verify.signers"))
        for s in report.signers:
            state = t("evidence.msg.verify.signer_trusted") if s.trusted and s.valid else t("evidence.msg.verify.signer_untrusted") if s.valid else t("evidence.msg.verify.signer_invalid")
            click.echo(f"  {s.name:<16} {state:<10} {s.fingerprint}")
    if report.proof is not None:
        p = report.proof
        click.echo(t("evidence.msg.verify.proof_header", id=p.item_id, index=p.leaf_index, size=p.tree_size))
        click.echo(f"  leaf   {p.leaf_hash}")
        for h in p.path:
            click.echo(f"  path   {h}")
        click.echo(f"  root   {p.merkle_root}")
    failed = sum(not c.ok for c in report.checks)
    if report.ok:
        click.echo(t("evidence.msg.verify.verdict_ok", n=len(report.checks)))
    else:
        click.echo(t("evidence.msg.verify.verdict_fail", failed=failed, n=len(report.checks)))


@click.command("verify", help=t("cli.verify.help"))
@click.argument("bundle", type=click.Path(path_type=Path, exists=True))
@trust_options
@click.option("--record", "record", default=None, metavar="ITEM_ID", help=t("cli.verify.opt.record"))
@click.option("--proof-out", type=click.Path(path_type=Path, dir_okay=False), default=None, help=t("cli.verify.opt.proof_out"))
@click.option("--reveal", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.verify.opt.reveal"))
@click.option("--workers", type=click.IntRange(min=1), default=None, help=t("cli.verify.opt.workers"))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help=t("cli.evidence.opt.format"))
def command(
    bundle: Path,
    key_files: tuple[Path, ...],
    trusted_dir: Path | None,
    record: str | None,
    proof_out: Path | None,
    reveal: Path | None,
    workers: int | None,
    fmt: str,
) -> None:
    """Verify BUNDLE; exit 0 only when every check holds."""
    import orjson
    from pydantic import ValidationError

    from accord.errors import UsageError
    from accord.evidence import InclusionProof, verify_bundle, verify_proof

    keys = trusted_keys(key_files, trusted_dir)
    if _is_proof(bundle):
        try:
            proof = InclusionProof.model_validate_json(bundle.read_bytes())
        except ValidationError as e:
            raise UsageError(t("cli.verify.bad_proof", path=bundle, reason=str(e.errors()[0]["msg"]))) from None
        report = verify_proof(proof, trusted=keys)
    else:
        if proof_out is not None and record is None:
            raise UsageError(t("cli.verify.proof_out_needs_record"))
        report = verify_bundle(bundle, trusted=keys, record=record, reveal=reveal, workers=workers)
        if proof_out is not None and report.proof is not None:
            proof_out.write_bytes(orjson.dumps(report.proof.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
            click.echo(t("evidence.msg.verify.proof_written", path=proof_out), err=True)
    print_report(report, fmt)
    if not report.ok:
        sys.exit(1)
