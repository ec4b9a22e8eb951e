"""``accord audit``: re-ask a verifier-seeded sample of a bundle's items to the live model."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accord.cli._evidence_common import trust_options, trusted_keys
from accord.i18n import t

__all__ = ["command"]


@click.command("audit", help=t("cli.audit.help"))
@click.argument("bundle", type=click.Path(path_type=Path, exists=True))
@click.option("--target", "target_spec", required=True, help=t("cli.opt.target"))
@click.option("--base-url", default=None, help=t("cli.opt.base_url"))
@click.option("--api-key-env", default=None, help=t("cli.opt.api_key_env"))
@click.option("--sample", type=click.IntRange(min=1), default=50, show_default=True, help=t("cli.audit.opt.sample"))
@click.option("--seed", required=True, help=t("cli.audit.opt.seed"))
@click.option("--alpha", type=click.FloatRange(0, 1, min_open=True), default=0.05, show_default=True, help=t("cli.audit.opt.alpha"))
@click.option("--min-agreement", type=click.FloatRange(0, 1), default=0.9, show_default=True, help=t("cli.audit.opt.min_agreement"))
@click.option("--timeout", type=float, default=120.0, show_default=True, help=t("cli.opt.timeout"))
@click.option("--concurrency", type=click.IntRange(min=1), default=8, show_default=True, help=t("cli.audit.opt.concurrency"))
@click.option("--reveal", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help=t("cli.verify.opt.reveal"))
@click.option("--offline", is_flag=True, help=t("cli.opt.offline"))
@trust_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help=t("cli.evidence.opt.format"))
def command(
    bundle: Path,
    target_spec: str,
    base_url: str | None,
    api_key_env: str | None,
    sample: int,
    seed: str,
    alpha: float,
    min_agreement: float,
    timeout: float,
    concurrency: int,
    reveal: Path | None,
    offline: bool,
    key_files: tuple[Path, ...],
    trusted_dir: Path | None,
    fmt: str,
) -> None:
    """Audit BUNDLE against TARGET; exit 0 when the recorded answers are consistent with it."""
    import orjson

    from accord._net import check_endpoint, enable_offline
    from accord.evidence import audit_bundle

    if offline:
        enable_offline()
    if base_url:
        check_endpoint(base_url)
    keys = trusted_keys(key_files, trusted_dir)
    report = audit_bundle(
        bundle,
        target_spec,
        seed=seed,
        sample=sample,
        base_url=base_url,
        api_key_env=api_key_env,
        timeout=timeout,
        concurrency=concurrency,
        alpha=alpha,
        min_agreement=min_agreement,
        trusted=keys,
        reveal=reveal,
    )
    if fmt == "json":
        sys.stdout.buffer.write(orjson.dumps(report.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        click.echo(t("evidence.msg.audit.header", bundle=bundle, target=report.target, asked=report.asked, answered=report.answered, seed=seed, mode=t(f"evidence.msg.audit.mode.{report.mode}")))
        if report.text_agreement is not None:
            click.echo(t("evidence.msg.audit.agreement", text=100 * report.text_agreement, labels=100 * (report.label_agreement or 0.0)))
        click.echo(t("evidence.msg.audit.mcnemar", b=report.discordant_recorded_pass, c=report.discordant_live_pass, p=report.p_value))
        for rec_label, live in report.labels.items():
            cells = ", ".join(f"{k}: {v}" for k, v in live.items())
            click.echo(f"  {rec_label:<12} -> {cells}")
        for item in report.items:
            if item.error:
                click.echo(t("evidence.msg.audit.item_error", id=item.item_id, error=item.error))
            elif item.recorded_label != item.live_label or (report.mode == "deterministic" and not item.same_text):
                click.echo(t("evidence.msg.audit.item_differs", id=item.item_id, recorded=item.recorded_label, live=item.live_label, same=item.same_text))
        click.echo(("✓ " if report.consistent else "✗ ") + report.reason)
    if not report.consistent:
        sys.exit(1)
