"""Consistency checks of a framework file beyond its types: cross-references, metric names,
threshold ranges, decision rules. Every problem is reported, each with its path in the file."""

from __future__ import annotations

import difflib
import math
import re
from typing import Any, NamedTuple

from accord.frameworks._metrics import METRICS, metric_ids
from accord.i18n import t

__all__ = ["Problem", "check_framework_data"]

_SR = re.compile(r"^SR-(0[1-9]|1[0-9]|2[0-4])(\.[0-9]{1,2})?$")


class Problem(NamedTuple):
    """One problem: where in the file, and a message key (``fw.chk.*``) with its values."""

    path: str
    key: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return t(self.key, **self.params)


def _p(path: str, key: str, **params: Any) -> Problem:
    return Problem(path, key, params)


def _suggest(name: str, options: list[str]) -> str:
    close = difflib.get_close_matches(name, options, n=1)
    return t("fw.chk.suggest", name=close[0]) if close else ""


def _dicts(value: Any) -> list[tuple[int, Any]]:
    return [(i, v) for i, v in enumerate(value)] if isinstance(value, list) else []


def check_framework_data(data: dict[str, Any]) -> list[Problem]:
    """Problems in a framework's data (parsed YAML); parts of the wrong type are skipped, since
    type errors are reported by the schema."""
    out: list[Problem] = []
    source_ids = _unique(data.get("sources"), "sources", out)
    cats = {c["id"]: c for _, c in _dicts(data.get("categories")) if isinstance(c, dict) and isinstance(c.get("id"), str)}
    _unique(data.get("categories"), "categories", out)
    for i, c in _dicts(data.get("categories")):
        if not isinstance(c, dict):
            continue
        parent = c.get("parent")
        if isinstance(parent, str):
            if parent not in cats:
                out.append(_p(f"categories[{i}].parent", "fw.chk.parent_unknown", name=parent, hint=_suggest(parent, list(cats))))
            elif _has_cycle(c.get("id"), cats):
                out.append(_p(f"categories[{i}].parent", "fw.chk.parent_cycle", name=parent))
    _unique(data.get("controls"), "controls", out)
    for i, ctl in _dicts(data.get("controls")):
        if isinstance(ctl, dict):
            _check_control(f"controls[{i}]", ctl, cats, source_ids, out)
    grading = data.get("grading")
    if isinstance(grading, dict):
        _check_grading(grading, cats, source_ids, out)
    return out


