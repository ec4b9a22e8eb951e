"""Counting a suite's items per category, language and expectation kind.

The JSON form (``accord suites stats --format json``) is a stable shape, documented in
docs/importers.md: every count object has the same keys whether or not they are zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.errors import SuiteError
from accord.i18n import t
from accord.suites._item import Item
from accord.suites._loader import Suite

__all__ = ["EXPECT_KINDS", "LANGS", "NONE", "Counts", "StatsReport", "SuiteStats", "Totals", "count_items", "stats_report", "suite_stats"]

#: Expectation kinds in report order; ``none`` counts items without an expectation.
EXPECT_KINDS: tuple[str, ...] = ("refuse", "comply", "answer", "no-leak", "pair", "none")
LANGS: tuple[str, ...] = ("en", "zh")
#: The key for items without a category (and, in ``expectations``, without an expectation).
NONE = "none"


class Counts(BaseModel):
    """Items, and the same items per language and per expectation kind."""

    model_config = ConfigDict(extra="forbid")

    items: int = 0
    languages: dict[str, int] = Field(default_factory=lambda: dict.fromkeys(LANGS, 0))
    expectations: dict[str, int] = Field(default_factory=lambda: dict.fromkeys(EXPECT_KINDS, 0))

    def add(self, item: Item) -> None:
        self.items += 1
        self.languages[item.lang] = self.languages.get(item.lang, 0) + 1
        kind = item.expect.kind if item.expect is not None else NONE
        self.expectations[kind] += 1

    def merge(self, other: Counts) -> None:
        self.items += other.items
        for k, v in other.languages.items():
            self.languages[k] = self.languages.get(k, 0) + v
        for k, v in other.expectations.items():
            self.expectations[k] += v


def _category_key(cat: str) -> tuple[int, int, int]:
    if cat == NONE:
        return (1, 0, 0)
    main, _, sub = cat.removeprefix("SR-").partition(".")
    return (0, int(main), int(sub) if sub else -1)


class SuiteStats(BaseModel):
    """One suite: identity, totals, and counts per category (``none``: uncategorised).

    Categories are keyed by the exact id the items carry (a sub-id such as SR-10.1 is its own
    key), in taxonomy order, ``none`` last; only categories with items appear.
    """

    model_config = ConfigDict(extra="forbid")

    name: str
    version: str
    source: str
    digest: str
    items: int
    languages: dict[str, int]
    expectations: dict[str, int]
    categories: dict[str, Counts]


class Totals(BaseModel):
    """All suites of a report together."""

    model_config = ConfigDict(extra="forbid")

    suites: int
    items: int
    languages: dict[str, int]
    expectations: dict[str, int]
    categories: dict[str, Counts]


class StatsReport(BaseModel):
    """``accord suites stats --format json``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["accord.suite-stats/1"] = Field(default="accord.suite-stats/1", alias="schema")
    suites: list[SuiteStats]
    total: Totals


def count_items(items: Iterable[Item], where: str = "") -> tuple[Counts, dict[str, Counts]]:
    """Totals and per-category counts in one pass; raises on a ``pair=`` to a missing id."""
    total = Counts()
    per: dict[str, Counts] = {}
    ids: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for item in items:
        total.add(item)
        per.setdefault(item.category or NONE, Counts()).add(item)
        ids.add(item.id)
        if item.expect is not None and item.expect.kind == "pair" and item.expect.value:
            pairs.append((item.id, item.expect.value))
    for item_id, other in pairs:
        if other not in ids:
            raise SuiteError(t("suites.err.dangling_pair", where=where, id=item_id, other=other))
    return total, dict(sorted(per.items(), key=lambda kv: _category_key(kv[0])))


def suite_stats(suite: Suite) -> SuiteStats:
    """Counts for ``suite``; validates every item on the way (the loader raises on the first
    bad one, with file, line, field and fix)."""
    info = suite.info()
    total, per = count_items(suite, suite.where())
    return SuiteStats(
        name=info.name,
        version=info.version,
        source=info.source,
        digest=info.digest,
        items=total.items,
        languages=total.languages,
        expectations=total.expectations,
        categories=per,
    )


def stats_report(stats: Iterable[SuiteStats]) -> StatsReport:
    suites = list(stats)
    total = Counts()
    per: dict[str, Counts] = {}
    for s in suites:
        total.merge(Counts(items=s.items, languages=dict(s.languages), expectations=dict(s.expectations)))
        for cat, c in s.categories.items():
            per.setdefault(cat, Counts()).merge(c)
    return StatsReport(
        suites=suites,
        total=Totals(
            suites=len(suites),
            items=total.items,
            languages=total.languages,
            expectations=total.expectations,
            categories=dict(sorted(per.items(), key=lambda kv: _category_key(kv[0]))),
        ),
    )
