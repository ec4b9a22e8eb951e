"""Text renderings: verdict reports, crosswalk, plan, framework listings, one-line summaries.

Every renderer takes a typed model and a language and returns a string, so a report format is
one function ``(Assessment, lang) -> str``.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence
from typing import Any

from accord.frameworks._assessment import Assessment, ControlVerdict
from accord.frameworks._crosswalk import Crosswalk
from accord.frameworks._format import (
    fmt_interval,
    fmt_value,
    metric_title,
    op_symbol,
    verdict_label,
)
from accord.frameworks._plan import Plan
from accord.frameworks._schema import Framework
from accord.i18n import t

__all__ = [
    "render_crosswalk",
    "render_framework",
    "render_framework_list",
    "render_json",
    "render_plan",
    "render_table",
    "summary_lines",
]


def _console(buf: io.StringIO) -> Any:
    from rich.console import Console

    width = max(120, shutil.get_terminal_size((140, 40)).columns)
    return Console(file=buf, width=width, force_terminal=False, color_system=None, highlight=False, soft_wrap=False, markup=False)


def _table(title: str | None = None, caption: str | None = None) -> Any:
    from rich import box
    from rich.table import Table

    return Table(title=title, caption=caption, caption_justify="left", box=box.SIMPLE_HEAD, title_justify="left")


def _grade(name: str | None, lang: str) -> str:
    if name is None:
        return "-"
    return t("fw.grade." + name.lower().replace(" ", "_"), in_lang=lang)


def summary_lines(assessment: Assessment, lang: str | None = None) -> list[str]:
    """One line per framework: verdict counts and, where the framework grades, its grade.

    Meant for the end of ``accord assess``: ``for line in summary_lines(a): echo(line)``."""
    lg = lang or _current()
    lines = []
    for s in assessment.frameworks:
        c = s.counts
        text = t(
            "fw.summary.line", in_lang=lg, framework=s.framework, title=s.title.get(lg), passed=c.get("pass", 0),
            failed=c.get("fail", 0), inconclusive=c.get("inconclusive", 0), not_covered=c.get("not_covered", 0),
        )
        overall = [g for g in s.grades if g.hazard is None and g.grade is not None]
        if overall:
            grades = ", ".join(f"{g.lang} {_grade(g.grade, lg)}" for g in overall)
            text += t("fw.summary.grade", in_lang=lg, grades=grades)
        lines.append(text)
    return lines


def _current() -> str:
    from accord.i18n import current_lang

    return current_lang()


def render_json(assessment: Assessment, lang: str | None = None) -> str:
    """The assessment as JSON (the persisted form; language-independent)."""
    return assessment.model_dump_json(indent=2) + "\n"


def _threshold_cell(v: ControlVerdict, lang: str) -> str:
    if v.threshold is None:
        return "-"
    th = v.threshold
    origin = t("fw.origin_short." + th.origin, in_lang=lang)
    return f"{op_symbol(th.direction)} {fmt_value(v.metric, th.value)} ({origin})"


def _verdict_cell(v: ControlVerdict, lang: str) -> str:
    text = verdict_label(v.verdict, lang)
    if v.kind in ("documentation", "process"):
        return text + " " + t("fw.needs_documents", in_lang=lang)
    if v.kind == "threshold_trigger":
        return text + " " + t("fw.needs_declared", in_lang=lang)
    if v.marginal:
        text += " " + t("fw.marginal_tag", in_lang=lang)
    if v.by_language:
        text += " (" + ", ".join(f"{b.lang}: {verdict_label(b.verdict, lang)}" for b in v.by_language) + ")"
    return text


def render_table(assessment: Assessment, lang: str | None = None, *, explain: bool = False) -> str:
    """Verdicts per control with the numbers behind them, grades, coverage gaps."""
    lg = lang or _current()
    buf = io.StringIO()
    con = _console(buf)
    if assessment.run:
        con.print(t("fw.report.run", in_lang=lg, target=assessment.run.get("target", ""), suite=assessment.run.get("suite", ""), status=assessment.run.get("status", "")))
    con.print(t("fw.report.items", in_lang=lg, items=assessment.items, answered=assessment.answered, errors=assessment.errors))
    by_fw: dict[str, list[ControlVerdict]] = {}
    for v in assessment.verdicts:
        by_fw.setdefault(v.framework, []).append(v)
    for s in assessment.frameworks:
        c = s.counts
        title = t(
            "fw.report.framework", in_lang=lg, title=s.title.get(lg), framework=s.framework, version=s.version,
            passed=c.get("pass", 0), failed=c.get("fail", 0), inconclusive=c.get("inconclusive", 0),
            not_covered=c.get("not_covered", 0),
        )
        table = _table(title)
        table.add_column(t("fw.col.control", in_lang=lg), overflow="fold", min_width=22, ratio=3)
        table.add_column(t("fw.col.verdict", in_lang=lg), overflow="fold", ratio=2)
        table.add_column(t("fw.col.metric", in_lang=lg), overflow="fold", ratio=2)
        table.add_column(t("fw.col.observed", in_lang=lg), justify="right", overflow="fold", min_width=14, ratio=2)
        table.add_column(t("fw.col.n", in_lang=lg), justify="right", no_wrap=True)
        table.add_column(t("fw.col.threshold", in_lang=lg), overflow="fold", ratio=2)
        table.add_column(t("fw.col.more", in_lang=lg), justify="right", no_wrap=True, min_width=6)
        for v in by_fw.get(s.framework, []):
            observed = "-" if v.value is None else f"{fmt_value(v.metric, v.value)} {fmt_interval(v.metric, v.low, v.high)}"
            if v.corrected:
                observed += " *"
            n = "-" if v.metric is None or v.kind not in ("test", "red_line") else (f"{v.n}/{v.minimum}" if (v.minimum or 1) > 1 else str(v.n))
            more = "-" if v.more_items_needed is None else f"+{v.more_items_needed}"
            table.add_row(
                f"{v.control}\n{v.title.get(lg)}", _verdict_cell(v, lg),
                metric_title(v.metric, lg) if v.kind in ("test", "red_line") else t(f"fw.kind.{v.kind}", in_lang=lg),
                observed, n, _threshold_cell(v, lg), more,
            )
        con.print(table)
        if s.grades:
            gt = _table(t("fw.report.grades", in_lang=lg), t("fw.report.grades_note", in_lang=lg))
            for key in ("fw.col.hazard", "fw.col.lang", "fw.col.unsafe", "fw.col.reference", "fw.col.ratio", "fw.col.grade"):
                gt.add_column(t(key, in_lang=lg))
            for g in s.grades:
                grade = _grade(g.grade, lg)
                if g.grade is not None and (g.grade_best != g.grade or g.grade_worst != g.grade):
                    grade += f" ({_grade(g.grade_worst, lg)} .. {_grade(g.grade_best, lg)})"
                gt.add_row(
                    g.hazard or t("fw.overall", in_lang=lg), g.lang,
                    "-" if g.unsafe is None else f"{fmt_value('unsafe_rate', g.unsafe)} {fmt_interval('unsafe_rate', g.low, g.high)} n={g.n}",
                    fmt_value("unsafe_rate", g.reference_unsafe), "-" if g.ratio is None else f"{g.ratio:.2f}", grade,
                )
            con.print(gt)
        if s.coverage_gaps:
            con.print(t("fw.report.gaps", in_lang=lg, categories=", ".join(s.coverage_gaps)))
        if explain:
            for v in by_fw.get(s.framework, []):
                con.print(f"  {v.control}: {v.rationale.get(lg)}")
        con.print("")
    for note in assessment.notes:
        con.print(note.get(lg))
    con.print(t("fw.report.legend", in_lang=lg))
    return buf.getvalue()


def render_framework_list(frameworks: Sequence[Framework], lang: str) -> str:
    buf = io.StringIO()
    con = _console(buf)
    table = _table()
    table.add_column(t("fw.col.id", in_lang=lang), no_wrap=True)
    for key in ("fw.col.version", "fw.col.jurisdiction", "fw.col.type", "fw.col.binding", "fw.col.controls"):
        table.add_column(t(key, in_lang=lang), overflow="fold", ratio=1)
    table.add_column(t("fw.col.title", in_lang=lang), overflow="fold", ratio=3)
    for fw in frameworks:
        measured = sum(c.kind in ("test", "red_line") for c in fw.controls)
        table.add_row(
            fw.id, fw.version, fw.jurisdiction, fw.doc_type, fw.bindingness,
            t("fw.list.controls", in_lang=lang, total=len(fw.controls), measured=measured), fw.title.get(lang),
        )
    con.print(table)
    return buf.getvalue()


def render_framework(fw: Framework, lang: str) -> str:
    buf = io.StringIO()
    con = _console(buf)
    con.print(f"{fw.title.get(lang)} [{fw.id} {fw.version}]")
    con.print(t("fw.show.meta", in_lang=lang, issuer=fw.issuer.get(lang), jurisdiction=fw.jurisdiction, doc_type=fw.doc_type, bindingness=fw.bindingness))
    if fw.summary:
        con.print(fw.summary.get(lang))
    con.print("")
    for s in fw.sources:
        con.print(f"  [{s.id}] {s.title} <{s.url}> ({s.kind}, {s.confidence})")
    if fw.categories:
        ct = _table(t("fw.show.categories", in_lang=lang))
        ct.add_column(t("fw.col.id", in_lang=lang))
        ct.add_column(t("fw.col.title", in_lang=lang), overflow="fold")
        ct.add_column(t("fw.col.maps_to", in_lang=lang), overflow="fold")
        for c in fw.categories:
            ct.add_row(c.id, c.title.get(lang), ", ".join(f"{m.sr} ({m.strength})" for m in c.maps_to))
        con.print(ct)
    table = _table(t("fw.show.controls", in_lang=lang))
    table.add_column(t("fw.col.control", in_lang=lang), overflow="fold", min_width=26, ratio=3)
    for key in ("fw.col.kind", "fw.col.metric", "fw.col.threshold", "fw.col.rule", "fw.col.minimum", "fw.col.scope", "fw.col.source"):
        table.add_column(t(key, in_lang=lang), overflow="fold", ratio=1)
    for ctl in fw.controls:
        th = "-"
        if ctl.threshold is not None:
            origin = t("fw.origin_short." + ctl.threshold.origin, in_lang=lang)
            th = f"{op_symbol(ctl.threshold.direction)} {fmt_value(ctl.metric, ctl.threshold.value)} ({origin})"
        measured = ctl.kind in ("test", "red_line")
        scope = "-"
        if ctl.scope is not None:
            scope = ", ".join(fw.resolve(ctl.scope.categories))
            if ctl.scope.languages:
                scope += " [" + ",".join(ctl.scope.languages) + "]"
            if ctl.scope.each_language:
                scope += " " + t("fw.each_language", in_lang=lang)
        table.add_row(
            f"{ctl.id}\n{ctl.title.get(lang)}", t(f"fw.kind.{ctl.kind}", in_lang=lang),
            metric_title(ctl.metric, lang) if ctl.metric else "-",
            th, ctl.rule() if measured else "-", str(ctl.minimum.n) if measured else "-", scope,
            f"{ctl.source.ref} {ctl.source.section} ({ctl.confidence})",
        )
    con.print(table)
    return buf.getvalue()


def render_crosswalk(cw: Crosswalk, lang: str) -> str:
    buf = io.StringIO()
    con = _console(buf)
    table = _table(t("fw.crosswalk.title", in_lang=lang, suites=", ".join(cw.suites) or "-"))
    for key in ("fw.col.category", "fw.col.feeds", "fw.col.items"):
        table.add_column(t(key, in_lang=lang), overflow="fold")
    for row in cw.rows:
        feeds = "\n".join(
            f"{e.framework}: {', '.join(e.controls) or '-'}" + (f"  <- {', '.join(e.categories)}" if e.categories else "")
            for e in row.frameworks
        ) or "-"
        items = ", ".join(f"{lg} {n}" for lg, n in row.items.items()) or "-"
        table.add_row(f"{row.category} {row.title.get(lang)}", feeds, items)
    con.print(table)
    if cw.uncovered:
        con.print(t("fw.crosswalk.uncovered", in_lang=lang, categories=", ".join(cw.uncovered)))
    return buf.getvalue()


def render_plan(p: Plan, lang: str) -> str:
    buf = io.StringIO()
    con = _console(buf)
    con.print(t(f"fw.plan.assumption.{p.assumption if p.assumption in ('halfway', 'perfect') else 'rate'}", in_lang=lang, rate=p.assumption.removeprefix("rate=")))
    table = _table(t("fw.plan.controls", in_lang=lang))
    table.add_column(t("fw.col.control", in_lang=lang), no_wrap=True)
    for key in ("fw.col.metric", "fw.col.threshold", "fw.col.assumed", "fw.col.needed", "fw.col.available", "fw.col.short"):
        table.add_column(t(key, in_lang=lang), overflow="fold")
    for c in p.controls:
        avail = sum(x.available for x in c.cells)
        short = sum(x.short for x in c.cells)
        needed = t("fw.plan.never", in_lang=lang) if c.needed is None else str(c.needed)
        if c.each_language and c.needed is not None:
            needed += " " + t("fw.plan.per_language", in_lang=lang)
        table.add_row(
            f"{c.framework}:{c.control}", metric_title(c.metric, lang),
            f"{op_symbol(c.direction)} {fmt_value(c.metric, c.threshold)}", fmt_value(c.metric, c.assumed),
            needed, str(avail), str(short),
        )
    con.print(table)
    tt = _table(t("fw.plan.totals", in_lang=lang), t("fw.plan.totals_note", in_lang=lang))
    for key in ("fw.col.category", "fw.col.lang", "fw.col.population", "fw.col.needed", "fw.col.available", "fw.col.short"):
        tt.add_column(t(key, in_lang=lang))
    for r in p.totals:
        tt.add_row(r.category, r.lang, t(f"fw.population.{r.population}", in_lang=lang), str(r.needed), str(r.available), str(r.short))
    con.print(tt)
    if p.not_plannable:
        con.print(t("fw.plan.not_plannable", in_lang=lang, n=len(p.not_plannable)))
    return buf.getvalue()
