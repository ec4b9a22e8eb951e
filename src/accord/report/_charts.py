"""Small typed SVG charts: rates with interval whiskers, diverging bars, threshold gauges.

Every chart is inline SVG text: no script, no external font or library, readable offline
and printable. Labels come in both languages (two ``<text>`` elements, one hidden by the
page's language switch). Each data mark carries ``data-*`` attributes (series, value, k, n)
so tests and other tools can read the chart back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from accord.report._model import Bilingual, Rate

__all__ = ["PALETTE", "SERIES_COLOURS", "Row", "Series", "diverging", "dot_whisker", "gauge", "pts"]

#: Colour-blind-safe (Okabe-Ito) colours, one per series key.
SERIES_COLOURS: dict[str, str] = {
    "en": "#0072B2",
    "zh": "#D55E00",
    "all": "#555555",
    "harm_refusal": "#009E73",
    "over_refusal": "#CC79A7",
    "capability": "#56B4E9",
    "safety": "#009E73",
}
#: Colours for series without a fixed one (runs in a comparison), in order.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")
_SHAPES = ("circle", "square", "diamond", "triangle")

LABEL_W = 250
PLOT_W = 430
RIGHT_W = 120
ROW_H = 30
TOP = 34
BOTTOM = 26


@dataclass(frozen=True)
class Series:
    key: str
    name: Bilingual


@dataclass(frozen=True)
class Row:
    label: Bilingual
    values: dict[str, Rate]
    highlight: bool = False
    note: str = ""
    key: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _colour(key: str, i: int) -> str:
    return SERIES_COLOURS.get(key) or PALETTE[i % len(PALETTE)]


def _text(x: float, y: float, label: Bilingual, **attrs: str) -> str:
    extra = " ".join(f'{k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    if label.en == label.zh:
        return f'<text x="{x:.1f}" y="{y:.1f}" {extra}>{escape(label.en)}</text>'
    return (
        f'<text class="l-en" x="{x:.1f}" y="{y:.1f}" {extra}>{escape(label.en)}</text>'
        f'<text class="l-zh" x="{x:.1f}" y="{y:.1f}" {extra}>{escape(label.zh)}</text>'
    )


def _marker(shape: str, x: float, y: float, colour: str, attrs: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}" {attrs}/>'
    if shape == "diamond":
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y:.1f}L{x:.1f} {y + 6:.1f}L{x - 6:.1f} {y:.1f}Z" fill="{colour}" {attrs}/>'
    if shape == "triangle":
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y + 5:.1f}L{x - 6:.1f} {y + 5:.1f}Z" fill="{colour}" {attrs}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}" {attrs}/>'


def pts(difference: float) -> str:
    """A difference of two rates in percentage points: ``+54 pt``, ``0 pt`` (never ``-0``)."""
    return f"{round(100 * difference):+d} pt" if round(100 * difference) else "0 pt"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.0f}%"


def _legend(series: Sequence[Series], y: float) -> str:
    parts = []
    x = float(LABEL_W)
    for i, s in enumerate(series):
        parts.append(_marker(_SHAPES[i % len(_SHAPES)], x + 5, y - 4, _colour(s.key, i), 'class="legend-mark"'))
        parts.append(_text(x + 14, y, s.name, class_="legend"))
        x += 16 + 8 * max(len(s.name.en), 2 * len(s.name.zh)) + 18
    return "".join(parts)


def dot_whisker(
    rows: Sequence[Row],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: Bilingual,
    threshold: float | None = None,
) -> Markup:
    """One row per label, one marker per series at its rate, a whisker across its 95%
    interval. Rows marked ``highlight`` get a tinted band (a large language gap)."""
    n_series = max(1, len(series))
    row_h = max(ROW_H, 10 + 11 * n_series)
    height = TOP + row_h * max(1, len(rows)) + BOTTOM
    width = LABEL_W + PLOT_W + RIGHT_W
    x0, x1 = LABEL_W, LABEL_W + PLOT_W

    def sx(v: float) -> float:
        return x0 + v * (x1 - x0)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {width} {height}" width="100%" role="img" data-chart="dot-whisker" data-rows="{len(rows)}">'
    ]
    out.append(f"<title>{escape(title.en)} / {escape(title.zh)}</title>")
    out.append(_legend(series, 16))
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = sx(tick)
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - BOTTOM}"/>')
        out.append(f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="middle">{int(tick * 100)}%</text>')
    if threshold is not None:
        x = sx(threshold)
        out.append(f'<line class="threshold" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - BOTTOM}" data-threshold="{threshold}"/>')
    for r, row in enumerate(rows):
        top = TOP + r * row_h
        mid = top + row_h / 2
        if row.highlight:
            out.append(f'<rect class="highlight" x="0" y="{top:.1f}" width="{width}" height="{row_h}" data-key="{escape(row.key)}"/>')
        elif r % 2:
            out.append(f'<rect class="band" x="0" y="{top:.1f}" width="{width}" height="{row_h}"/>')
        out.append(_text(6, mid + 4, row.label, class_="rowlabel"))
        if row.note:
            out.append(f'<text class="rownote" x="{x1 + 8}" y="{mid + 4:.1f}">{escape(row.note)}</text>')
        for i, s in enumerate(series):
            rate = row.values.get(s.key)
            offset = (i - (n_series - 1) / 2) * 10
            y = mid + offset
            colour = _colour(s.key, i)
            if rate is None or rate.value is None:
                continue  # nothing measured: no mark (the tables say "–")
            lo = rate.low if rate.low is not None else rate.value
            hi = rate.high if rate.high is not None else rate.value
            out.append(f'<line class="whisker" x1="{sx(lo):.1f}" y1="{y:.1f}" x2="{sx(hi):.1f}" y2="{y:.1f}" stroke="{colour}"/>')
            tip = f"{s.name.en} {_pct(rate.value)} [{_pct(lo)}–{_pct(hi)}] ({rate.k}/{rate.n})"
            attrs = (
                f'class="mark" data-key="{escape(row.key)}" data-series="{escape(s.key)}" '
                f'data-value="{rate.value:.6f}" data-low="{lo:.6f}" data-high="{hi:.6f}" data-k="{rate.k}" data-n="{rate.n}"'
            )
            out.append(f"<g>{_marker(_SHAPES[i % len(_SHAPES)], sx(rate.value), y, colour, attrs)}<title>{escape(tip)}</title></g>")
    out.append("</svg>")
    return Markup("".join(out))


def diverging(
    rows: Sequence[tuple[Bilingual, float | None, str]],
    *,
    chart_id: str,
    title: Bilingual,
) -> Markup:
    """Bars from a centre line, for scores in [-1, 1] (bias: + towards the stereotype)."""
    height = TOP + ROW_H * max(1, len(rows)) + BOTTOM
    width = LABEL_W + PLOT_W + RIGHT_W
    x0, x1 = LABEL_W, LABEL_W + PLOT_W
    mid_x = (x0 + x1) / 2

    def sx(v: float) -> float:
        return mid_x + v * (x1 - x0) / 2

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {width} {height}" width="100%" role="img" data-chart="diverging" data-rows="{len(rows)}">',
        f"<title>{escape(title.en)} / {escape(title.zh)}</title>",
    ]
    for tick in (-1.0, -0.5, 0.0, 0.5, 1.0):
        x = sx(tick)
        out.append(f'<line class="{"axis" if tick == 0 else "grid"}" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - BOTTOM}"/>')
        out.append(f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="middle">{tick:+.1f}</text>')
    for r, (label, score, key) in enumerate(rows):
        top = TOP + r * ROW_H
        mid = top + ROW_H / 2
        if r % 2:
            out.append(f'<rect class="band" x="0" y="{top:.1f}" width="{width}" height="{ROW_H}"/>')
        out.append(_text(6, mid + 4, label, class_="rowlabel"))
        if score is None:
            out.append(f'<text class="na" x="{mid_x + 4:.1f}" y="{mid + 4:.1f}">–</text>')
            continue
        x = sx(max(-1.0, min(1.0, score)))
        left, w = min(mid_x, x), abs(x - mid_x)
        cls = "bar pos" if score > 0 else "bar neg"
        out.append(
            f'<rect class="{cls} mark" x="{left:.1f}" y="{mid - 7:.1f}" width="{max(w, 1.0):.1f}" height="14" '
            f'data-key="{escape(key)}" data-value="{score:.6f}"><title>{escape(label.en)}: {score:+.2f}</title></rect>'
        )
        out.append(f'<text class="rownote" x="{x1 + 8}" y="{mid + 4:.1f}">{score:+.2f}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def gauge(rate: Rate, threshold: float | None, *, key: str, verdict: str) -> Markup:
    """A small 0-100% bar: the rate, its interval, and the threshold as a vertical line."""
    w, h, pad = 140, 22, 4

    def sx(v: float) -> float:
        return pad + v * (w - 2 * pad)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gauge" viewBox="0 0 {w} {h}" '
        f'width="{w}" height="{h}" role="img" data-chart="gauge" data-key="{escape(key)}" data-verdict="{escape(verdict)}">',
        f'<rect class="track" x="{pad}" y="8" width="{w - 2 * pad}" height="6" rx="3"/>',
    ]
    if rate.value is not None:
        lo = rate.low if rate.low is not None else rate.value
        hi = rate.high if rate.high is not None else rate.value
        out.append(f'<rect class="interval" x="{sx(lo):.1f}" y="6" width="{max(sx(hi) - sx(lo), 1.5):.1f}" height="10" rx="2"/>')
        out.append(
            f'<circle class="mark" cx="{sx(rate.value):.1f}" cy="11" r="4.5" data-value="{rate.value:.6f}" '
            f'data-low="{lo:.6f}" data-high="{hi:.6f}" data-n="{rate.n}"/>'
        )
    if threshold is not None:
        x = sx(max(0.0, min(1.0, threshold)))
        out.append(f'<line class="threshold" x1="{x:.1f}" y1="1" x2="{x:.1f}" y2="{h - 1}" data-threshold="{threshold}"/>')
    out.append("</svg>")
    return Markup("".join(out))