def _unique(items: Any, where: str, out: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for i, it in _dicts(items):
        if isinstance(it, dict) and isinstance(it.get("id"), str):
            if it["id"] in seen:
                out.append(_p(f"{where}[{i}].id", "fw.chk.duplicate_id", id=it["id"], where=where))
            seen.add(it["id"])
    return seen


def _has_cycle(start: Any, cats: dict[str, dict[str, Any]]) -> bool:
    seen = set()
    cur = start
    while isinstance(cur, str) and cur in cats:
        if cur in seen:
            return True
        seen.add(cur)
        cur = cats[cur].get("parent")
    return False


def resolve_raw(names: list[Any], cats: dict[str, dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    stack = [n for n in names if isinstance(n, str)]
    seen: set[str] = set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        if n in cats:
            out.update(m["sr"] for _, m in _dicts(cats[n].get("maps_to")) if isinstance(m, dict) and isinstance(m.get("sr"), str))
            stack.extend(cid for cid, c in cats.items() if c.get("parent") == n)
        else:
            out.add(n)
    return out


def _check_control(p: str, ctl: dict[str, Any], cats: dict[str, dict[str, Any]], source_ids: set[str], out: list[Problem]) -> None:
    kind = ctl.get("kind")
    metric = ctl.get("metric")
    spec = METRICS.get(metric) if isinstance(metric, str) else None
    measured = metric_ids(declared=False)
    declared = metric_ids(declared=True)
    if isinstance(metric, str) and spec is None:
        out.append(_p(f"{p}.metric", "fw.chk.metric_unknown", metric=metric, hint=_suggest(metric, [*measured, *declared]), options=", ".join(measured + declared)))
    if kind in ("test", "red_line"):
        if metric is None:
            out.append(_p(f"{p}.metric", "fw.chk.metric_missing", kind=kind, options=", ".join(measured)))
        elif spec is not None and spec.kind == "declared":
            out.append(_p(f"{p}.metric", "fw.chk.metric_declared", metric=metric, options=", ".join(measured)))
        if ctl.get("scope") is None:
            out.append(_p(f"{p}.scope", "fw.chk.scope_missing", kind=kind))
        if ctl.get("threshold") is None:
            out.append(_p(f"{p}.threshold", "fw.chk.threshold_missing", kind=kind))
    elif kind in ("documentation", "process"):
        if spec is not None and spec.kind != "declared":
            out.append(_p(f"{p}.metric", "fw.chk.doc_metric", kind=kind))
        if ctl.get("requirement") is None:
            out.append(_p(f"{p}.requirement", "fw.chk.requirement_missing", kind=kind))
    elif kind == "threshold_trigger":
        if metric is None or (spec is not None and spec.kind != "declared"):
            out.append(_p(f"{p}.metric", "fw.chk.trigger_metric", options=", ".join(declared)))
        if ctl.get("threshold") is None:
            out.append(_p(f"{p}.threshold", "fw.chk.threshold_missing", kind=kind))

    scope = ctl.get("scope")
    if isinstance(scope, dict):
        names = scope.get("categories")
        for j, name in _dicts(names):
            if isinstance(name, str) and name not in cats and not _SR.match(name):
                hint = _suggest(name, list(cats))
                out.append(_p(f"{p}.scope.categories[{j}]", "fw.chk.scope_category", name=name, hint=hint))
        if spec is not None and spec.categories and isinstance(names, list):
            resolved = resolve_raw(names, cats)
            if not any(r.split(".", 1)[0] in spec.categories for r in resolved):
                out.append(_p(f"{p}.scope.categories", "fw.chk.scope_metric_categories", metric=metric, categories=", ".join(sorted(spec.categories))))

    th = ctl.get("threshold")
    direction = th.get("direction") if isinstance(th, dict) else None
    if isinstance(th, dict) and spec is not None and isinstance(th.get("value"), int | float) and not isinstance(th.get("value"), bool):
        v = float(th["value"])
        if not (spec.low <= v <= spec.high) or math.isnan(v):
            hi = "inf" if math.isinf(spec.high) else f"{spec.high:g}"
            out.append(_p(f"{p}.threshold.value", "fw.chk.threshold_range", value=f"{v:g}", metric=metric, low=f"{spec.low:g}", high=hi))
    decision = ctl.get("decision")
    if decision == "upper_bound_below" and direction == "min":
        out.append(_p(f"{p}.decision", "fw.chk.decision_rule", rule="upper_bound_below", direction="min", want="lower_bound_above"))
    if decision == "lower_bound_above" and direction == "max":
        out.append(_p(f"{p}.decision", "fw.chk.decision_rule", rule="lower_bound_above", direction="max", want="upper_bound_below"))
    if kind == "red_line" and decision in ("interval", "point_estimate"):
        want = "lower_bound_above" if direction == "min" else "upper_bound_below"
        out.append(_p(f"{p}.decision", "fw.chk.red_line_rule", want=want))
    src = ctl.get("source")
    if isinstance(src, dict) and isinstance(src.get("ref"), str) and src["ref"] not in source_ids:
        out.append(_p(f"{p}.source.ref", "fw.chk.source_unknown", ref=src["ref"], hint=_suggest(src["ref"], sorted(source_ids))))


def _check_grading(g: dict[str, Any], cats: dict[str, dict[str, Any]], source_ids: set[str], out: list[Problem]) -> None:
    ref = g.get("reference_safe")
    if isinstance(ref, dict):
        for lang, per in ref.items():
            if not isinstance(per, dict):
                continue
            if not per:
                out.append(_p(f"grading.reference_safe.{lang}", "fw.chk.grading_empty", lang=lang))
            for hazard, value in per.items():
                if hazard not in cats:
                    out.append(_p(f"grading.reference_safe.{lang}.{hazard}", "fw.chk.grading_hazard", hazard=hazard, hint=_suggest(str(hazard), list(cats))))
                if isinstance(value, int | float) and not (0 <= value < 1):
                    out.append(_p(f"grading.reference_safe.{lang}.{hazard}", "fw.chk.grading_value", value=value))
    lo, hi = g.get("excellent_at_or_below"), g.get("poor_at_or_above")
    if isinstance(lo, int | float) and isinstance(hi, int | float) and lo >= hi:
        out.append(_p("grading.poor_at_or_above", "fw.chk.grading_order", field="excellent_at_or_below"))
    vg, fair = g.get("very_good_below_ratio"), g.get("fair_above_ratio")
    if isinstance(vg, int | float) and isinstance(fair, int | float) and vg > fair:
        out.append(_p("grading.fair_above_ratio", "fw.chk.grading_order", field="very_good_below_ratio"))
    src = g.get("source")
    if isinstance(src, dict) and isinstance(src.get("ref"), str) and src["ref"] not in source_ids:
        out.append(_p("grading.source.ref", "fw.chk.source_unknown", ref=src["ref"], hint=""))
