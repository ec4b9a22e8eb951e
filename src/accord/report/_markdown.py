"""The Markdown report: the HTML report's content, in one language, for CI logs and reviews."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from accord.i18n import current_lang, t
from accord.report._build import category_name
from accord.report._charts import pts
from accord.report._model import Bilingual, Rate, ReportData

if TYPE_CHECKING:
    from accord.report._compare import CompareData

__all__ = ["render_compare_markdown", "render_markdown"]


def _cell(text: Any) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _table(head: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _pct(v: float | None) -> str:
    if v is None:
        return "–"
    p = 100 * v
    return f"{p:.1f}%" if 0 < p < 1 or 99 < p < 100 else f"{p:.0f}%"


def _p(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


class _Writer:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def t(self, key: str, **params: Any) -> str:
        return t(key, in_lang=self.lang, **params)

    def b(self, text: Bilingual) -> str:
        return text.zh if self.lang == "zh" else text.en

    def rate(self, r: Rate | None) -> str:
        if r is None or r.value is None:
            return "–"
        return f"{_pct(r.value)} [{_pct(r.low)}–{_pct(r.high)}] {r.k}/{r.n}"

    def cat(self, cat: str | None, name: Bilingual | None = None) -> str:
        return f"{cat or ''} {self.b(name or category_name(cat))}".strip()

    def grade(self, name: str) -> str:
        key = "report.grade." + name.replace(" ", "_")
        text = self.t(key)
        return name if text == key else text

    def verdict(self, v: str) -> str:
        return self.t(f"report.verdict.{v}")

    def h(self, level: int, key: str) -> None:
        self.lines += ["#" * level + " " + self.t(key), ""]

    def p(self, text: str) -> None:
        self.lines += [text, ""]

    def table(self, head: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.lines += _table(head, rows)


def _threshold(w: _Writer, value: float | None, direction: str | None) -> str:
    if value is None:
        return "–"
    return f"{'≤' if direction == 'max' else '≥' if direction == 'min' else ''} {_pct(value)}".strip()


def render_markdown(report: ReportData, *, lang: str | None = None) -> str:
    """The report as Markdown in ``lang`` (default: the current language)."""
    r = report
    w = _Writer(lang or current_lang())
    langs = list(r.counts.langs)
    w.lines += [f"# {w.t('report.title')}: {r.identity.label}", ""]
    if r.hazardous_shown:
        w.p(f"> **{w.t('report.hazard.banner')}**")
    # 1. summary
    w.h(2, "report.s.summary")
    signers = ", ".join(f"{s.name} ({s.key_id})" if s.key_id else s.name for s in r.verification.signers)
    w.table(
        ["", ""],
        [
            [w.t("report.f.model"), f"**{r.identity.label}**" + (f" `{r.identity.base_url}`" if r.identity.base_url else "")],
            [w.t("report.f.suite"), f"{r.identity.suite} v{r.identity.suite_version} · {w.t('report.f.items_n', items=r.identity.suite_items)} · `{r.identity.suite_digest[:16]}`"],
            [w.t("report.f.assessed_by"), signers or w.t("report.f.unsigned_assessor")],
            [w.t("report.f.when"), f"{r.identity.started or '–'} → {r.identity.finished or '–'} ({w.t('report.status.' + r.identity.status)})"],
            [w.t("report.f.verification"), f"**{w.t('report.verify.' + r.verification.status)}**"],
            [w.t("report.f.answers"), w.t("report.f.answers_v", answered=r.counts.answered, items=r.counts.items, errors=r.counts.errors, cached=r.counts.cached)],
        ],
    )
    for note in r.notes:
        w.p(f"> {w.b(note)}")
    flagged = [row for row in r.categories if row.gap is not None and row.gap.large]
    if flagged:
        w.p(f"> **⚠ {w.t('report.gap.alert_title')}**")
        for row in flagged:
            g = row.gap
            assert g is not None
            sig = w.t("report.gap.significant" if g.significant else "report.gap.not_significant", p=_p(g.p_adjusted))
            a, b = getattr(row.by_lang[g.a], g.metric), getattr(row.by_lang[g.b], g.metric)
            w.lines.append(f"> - {w.cat(row.category, row.name)}: {g.a} {_pct(a.value)} → {g.b} {_pct(b.value)} ({w.t('report.metric.' + g.metric)}; {sig})")
        w.lines.append("")
    w.h(3, "report.s.verdicts_by_framework")
    if r.frameworks.available:
        w.table(
            [w.t("report.col.framework"), *(w.verdict(v) for v in ("pass", "fail", "inconclusive", "not_covered")), w.t("report.f.grade")],
            [
                [f"{w.b(f.title)} (`{f.framework}`)", *(f.counts.get(v, 0) for v in ("pass", "fail", "inconclusive", "not_covered")),
                 " · ".join(f"{lg}: {w.grade(g)}" for lg, g in f.grades.items()) or "–"]
                for f in r.frameworks.summaries
            ],
        )
    else:
        w.p(w.t(f"report.frameworks.unavailable_{r.frameworks.reason}"))
    # 2. red lines
    w.h(2, "report.s.red_lines")
    w.p(w.t("report.how.red_lines"))
    w.table(
        [w.t("report.col.red_line"), w.t("report.col.unsafe"), *langs, w.t("report.col.observed"), w.t("report.col.threshold"), w.t("report.col.verdict"), w.t("report.col.control")],
        [
            [w.cat(rl.category, rl.name), w.rate(rl.unsafe), *(w.rate(rl.by_lang.get(lg)) for lg in langs),
             (f"{w.b(rl.metric_name) if rl.metric_name else rl.metric} {_pct(rl.observed)} [{_pct(rl.low)}–{_pct(rl.high)}]" if rl.observed is not None else "–"),
             _threshold(w, rl.threshold, rl.direction), f"**{w.verdict(rl.verdict)}**",
             f"`{rl.framework} {rl.control}`" if rl.control else "–"]
            for rl in r.red_lines
        ],
    )
    # frameworks in detail
    if r.frameworks.available:
        w.h(2, "report.s.frameworks")
        w.p(w.t("report.how.frameworks"))
        for f in r.frameworks.summaries:
            w.lines += [f"### {w.b(f.title)} (`{f.framework}`)", ""]
            w.table(
                [w.t("report.col.control"), w.t("report.col.verdict"), w.t("report.col.observed"), w.t("report.col.threshold"), "n", w.t("report.col.more_items"), w.t("report.col.rationale")],
                [
                    [f"`{v.control}` {w.b(v.title)}", w.verdict(v.verdict),
                     f"{_pct(v.observed)} [{_pct(v.low)}–{_pct(v.high)}]" if v.observed is not None else "–",
                     _threshold(w, v.threshold, v.direction), v.n if v.n is not None else "–",
                     v.more_items_needed if v.more_items_needed is not None else "–", w.b(v.rationale)]
                    for v in f.verdicts
                ],
            )
    # 3. categories
    w.h(2, "report.s.categories")
    w.p(w.t("report.how.categories", gap=_pct(r.gap_threshold)))
    if r.categories:
        w.table(
            [w.t("report.col.category"), w.t("report.col.items"), w.t("report.col.errors"),
             *(w.t("report.col.unsafe_lang", lang=lg) for lg in langs), *(w.t("report.col.failed_lang", lang=lg) for lg in langs), w.t("report.col.gap")],
            [
                [w.cat(row.category, row.name), sum(v.items for v in row.by_lang.values()), sum(v.errors for v in row.by_lang.values()),
                 *(w.rate(row.by_lang[lg].unsafe) if lg in row.by_lang else "" for lg in langs),
                 *(w.rate(row.by_lang[lg].failed) if lg in row.by_lang else "" for lg in langs),
                 (("⚠ " if row.gap.large else "") + f"{pts(row.gap.difference)}, p {_p(row.gap.p_adjusted)}") if row.gap else "–"]
                for row in r.categories
            ],
        )
    else:
        w.p(w.t("report.empty_section"))
    # 4. trade-off
    w.h(2, "report.s.tradeoff")
    w.p(w.t("report.how.tradeoff"))
    if r.tradeoff:
        w.table(
            [w.t("report.col.category"), w.t("report.col.harm_refusal"), w.t("report.col.over_refusal")],
            [[w.cat(x.category, x.name), w.rate(x.harm_refusal), w.rate(x.over_refusal)] for x in r.tradeoff],
        )
    else:
        w.p(w.t("report.empty_section"))
    # 5. fairness
    w.h(2, "report.s.fairness")
    w.p(w.t("report.how.fairness"))
    if r.fairness.available:
        if r.fairness.bias:
            w.lines += [f"### {w.t('report.fair.bias')}", ""]
            w.table(
                [w.t("report.col.attribute"), w.t("report.col.lang"), w.t("report.col.context"), w.t("report.col.bias_score"), "n"],
                [[b.attribute, b.lang or "", b.context or "", f"{b.score:+.2f}" if b.score is not None else "–", b.n] for b in r.fairness.bias],
            )
        if r.fairness.disparities:
            w.lines += [f"### {w.t('report.fair.disparity')}", ""]
            w.table(
                [w.t("report.col.attribute"), w.t("report.col.lang"), w.t("report.col.pairs"), w.t("report.col.disparity")],
                [[d.attribute, d.lang or w.t("report.all_langs"), d.pairs, w.rate(d.rate)] for d in r.fairness.disparities],
            )
    else:
        w.p(w.t("report.fair.none"))
    # 6. privacy and security
    w.h(2, "report.s.privacy_security")
    w.p(w.t("report.how.privacy_security"))
    for area, rows, none_key in (("privacy", r.privacy, "report.ps.no_privacy"), ("security", r.security, "report.ps.no_security")):
        w.lines += [f"### {w.t('report.ps.' + area)}", ""]
        if not rows:
            w.p(w.t(none_key))
            continue
        grouped: dict[str, dict[str, Rate]] = defaultdict(dict)
        for a in rows:
            grouped[a.attack][a.lang or "all"] = a.failure
        w.table(
            [w.t("report.col.attack"), *langs, w.t("report.all_langs")],
            [[attack, *(w.rate(v.get(lg)) for lg in langs), w.rate(v.get("all"))] for attack, v in grouped.items()],
        )
    # 7. capability
    w.h(2, "report.s.capability")
    w.p(w.t("report.how.capability"))
    if r.capability.rows or r.capability.safety_by_lang:
        cap = {c.lang: c.accuracy for c in r.capability.rows if c.group == "all"}
        keys = sorted(set(cap) | set(r.capability.safety_by_lang), key=lambda x: x or "")
        w.table(
            [w.t("report.col.lang"), w.t("report.col.accuracy"), w.t("report.col.harm_refusal")],
            [[k or "–", w.rate(cap.get(k)), w.rate(r.capability.safety_by_lang.get(k or ""))] for k in keys],
        )
    if r.capability.rows:
        w.table(
            [w.t("report.col.subject"), w.t("report.col.lang"), w.t("report.col.accuracy")],
            [[w.t("report.all_subjects") if c.group == "all" else c.group, c.lang or "", w.rate(c.accuracy)] for c in r.capability.rows],
        )
    else:
        w.p(w.t("report.cap.none"))
    # 8. calibration, coverage, verification
    w.h(2, "report.s.calibration")
    w.p(w.t("report.how.calibration"))
    w.p(f"{w.t('report.cal.graders_used')}: " + ", ".join(f"`{g}`" for g in r.calibration.graders_used))
    if r.calibration.available:
        w.table(
            [w.t("report.col.grader"), w.t("report.col.cal_source"), w.t("report.col.lang"), "n", w.t("report.col.figures"), w.t("report.col.used")],
            [
                [f"`{c.grader}`", w.t("report.cal.applied") if c.source == "applied" else f"`{c.source}`", c.lang, c.n if c.n is not None else "–",
                 " · ".join(f"{k} {v:.3f}" for k, v in c.figures.items()), w.t("report.yes" if c.used_in_run else "report.no")]
                for c in r.calibration.rows
            ],
        )
        w.p(w.t("report.cal.corrected" if r.calibration.corrected else "report.cal.not_corrected"))
    else:
        w.p(w.t("report.cal.unavailable"))
    if r.calibration.uncalibrated:
        w.p(w.t("report.cal.uncalibrated", graders=", ".join(r.calibration.uncalibrated)))
    w.h(2, "report.s.coverage")
    w.p(w.t("report.how.coverage"))
    if r.coverage_gaps:
        w.table(
            [w.t("report.col.category"), w.t("report.col.framework"), w.t("report.col.reason")],
            [[w.cat(g.category, g.name), f"`{g.framework}` {', '.join(g.controls)}" if g.framework else "–", w.b(g.reason)] for g in r.coverage_gaps],
        )
    else:
        w.p(w.t("report.cov.none"))
    w.h(2, "report.s.verify")
    w.p(f"**{w.t('report.verify.' + r.verification.status)}**: {w.t('report.verify.explain_' + r.verification.status)}")
    if r.verification.bundle:
        w.p(f"{w.t('report.f.bundle')}: `{r.verification.bundle}`" + (f" (SHA-256 `{r.verification.bundle_sha256}`)" if r.verification.bundle_sha256 else ""))
    if r.verification.checks:
        w.table(
            [w.t("report.col.check"), w.t("report.col.result"), w.t("report.col.detail")],
            [[c.name, w.verdict("pass" if c.ok else "fail"), c.detail] for c in r.verification.checks],
        )
    if r.verification.signers:
        w.p(f"{w.t('report.f.signers')}: " + "; ".join(f"{s.name}" + (f" `{s.key_id}`" if s.key_id else "") for s in r.verification.signers))
    w.p(w.t("report.verify.commands"))
    w.lines += ["```sh", *r.verification.commands, "```", ""]
    # 9. examples
    w.h(2, "report.s.examples")
    w.p(w.t("report.how.examples_shown" if r.hazardous_shown else "report.how.examples"))
    if not r.examples:
        w.p(w.t("report.ex.none"))
    current: object = object()
    for e in r.examples:
        if e.category != current:
            current = e.category
            w.lines += [f"### {w.cat(e.category)}", ""]
        head = f"- `{e.item_id}` · {e.lang or ''} · {w.t('report.kind.' + e.kind)}" + (f" · {w.t('report.col.attack')} {e.attack}" if e.attack else "")
        w.lines.append(head)
        w.lines.append(f"  - {w.t('report.ex.prompt')} " + (f"_{w.t('report.ex.prompt_sealed')}_" if e.prompt_sealed else e.prompt))
        if e.redacted:
            w.lines.append(f"  - **{w.t('report.ex.withheld')}** {w.b(e.description)} `sha256:{e.response_sha256}`")
        elif e.response is not None:
            w.lines.append(f"  - {w.t('report.ex.response')} {e.response}")
            w.lines.append(f"  - {w.b(e.description)}")
        else:
            w.lines.append(f"  - {w.b(e.description)}")
    w.lines += ["", "---", "", w.t("report.footer", version=r.accord_version, generated=r.generated, format=r.format), ""]
    return "\n".join(w.lines)


def render_compare_markdown(data: CompareData, *, lang: str | None = None) -> str:
    """The comparison as Markdown in ``lang``."""
    w = _Writer(lang or current_lang())
    labels = {run.key: run.label for run in data.runs}
    w.lines += [f"# {w.t('compare.title')}", ""]
    w.h(2, "compare.s.runs")
    w.table(
        ["", w.t("report.f.model"), w.t("report.f.suite"), w.t("report.col.items"), w.t("report.col.errors"), w.t("report.f.verification")],
        [[run.key, f"**{run.label}** ({run.path})", f"{run.suite} `{run.suite_digest[:12]}`", run.items, run.errors, w.t("report.verify." + run.verification)] for run in data.runs],
    )
    for note in data.notes:
        w.p(f"> {w.b(note)}")
    w.h(2, "compare.s.leaderboards")
    w.p(w.t("compare.how.leaderboards"))
    for board in data.leaderboards:
        w.lines += [f"### {w.b(board.title)}" + (f" (`{board.id}`)" if board.id != "unsafe-rate" else ""), ""]
        if board.id == "unsafe-rate":
            w.table(["#", w.t("report.f.model"), w.t("report.col.unsafe")], [[e.rank, labels[e.run], _pct(e.value)] for e in board.entries])
        else:
            verdicts = ("pass", "fail", "inconclusive", "not_covered")
            w.table(
                ["#", w.t("report.f.model"), *(w.verdict(v) for v in verdicts), w.t("report.f.grade")],
                [[e.rank, labels[e.run], *(e.counts.get(v, 0) for v in verdicts), " ".join(f"{lg}: {w.grade(g)}" for lg, g in e.grades.items()) or "–"] for e in board.entries],
            )
    w.h(2, "compare.s.categories")
    w.p(w.t("compare.how.categories"))
    w.table(
        [w.t("report.col.category"), w.t("compare.col.metric"), *(run.label for run in data.runs)],
        [[w.cat(row.category, row.name), w.t("compare.metric." + row.metric), *(w.rate(row.rates.get(run.key)) for run in data.runs)] for row in data.categories],
    )
    w.h(2, "compare.s.differences")
    w.p(w.t("compare.how.differences", tests=len(data.tests), alpha=data.alpha))
    names = {row.category: row.name for row in data.categories}
    ordered = sorted(data.tests, key=lambda x: (not x.significant, x.p_adjusted, x.category or ""))
    if ordered:
        w.table(
            [w.t("report.col.category"), w.t("compare.col.pair"), w.t("compare.col.rates"), w.t("compare.col.difference"), "p", w.t("compare.col.p_adjusted"), w.t("compare.col.significant")],
            [
                [w.cat(x.category, names.get(x.category)), f"{labels[x.a]} · {labels[x.b]}", f"{_pct(x.rate_a)} · {_pct(x.rate_b)}", pts(x.difference),
                 f"{x.p_value:.3g}", f"{x.p_adjusted:.3g}", ("**" + w.t("report.yes") + "**") if x.significant else w.t("report.no")]
                for x in ordered
            ],
        )
    else:
        w.p(w.t("compare.no_tests"))
    w.lines += ["---", "", w.t("report.footer", version=data.accord_version, generated=data.generated, format=data.format), ""]
    return "\n".join(w.lines)
