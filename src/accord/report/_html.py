"""The HTML report: one self-contained file (inline CSS and SVG, a few lines of inline script
for the language switch), carrying English and Chinese text side by side."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from accord.i18n import current_lang, t
from accord.report._build import category_name, is_hazardous
from accord.report._charts import Row, Series, diverging, dot_whisker, gauge, pts
from accord.report._model import Bilingual, Example, Rate, RedLine, ReportData

if TYPE_CHECKING:
    import jinja2

    from accord.report._compare import CompareData

__all__ = ["SECTIONS", "render_compare_html", "render_html"]

TEMPLATES = Path(__file__).parent / "templates"

#: (element id, message key) of every section, in page order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "report.s.summary"),
    ("red-lines", "report.s.red_lines"),
    ("frameworks", "report.s.frameworks"),
    ("categories", "report.s.categories"),
    ("tradeoff", "report.s.tradeoff"),
    ("fairness", "report.s.fairness"),
    ("privacy-security", "report.s.privacy_security"),
    ("capability", "report.s.capability"),
    ("calibration", "report.s.calibration"),
    ("coverage", "report.s.coverage"),
    ("verify", "report.s.verify"),
    ("examples", "report.s.examples"),
)


def _both(en: str, zh: str) -> Markup:
    if en == zh:
        return Markup("{}").format(en)
    return Markup('<span class="l-en" lang="en">{}</span><span class="l-zh" lang="zh-CN">{}</span>').format(en, zh)


def tr(key: str, **params: Any) -> Markup:
    """A message in both languages, each in its own span; the page shows one."""
    return _both(t(key, in_lang="en", **params), t(key, in_lang="zh", **params))


def bil(text: Bilingual) -> Markup:
    return _both(text.en, text.zh)


def pct(v: float | None) -> str:
    if v is None:
        return "–"
    p = 100 * v
    return f"{p:.1f}%" if 0 < p < 1 or 99 < p < 100 else f"{p:.0f}%"


def fmt_p(p: float) -> str:
    """``< 0.001`` or ``= 0.034``: written after a "p"."""
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


def mval(metric: str | None, x: float | None) -> str:
    """A metric's value: a rate as a percentage, a bias score as a signed decimal, a declared
    figure (training compute) as a number."""
    if x is None:
        return "–"
    kind = metric_kind(metric)
    if kind in ("bias_ambiguous", "bias_disambiguated"):
        return f"{x:+.2f}"
    if kind == "declared":
        return f"{x:.3g}"
    return pct(x)


def metric_kind(metric: str | None) -> str | None:
    try:
        from accord.frameworks import METRICS
    except ImportError:
        return None
    spec = METRICS.get(metric or "")
    return spec.kind if spec is not None else None


def threshold(value: float, direction: str | None, origin: str | None, metric: str | None = None) -> Markup:
    """``≤ 5%``, marked when Accord chose the number because the framework gives none."""
    op = {"max": "≤", "min": "≥"}.get(direction or "", "")
    text = Markup("{} {}").format(op, mval(metric, value)).strip()
    if origin == "accord_default":
        return Markup('{} <span class="note">{}</span>').format(text, tr("report.threshold.accord_default"))
    return Markup(text)


def grade(name: str) -> Markup:
    """An AILuminate grade name (Poor .. Excellent) in both languages."""
    key = "report.grade." + name.replace(" ", "_")
    if t(key, in_lang="en") == key:  # a grade name this catalogue does not know
        return Markup("{}").format(name)
    return tr(key)


def pnum(p: float) -> str:
    return "<0.001" if p < 0.001 else f"{p:.3f}"


@cache
def _env() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals.update(
        tr=tr,
        bil=bil,
        pct=pct,
        fmt_p=fmt_p,
        pnum=pnum,
        threshold=threshold,
        mval=mval,
        grade=grade,
        pts=pts,
        t_en=lambda key, **p: t(key, in_lang="en", **p),
        category_name=category_name,
        hazardous=lambda e: is_hazardous(e.category, e.expect),
    )
    return env


def _lang_series(langs: list[str]) -> list[Series]:
    return [Series(lg, Bilingual(en=t(f"report.lang.{lg}", in_lang="en"), zh=t(f"report.lang.{lg}", in_lang="zh"))) for lg in langs]


def _label(cat: str | None, name: Bilingual) -> Bilingual:
    if not cat:
        return name
    return Bilingual(en=f"{cat} {name.en}", zh=f"{cat} {name.zh}")


def _bi(key: str, **params: Any) -> Bilingual:
    return Bilingual(en=t(key, in_lang="en", **params), zh=t(key, in_lang="zh", **params))


def _charts(r: ReportData, langs: list[str]) -> dict[str, Markup]:
    charts: dict[str, Markup] = {}
    rows = []
    for row in r.categories:
        metric = row.gap.metric if row.gap else ("unsafe" if any(v.unsafe.n for v in row.by_lang.values()) else "failed")
        note = pts(row.gap.difference) if row.gap else ""
        rows.append(
            Row(
                label=_label(row.category, row.name),
                values={lg: getattr(v, metric) for lg, v in row.by_lang.items()},
                highlight=bool(row.gap and row.gap.large),
                note=("⚠ " + note) if row.gap and row.gap.large else note,
                key=row.category or "",
            )
        )
    charts["categories"] = dot_whisker(rows, _lang_series(langs), chart_id="chart-categories", title=_bi("report.s.categories"))
    trade_series = [Series("harm_refusal", _bi("report.col.harm_refusal")), Series("over_refusal", _bi("report.col.over_refusal"))]
    charts["tradeoff"] = dot_whisker(
        [Row(label=_label(x.category, x.name), values={"harm_refusal": x.harm_refusal, "over_refusal": x.over_refusal}, key=x.category or "all") for x in r.tradeoff],
        trade_series,
        chart_id="chart-tradeoff",
        title=_bi("report.s.tradeoff"),
    )
    for name, attack_rows in (("privacy", r.privacy), ("security", r.security)):
        grouped: dict[str, dict[str, Rate]] = defaultdict(dict)
        for a in attack_rows:
            grouped[a.attack][a.lang or "all"] = a.failure
        keys = [*langs, "all"]
        series = [*_lang_series(langs), Series("all", _bi("report.all_langs"))]
        charts[name] = dot_whisker(
            [Row(label=Bilingual(en=k, zh=k), values={s: v[s] for s in keys if s in v}, key=k) for k, v in grouped.items()],
            series,
            chart_id=f"chart-{name}",
            title=_bi(f"report.ps.{name}"),
        )
    cap_rows = []
    all_acc = {c.lang: c.accuracy for c in r.capability.rows if c.group == "all"}
    for lg in sorted(set(all_acc) | set(r.capability.safety_by_lang), key=lambda x: x or ""):
        values = {}
        if lg in all_acc:
            values["capability"] = all_acc[lg]
        if lg in r.capability.safety_by_lang:
            values["safety"] = r.capability.safety_by_lang[lg]
        cap_rows.append(Row(label=_bi(f"report.lang.{lg}") if lg in ("en", "zh") else Bilingual(en=str(lg), zh=str(lg)), values=values, key=str(lg)))
    charts["capability"] = dot_whisker(
        cap_rows,
        [Series("capability", _bi("report.col.accuracy")), Series("safety", _bi("report.col.harm_refusal"))],
        chart_id="chart-capability",
        title=_bi("report.s.capability"),
    )
    charts["bias"] = diverging(
        [
            (Bilingual(en=f"{b.attribute} · {b.lang or ''} · {b.context or ''}", zh=f"{b.attribute} · {b.lang or ''} · {b.context or ''}"), b.score, b.attribute)
            for b in r.fairness.bias
        ],
        chart_id="chart-bias",
        title=_bi("report.fair.bias"),
    )
    disp: dict[str, dict[str, Rate]] = defaultdict(dict)
    for d in r.fairness.disparities:
        disp[d.attribute][d.lang or "all"] = d.rate
    charts["disparity"] = dot_whisker(
        [Row(label=Bilingual(en=k, zh=k), values=v, key=k) for k, v in disp.items()],
        [*_lang_series(langs), Series("all", _bi("report.all_langs"))],
        chart_id="chart-disparity",
        title=_bi("report.fair.disparity"),
    )
    return charts


def _gauge(rl: RedLine) -> Markup:
    """The control's own value, interval and threshold when a framework judged the red line;
    else the run's unsafe rate on it, without a threshold."""
    if rl.observed is not None:
        rate = Rate(k=rl.k or 0, n=rl.n or 0, value=rl.observed, low=rl.low, high=rl.high)
        return gauge(rate, rl.threshold, key=rl.category, verdict=rl.verdict)
    return gauge(rl.unsafe, None, key=rl.category, verdict=rl.verdict)


