"""The summary and the verdicts of a bundle's records, from counts kept in one pass.

``accord.results.summarize_records`` and ``accord.frameworks.evaluate`` read only a few
fields of each record (its category, language, expectation, error kind, whether it was
cached, its meta and, of each grade, the grader, label and pass/fail). :class:`Tally` counts
the records by those fields as ``verify`` streams them (or in worker processes, one chunk
each, merged after), so neither a second pass over the records nor one entry per item in
memory is needed: what it keeps grows with the number of distinct combinations (a few
hundred), plus the full records of counterfactual-pair items (``expect: pair=...``), which
``evaluate`` compares as groups.

From the counts, :meth:`Tally.summary` and :meth:`Tally.assessment` give exactly what those
two functions give for the records: they hand one representative view per combination, with
its count, to ``accord.results.summarize_counted`` and ``accord.frameworks.evaluate_counted``
(the same code, weighted; a test compares both with the record-by-record functions over
varied records). That holds when each record has its own item hash (``verify`` keeps the
counts only then; otherwise it reads the records again).
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

    def add_all(self, raws: Sequence[dict[str, Any]]) -> Key | None:
        """:meth:`add` each of ``raws`` (valid records, as ``record_shape`` checks them: every
        field written out); the last one's key. One loop, the key built in place: this runs
        once per record."""
        counts, pairs, meta_key = self.counts, self.pairs, _meta_key
        get = counts.get
        k = None
        for raw in raws:
            err = raw["error"]
            meta = raw["meta"]
            expect = raw["expect"]
            k = (
                raw["category"],
                raw["lang"],
                expect,
                None if err is None else (err["kind"],),
                raw["cached"],
                meta_key(meta) if meta else (),
                tuple([(g["grader"], g["label"], g["passed"]) for g in raw["grades"]]),
            )
            counts[k] = get(k, 0) + 1
            if type(expect) is str and expect.startswith("pair="):
                pairs.append(raw)
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

    def _counted(self) -> Iterator[tuple[dict[str, Any], int]]:
        """One view per combination with its count; a pair record's view is left out (the
        full records in :attr:`pairs` stand for them)."""
        for k, m in self.counts.items():
            expect = k[2]
            if type(expect) is str and expect.startswith("pair="):
                continue
            yield self.view(k), m

    def summary(self) -> Any:
        """``accord.results.summarize_records`` of the counted records."""
        from accord.results import summarize_counted

        return summarize_counted((self.view(k), m) for k, m in self.counts.items())

    def assessment(self, frameworks: Sequence[Any]) -> Any:
        """``accord.frameworks.evaluate`` of the counted records against ``frameworks``."""
        from accord.frameworks import evaluate_counted

        return evaluate_counted([*self._counted(), *((p, 1) for p in self.pairs)], frameworks)
