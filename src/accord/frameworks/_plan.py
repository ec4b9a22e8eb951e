"""Sample-size planning: how many items each control needs for a decisive verdict, per
category and language, against what the installed suites provide."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.errors import UsageError
from accord.frameworks._decide import items_until_decisive
from accord.frameworks._metrics import METRICS, MetricSpec
from accord.frameworks._schema import Control, Framework, LocalText
from accord.suites import Item

__all__ = ["Plan", "PlanCell", "PlanControl", "PlanTotal", "assumed_rate", "plan"]

Assume = Literal["halfway", "perfect"]
CONFIDENCE = 0.95


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlanCell(_Model):
    category: str
    lang: str
    needed: int
    available: int
    short: int


class PlanControl(_Model):
    framework: str
    control: str
    title: LocalText
    metric: str
    population: str = Field(description="Which items count: refuse, comply, answer, leak, injection, pair, bbq-...")
    threshold: float
    direction: str
    decision: str
    assumed: float = Field(description="The true value assumed for this control.")
    needed: int | None = Field(description="Graded items (groups, for pairs) in the whole scope; None: no number decides at the assumed value.")
    minimum: int
    each_language: bool
    cells: list[PlanCell]


class PlanTotal(_Model):
    category: str
    lang: str
    population: str
    needed: int
    available: int
    short: int


class Plan(_Model):
    assumption: str = Field(description="halfway, perfect, or rate=<value>.")
    languages: list[str]
    suites: list[str]
    controls: list[PlanControl]
    totals: list[PlanTotal]
    not_plannable: list[str] = Field(description="Controls judged from documents or declared figures (framework:control).")


def assumed_rate(spec: MetricSpec, ctl: Control, assume: Assume, rate: float | None) -> float:
    """The true value assumed when planning ``ctl``."""
    assert ctl.threshold is not None
    t = ctl.threshold.value
    if rate is not None:
        return rate
    if ctl.threshold.direction == "max":
        ideal = spec.ideal if spec.ideal <= t else spec.low
    else:
        ideal = spec.ideal if spec.ideal >= t else spec.high
    return ideal if assume == "perfect" else (t + ideal) / 2


def _needed(spec: MetricSpec, ctl: Control, value: float) -> int | None:
    assert ctl.threshold is not None
    th = ctl.threshold

    def interval_at(n: int) -> tuple[float, float] | None:
        e = spec.estimate(spec.synthetic(value, n), CONFIDENCE)
        return None if e.low is None or e.high is None else (e.low, e.high)

    return items_until_decisive(interval_at, th.direction, th.value)


def _matches(cat: str | None, scope_id: str) -> bool:
    return bool(cat) and (cat == scope_id or str(cat).startswith(scope_id + "."))


def plan(
    frameworks: Sequence[Framework],
    suites: dict[str, Iterable[Item]],
    *,
    languages: Sequence[str] = ("en", "zh"),
    assume: Assume = "halfway",
    rate: float | None = None,
) -> Plan:
    """Items needed per control, category and language for decisive verdicts.

    The true value of each metric is assumed to be halfway between the threshold and the ideal
    value (``halfway``), the ideal value itself (``perfect``: no failure at all, the fewest
    items that could ever decide), or ``rate`` for every control."""
    fws = sorted(frameworks, key=lambda f: f.id)
    items = [it for name in sorted(suites) for it in suites[name]]
    langs = list(dict.fromkeys(languages))
    controls: list[PlanControl] = []
    not_plannable: list[str] = []
    totals: dict[tuple[str, str, str], list[int]] = {}
    for fw in fws:
        for ctl in fw.controls:
            spec = METRICS.get(ctl.metric or "")
            if ctl.kind not in ("test", "red_line") or spec is None or spec.kind == "declared" or ctl.scope is None or ctl.threshold is None:
                not_plannable.append(f"{fw.id}:{ctl.id}")
                continue
            if rate is not None and not spec.low <= rate <= spec.high:
                raise UsageError(f"--assume-rate {rate} is outside the range of {spec.id} ({spec.low:g} .. {spec.high:g}); pass a value in that range")
            value = assumed_rate(spec, ctl, assume, rate)
            needed = _needed(spec, ctl, value)
            total = None if needed is None else max(needed, ctl.minimum.n)
            scope_langs = list(ctl.scope.languages) if ctl.scope.languages else langs
            cats = [c for c in fw.resolve(ctl.scope.categories) if spec.categories is None or c.split(".", 1)[0] in spec.categories]
            per_lang = None if total is None else (total if ctl.scope.each_language else math.ceil(total / len(scope_langs)))
            if per_lang is not None and ctl.minimum.per_language:
                per_lang = max(per_lang, ctl.minimum.per_language)
            cells = []
            for lg in scope_langs:
                for c in cats:
                    need = 0 if per_lang is None else math.ceil(per_lang / max(1, len(cats)))
                    if ctl.minimum.per_category:
                        need = max(need, ctl.minimum.per_category)
                    if spec.kind == "pairs":
                        need *= 2  # groups of two items
                    avail = sum(1 for it in items if it.lang == lg and _matches(it.category, c) and spec.eligible is not None and spec.eligible(it))
                    cells.append(PlanCell(category=c, lang=lg, needed=need, available=avail, short=max(0, need - avail)))
                    key = (c, lg, spec.population)
                    tot = totals.setdefault(key, [0, 0])
                    tot[0] = max(tot[0], need)
                    tot[1] = max(tot[1], avail)
            controls.append(
                PlanControl(
                    framework=fw.id, control=ctl.id, title=ctl.title, metric=spec.id, population=spec.population,
                    threshold=ctl.threshold.value, direction=ctl.threshold.direction, decision=ctl.rule(),
                    assumed=round(value, 6), needed=total, minimum=ctl.minimum.n,
                    each_language=ctl.scope.each_language, cells=cells,
                )
            )
    return Plan(
        assumption=f"rate={rate:g}" if rate is not None else assume,
        languages=langs,
        suites=sorted(suites),
        controls=controls,
        totals=[
            PlanTotal(category=c, lang=lg, population=pop, needed=v[0], available=v[1], short=max(0, v[0] - v[1]))
            for (c, lg, pop), v in sorted(totals.items())
        ],
        not_plannable=not_plannable,
    )
