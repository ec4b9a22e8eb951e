"""Compare several runs (models) side by side: rates per category, the significance of each
difference, and a leaderboard per framework.

Every pair of runs is compared in every category both cover, on the category's main rate
(unsafe rate where the category has should-refuse items, else over-refusal, else failure),
pooled over languages, by Fisher's exact test; the p-values of all those tests form one
family and are adjusted by Holm's step-down procedure (family-wise error rate 5%).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord import __version__
from accord.errors import UsageError
from accord.report._build import bi, build_report
from accord.report._model import Bilingual, Rate, ReportData
from accord.report._signif import fisher_exact, holm

__all__ = [
    "ALPHA",
    "CompareCategory",
    "CompareData",
    "CompareRun",
    "Leaderboard",
    "LeaderboardEntry",
    "PairTest",
    "compare_runs",
]

ALPHA = 0.05

Metric = Literal["unsafe", "over_refusal", "failed"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CompareRun(_Model):
    key: str = Field(description="Short id used by the other tables: run1, run2, ...")
    label: str
    target_digest: str
    suite: str
    suite_digest: str
    path: str
    items: int
    errors: int
    verification: str


class CompareCategory(_Model):
    category: str | None
    name: Bilingual
    metric: Metric
    rates: dict[str, Rate] = Field(description="Run key -> rate, pooled over languages.")
    by_lang: dict[str, dict[str, Rate]] = Field(description="Language -> run key -> rate.")


class PairTest(_Model):
    category: str | None
    metric: Metric
    a: str
    b: str
    rate_a: float
    rate_b: float
    difference: float = Field(description="rate(b) - rate(a).")
    p_value: float = Field(description="Fisher's exact test, two-sided.")
    p_adjusted: float = Field(description="Holm-adjusted over every test in this comparison.")
    significant: bool


class LeaderboardEntry(_Model):
    rank: int
    run: str
    counts: dict[str, int]
    grades: dict[str, str] = Field(default_factory=dict)
    value: float | None = Field(default=None, description="For the unsafe-rate board: the rate.")


class Leaderboard(_Model):
    id: str = Field(description="A framework id, or `unsafe-rate` for the board every comparison has.")
    title: Bilingual
    entries: list[LeaderboardEntry]


class CompareData(_Model):
    format: Literal["accord.compare/1"] = "accord.compare/1"
    generated: str
    accord_version: str
    test: Literal["fisher-exact"] = "fisher-exact"
    correction: Literal["holm"] = "holm"
    alpha: float = ALPHA
    runs: list[CompareRun]
    categories: list[CompareCategory]
    tests: list[PairTest]
    leaderboards: list[Leaderboard]
    notes: list[Bilingual] = Field(default_factory=list)


def _metric(report_rows: Sequence[ReportData], cat: str | None) -> Metric:
    for r in report_rows:
        for row in r.categories:
            if row.category == cat and any(v.unsafe.n for v in row.by_lang.values()):
                return "unsafe"
    for r in report_rows:
        for row in r.categories:
            if row.category == cat and any(v.over_refusal.n for v in row.by_lang.values()):
                return "over_refusal"
    return "failed"


def _pooled(report: ReportData, cat: str | None, metric: Metric) -> tuple[Rate | None, dict[str, Rate]]:
    row = next((x for x in report.categories if x.category == cat), None)
    if row is None:
        return None, {}
    per = {lg: getattr(v, metric) for lg, v in row.by_lang.items()}
    k, n = sum(x.k for x in per.values()), sum(x.n for x in per.values())
    return Rate.of(k, n), per


def _rank(entries: list[tuple[str, tuple[float, ...]]]) -> list[tuple[int, str]]:
    """Competition ranking (1, 2, 2, 4) by ascending key."""
    ordered = sorted(entries, key=lambda e: (e[1], e[0]))
    out: list[tuple[int, str]] = []
    for i, (run, key) in enumerate(ordered):
        rank = out[-1][0] if i and key == ordered[i - 1][1] else i + 1
        out.append((rank, run))
    return out


def compare_runs(paths: Sequence[Path], *, frameworks: Sequence[str] | None = None) -> CompareData:
    """Build the comparison of the runs or bundles at ``paths`` (two at least).

    Raises:
        UsageError: fewer than two paths, or one that is not a run directory or bundle.
    """
    if len(paths) < 2:
        raise UsageError("accord compare needs at least two run directories or bundles")
    reports = [build_report(Path(p), frameworks=frameworks) for p in paths]
    labels = [r.identity.label for r in reports]
    runs = []
    for i, (p, r) in enumerate(zip(paths, reports, strict=True), 1):
        label = r.identity.label if labels.count(r.identity.label) == 1 else f"{r.identity.label} ({r.identity.target_digest[:8]})"
        runs.append(
            CompareRun(
                key=f"run{i}", label=label, target_digest=r.identity.target_digest, suite=r.identity.suite,
                suite_digest=r.identity.suite_digest, path=str(p), items=r.counts.items, errors=r.counts.errors,
                verification=r.verification.status,
            )
        )
    notes: list[Bilingual] = []
    if len({r.identity.suite_digest for r in reports}) > 1:
        notes.append(bi("compare.note.suites_differ"))
    cats = sorted({row.category for r in reports for row in r.categories}, key=lambda c: (c is None, c or ""))
    categories: list[CompareCategory] = []
    pending: list[tuple[str | None, Metric, str, str, Rate, Rate]] = []
    for cat in cats:
        metric = _metric(reports, cat)
        rates: dict[str, Rate] = {}
        by_lang: dict[str, dict[str, Rate]] = {}
        for run, rep in zip(runs, reports, strict=True):
            pooled, per = _pooled(rep, cat, metric)
            if pooled is None or not pooled.n:
                continue
            rates[run.key] = pooled
            for lg, rate in per.items():
                by_lang.setdefault(lg, {})[run.key] = rate
        name = reports[0].categories[0].name
        for rep in reports:
            row = next((x for x in rep.categories if x.category == cat), None)
            if row is not None:
                name = row.name
                break
        categories.append(CompareCategory(category=cat, name=name, metric=metric, rates=rates, by_lang=dict(sorted(by_lang.items()))))
        for a, b in combinations([r.key for r in runs if r.key in rates], 2):
            pending.append((cat, metric, a, b, rates[a], rates[b]))
    p_values = [fisher_exact(ra.k, ra.n, rb.k, rb.n) for (_, _, _, _, ra, rb) in pending]
    adjusted = holm(p_values)
    tests = [
        PairTest(
            category=cat, metric=metric, a=a, b=b, rate_a=ra.k / ra.n, rate_b=rb.k / rb.n, difference=rb.k / rb.n - ra.k / ra.n,
            p_value=p, p_adjusted=padj, significant=padj < ALPHA,
        )
        for (cat, metric, a, b, ra, rb), p, padj in zip(pending, p_values, adjusted, strict=True)
    ]
    return CompareData(
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        accord_version=__version__,
        runs=runs,
        categories=categories,
        tests=tests,
        leaderboards=_leaderboards(runs, reports),
        notes=notes,
    )


def _leaderboards(runs: Sequence[CompareRun], reports: Sequence[ReportData]) -> list[Leaderboard]:
    boards: list[Leaderboard] = []
    unsafe: list[tuple[str, tuple[float, ...]]] = []
    values: dict[str, float | None] = {}
    for run, rep in zip(runs, reports, strict=True):
        k = sum(v.unsafe.k for row in rep.categories for v in row.by_lang.values())
        n = sum(v.unsafe.n for row in rep.categories for v in row.by_lang.values())
        values[run.key] = k / n if n else None
        unsafe.append((run.key, (0.0 if n else 1.0, k / n if n else 0.0)))
    boards.append(
        Leaderboard(
            id="unsafe-rate",
            title=bi("compare.board.unsafe"),
            entries=[LeaderboardEntry(rank=rank, run=key, counts={}, value=values[key]) for rank, key in _rank(unsafe)],
        )
    )
    framework_ids = list(dict.fromkeys(f.framework for rep in reports for f in rep.frameworks.summaries))
    for fid in framework_ids:
        scored: list[tuple[str, tuple[float, ...]]] = []
        counts: dict[str, dict[str, int]] = {}
        grades: dict[str, dict[str, str]] = {}
        title: Bilingual | None = None
        for run, rep in zip(runs, reports, strict=True):
            s = next((f for f in rep.frameworks.summaries if f.framework == fid), None)
            if s is None:
                continue
            title = title or s.title
            counts[run.key] = dict(s.counts)
            grades[run.key] = dict(s.grades)
            c = s.counts
            # fewer failures first, then more passes, then fewer inconclusive verdicts
            scored.append((run.key, (float(c.get("fail", 0)), -float(c.get("pass", 0)), float(c.get("inconclusive", 0)))))
        if title is None:
            continue
        boards.append(
            Leaderboard(
                id=fid,
                title=title,
                entries=[LeaderboardEntry(rank=rank, run=key, counts=counts[key], grades=grades[key]) for rank, key in _rank(scored)],
            )
        )
    return boards
