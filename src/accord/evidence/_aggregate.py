"""The summary and the verdicts of a bundle's records, from counts kept in one pass.

``accord.results.summarize_records`` and ``accord.frameworks.evaluate`` read only a few
fields of each record (its category, language, expectation, error kind, whether it was
cached, its meta and, of each grade, the grader, label and pass/fail). :class:`Tally` counts
the records by those fields as ``verify`` streams them (or in worker processes, one chunk
each, merged after), so neither a second pass over the records nor one entry per item in
memory is needed: what it keeps grows with the number of distinct combinations (a few
hundred), plus the full records of counterfactual-pair items (``expect: pair=...``), which
``evaluate`` compares as groups.

From the counts, :meth:`Tally.summary` and :meth:`Tally.assessment` compute exactly what
those two functions compute from the records, by running their own per-record code on one
representative view per combination and weighting its contribution (a test compares both
with the functions themselves over varied records). That holds when each record has its own
item hash (``verify`` keeps the counts only then; otherwise it reads the records again).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

__all__ = ["Tally"]

Key = tuple[Any, ...]


def _meta_key(m: Any) -> tuple[tuple[Any, Any], ...]:
    """``evaluate``'s view of a record's meta: its items as strings, sorted."""
    if type(m) is dict:
        if len(m) < 2:
            items = tuple(m.items())
            if not items or (type(items[0][0]) is str and type(items[0][1]) is str):
                return items
        elif all(type(k) is str and type(v) is str for k, v in m.items()):
            return tuple(sorted(m.items()))
    if not isinstance(m, Mapping):
        return ()
    return tuple(sorted((str(k), str(v)) for k, v in m.items()))


class Tally:
    """Records counted by what the summary and the verdicts read of them."""

    __slots__ = ("counts", "pairs")

    def __init__(self) -> None:
        self.counts: dict[Key, int] = {}
        self.pairs: list[dict[str, Any]] = []

    @staticmethod
    def key(raw: dict[str, Any]) -> Key:
        """What the summary and the verdicts read of ``raw`` (a valid record: fields with a
        default in the schema may be left out, and read as ``summarize_records`` reads them)."""
        err = raw.get("error")
        grades = raw.get("grades", ())
        return (
            raw["category"],
            raw["lang"],
            raw["expect"],
            None if err is None else (err["kind"],),
            bool(raw.get("cached", False)),
            _meta_key(raw.get("meta")),
            tuple([(g["grader"], g["label"], g["passed"]) for g in grades]),
        )

    def add(self, raw: dict[str, Any]) -> Key:
        k = self.key(raw)
        self.counts[k] = self.counts.get(k, 0) + 1
        expect = raw["expect"]
        if type(expect) is str and expect.startswith("pair="):
            self.pairs.append(raw)
        return k

    def discard(self, k: Key) -> None:
        """Take back one record counted under ``k`` (a later record of the same item replaces
        it; the summary keeps the latest record per item)."""
        n = self.counts[k] - 1
        if n:
            self.counts[k] = n
        else:
            del self.counts[k]

    def merge(self, other: Tally) -> None:
        for k, n in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + n
        self.pairs.extend(other.pairs)

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    @staticmethod
    def view(k: Key) -> dict[str, Any]:
        """A record with the fields ``k`` stands for."""
        category, lang, expect, err, cached, meta, grades = k
        return {
            "item_hash": "",
            "item_id": "",
            "error": None if err is None else {"kind": err[0]},
            "expect": expect,
            "category": category,
            "lang": lang,
            "cached": cached,
            "meta": dict(meta),
            "grades": [{"grader": g, "label": lab, "passed": p} for g, lab, p in grades],
        }

    def _expanded(self) -> Iterator[dict[str, Any]]:
        """One view per record, each with its own item hash (the slow, public-API path)."""
        n = 0
        for k, m in self.counts.items():
            for _ in range(m):
                v = self.view(k)
                v["item_hash"] = f"{n:024x}" + "0" * 40
                n += 1
                yield v

    # -- the summary --------------------------------------------------------------------------

    def summary(self) -> Any:
        """``accord.results.summarize_records`` of the counted records."""
        from accord import results

        acc_cls = getattr(results, "_Acc", None)
        slots = getattr(acc_cls, "__slots__", None)
        if acc_cls is None or not slots:
            return results.summarize_records(self._expanded())
        groups: dict[tuple[str, str], Any] = {}
        total = acc_cls()
        kinds: dict[str, int] = {}
        cached = 0
        for k, m in self.counts.items():
            view = self.view(k)
            one = acc_cls()
            one.add(view)
            group = groups.get((view["category"] or "", view["lang"] or ""))
            if group is None:
                group = groups[(view["category"] or "", view["lang"] or "")] = acc_cls()
            for slot in slots:
                add = getattr(one, slot) * m
                setattr(group, slot, getattr(group, slot) + add)
                setattr(total, slot, getattr(total, slot) + add)
            cached += m * bool(view["cached"])
            if view["error"] is not None:
                kind = view["error"]["kind"]
                kinds[kind] = kinds.get(kind, 0) + m
        rows = [
            acc.result(cat or None, lang or None) for (cat, lang), acc in sorted(groups.items())
        ]
        return results.Summary(
            items=total.items,
            answered=total.items - total.errors,
            errors=total.errors,
            cached=cached,
            error_kinds=dict(sorted(kinds.items())),
            rows=rows,
            total=total.result(None, None),
        )

    # -- the verdicts -------------------------------------------------------------------------

    def assessment(self, frameworks: Sequence[Any]) -> Any:
        """``accord.frameworks.evaluate`` of the counted records against ``frameworks``."""
        ev: Any
        try:
            from accord.frameworks import _evaluate as ev
        except ImportError:  # pragma: no cover - frameworks are part of the package
            ev = None
        needed = (
            "_Collector",
            "_State",
            "_coerce_calibration",
            "_pair_results",
            "_judge",
            "_grades",
            "_metric_rows",
            "CONFIDENCE",
            "UNCATEGORISED",
        )
        if ev is None or not all(hasattr(ev, n) for n in needed):
            from accord.frameworks import evaluate

            return evaluate([*self._expanded(), *self.pairs], frameworks)
        return _weighted_evaluate(ev, self, frameworks)


def _weighted_evaluate(ev: Any, tally: Tally, frameworks: Sequence[Any]) -> Any:
    """``evaluate``'s own steps (``accord/frameworks/_evaluate.py``), with each distinct
    record counted once and weighted instead of collected once per item."""
    from accord import __version__
    from accord.errors import UsageError
    from accord.frameworks import Assessment, CoverageRow, FrameworkSummary

    notes: list[Any] = []
    cal = ev._coerce_calibration(None, notes)
    state = ev._State.__new__(ev._State)
    state.acc = {}
    state.coverage = {}
    col = ev._Collector(None)
    for k, m in tally.counts.items():
        col.latest.clear()
        col.pairs.clear()
        col.add(tally.view(k))
        (e,) = col.latest.values()
        cov = state.coverage.setdefault((e.category, e.lang), [0, 0, 0])
        cov[0] += m
        cov[1 if not e.errored else 2] += m
        for o in e.outcomes:
            a = state._acc(o.metric, e.category, e.lang)
            if o.status == "ok":
                for i, c in enumerate(o.counts):
                    a.counts[i] += c * m
                a.graders.add(o.grader)
            elif o.status == "error":
                a.errors += m
            else:
                a.ungraded += m
    pairs = ev._Collector(None)
    for rec in tally.pairs:
        pairs.add(rec)
    for cat, lang, status, disparate in ev._pair_results(pairs.pairs, notes):
        a = state._acc("counterfactual_disparity", cat, lang)
        if status == "ok":
            a.counts[0] += int(disparate)
            a.counts[1] += 1
        elif status == "error":
            a.errors += 1
        else:
            a.ungraded += 1
    fws = sorted(frameworks, key=lambda f: f.id)
    if len({f.id for f in fws}) != len(fws):
        raise UsageError("the same framework was given twice; pass each framework once")
    verdicts: list[Any] = []
    summaries: list[Any] = []
    for fw in fws:
        vs = [ev._judge(state, fw, ctl, cal) for ctl in fw.controls]
        verdicts.extend(vs)
        counts: dict[Any, int] = {"pass": 0, "fail": 0, "inconclusive": 0, "not_covered": 0}
        for v in vs:
            counts[v.verdict] += 1
        summaries.append(
            FrameworkSummary(
                framework=fw.id,
                title=fw.title,
                version=fw.version,
                counts=counts,
                marginal=sum(v.marginal for v in vs),
                grades=ev._grades(state, fw),
                coverage_gaps=[c for c in fw.referenced_categories() if state.answered_in(c) == 0],
            )
        )
    coverage = [
        CoverageRow(
            category=c or ev.UNCATEGORISED, lang=lg or None, items=v[0], answered=v[1], errors=v[2]
        )
        for (c, lg), v in sorted(state.coverage.items())
    ]
    uniq = {(n.en, n.zh): n for n in notes}
    return Assessment(
        accord_version=__version__,
        confidence=ev.CONFIDENCE,
        items=sum(v[0] for v in state.coverage.values()),
        answered=sum(v[1] for v in state.coverage.values()),
        errors=sum(v[2] for v in state.coverage.values()),
        coverage=coverage,
        metrics=ev._metric_rows(state, cal),
        verdicts=verdicts,
        frameworks=summaries,
        calibration=cal,
        notes=[uniq[k] for k in sorted(uniq)],
    )
