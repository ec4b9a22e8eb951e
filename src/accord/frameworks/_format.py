"""Number and label formatting shared by rationales and renderers."""

from __future__ import annotations

from accord.frameworks._metrics import METRICS
from accord.i18n import t

__all__ = ["fmt_interval", "fmt_value", "metric_title", "op_symbol", "verdict_label"]


def fmt_value(metric: str | None, x: float | None) -> str:
    """A rate as a percentage, a bias score as a signed decimal, a declared figure as is."""
    if x is None:
        return "-"
    spec = METRICS.get(metric or "")
    if spec is not None and spec.kind in ("bias_ambiguous", "bias_disambiguated"):
        return f"{x:+.3f}"
    if spec is not None and spec.kind == "declared":
        return f"{x:.3g}"
    pct = 100 * x
    return f"{pct:.1f}%" if abs(pct - round(pct)) > 1e-9 else f"{pct:.0f}%"


def fmt_interval(metric: str | None, low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return ""
    return f"[{fmt_value(metric, low)}, {fmt_value(metric, high)}]"


def op_symbol(direction: str) -> str:
    return "≤" if direction == "max" else "≥"


def metric_title(metric: str | None, lang: str) -> str:
    spec = METRICS.get(metric or "")
    if spec is None:
        return metric or "-"
    return spec.zh if lang == "zh" else spec.en


def verdict_label(verdict: str, lang: str | None = None) -> str:
    return t(f"fw.verdict.{verdict}", in_lang=lang)