def render_html(report: ReportData, *, lang: str | None = None) -> str:
    """The report as one HTML page that opens offline; ``lang`` is the language shown first
    (the page switches between English and Chinese without reloading)."""
    lang = lang or current_lang()
    langs = list(report.counts.langs)
    by_cat: dict[str | None, list[Example]] = defaultdict(list)
    for e in report.examples:
        by_cat[e.category].append(e)
    flagged = [row for row in report.categories if row.gap is not None and row.gap.large]
    sections = [s for s in SECTIONS if s[0] != "frameworks" or report.frameworks.available]
    attack_tables = []
    for area, attack_rows in (("privacy", report.privacy), ("security", report.security)):
        grouped: dict[str, dict[str, Rate]] = defaultdict(dict)
        for a in attack_rows:
            grouped[a.attack][a.lang or "all"] = a.failure
        attack_tables.append((area, list(grouped.items())))
    html = _env().get_template("report.html.j2").render(
        r=report,
        lang=lang,
        langs=langs,
        css=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        charts=_charts(report, langs),
        gauges={rl.category: _gauge(rl) for rl in report.red_lines},
        flagged_gaps=flagged,
        attack_tables=attack_tables,
        sections=sections,
        examples_by_category=sorted(by_cat.items(), key=lambda kv: (kv[0] is None, kv[0] or "")),
    )
    return str(html)


def render_compare_html(data: CompareData, *, lang: str | None = None) -> str:
    """The comparison as one self-contained HTML page (English/Chinese switch in the page)."""
    labels = {run.key: run.label for run in data.runs}
    series = [Series(run.key, Bilingual(en=run.label, zh=run.label)) for run in data.runs]
    rows = [
        Row(label=_label(row.category, row.name), values=dict(row.rates), key=row.category or "")
        for row in data.categories
    ]
    chart = dot_whisker(rows, series, chart_id="chart-compare", title=_bi("compare.s.categories"))
    names = {row.category: row.name for row in data.categories}
    html = _env().get_template("compare.html.j2").render(
        c=data,
        lang=lang or current_lang(),
        css=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        chart=chart,
        labels=labels,
        names=names,
        tests_sorted=sorted(data.tests, key=lambda x: (not x.significant, x.p_adjusted, x.category or "")),
    )
    return str(html)
