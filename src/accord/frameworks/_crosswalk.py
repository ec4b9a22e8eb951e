"""The crosswalk: for each shared-taxonomy category, which frameworks' categories map onto it,
which of their controls it feeds, and how many items the installed suites hold for it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from accord.frameworks._schema import Framework, LocalText
from accord.suites import Item
from accord.taxonomy import CATEGORIES

__all__ = ["Crosswalk", "CrosswalkEntry", "CrosswalkRow", "crosswalk", "suite_counts"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CrosswalkEntry(_Model):
    framework: str
    categories: list[str] = Field(description="The framework's own categories mapped here, as `id (strength)`.")
    controls: list[str] = Field(description="Test and red-line controls whose scope reads this category.")


class CrosswalkRow(_Model):
    category: str
    slug: str
    title: LocalText
    frameworks: list[CrosswalkEntry]
    items: dict[str, int] = Field(description="Items per language in the installed suites.")


class Crosswalk(_Model):
    suites: list[str]
    rows: list[CrosswalkRow]
    uncovered: list[str] = Field(description="Categories some framework reads that no installed suite covers.")


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def suite_counts(items: Iterable[Item]) -> dict[tuple[str, str], int]:
    """(top-level SR id, language) -> number of items."""
    out: dict[tuple[str, str], int] = {}
    for it in items:
        if it.category:
            key = (it.category.split(".", 1)[0], it.lang)
            out[key] = out.get(key, 0) + 1
    return out


def crosswalk(frameworks: Sequence[Framework], suites: dict[str, Iterable[Item]]) -> Crosswalk:
    """The crosswalk of ``frameworks`` against the items of ``suites`` (name -> items)."""
    counts: dict[tuple[str, str], int] = {}
    for suite_items in suites.values():
        for key, n in suite_counts(suite_items).items():
            counts[key] = counts.get(key, 0) + n
    fws = sorted(frameworks, key=lambda f: f.id)
    rows = []
    uncovered = []
    for cat in CATEGORIES:
        entries = []
        for fw in fws:
            mapped = sorted(
                f"{c.id} ({m.strength})" for c in fw.categories for m in c.maps_to if _related(m.sr, cat.id)
            )
            controls = [
                ctl.id
                for ctl in fw.controls
                if ctl.scope is not None
                and ctl.kind in ("test", "red_line")
                and any(_related(sr, cat.id) for sr in fw.resolve(ctl.scope.categories))
            ]
            if mapped or controls:
                entries.append(CrosswalkEntry(framework=fw.id, categories=mapped, controls=controls))
        items = {lg: n for (c, lg), n in sorted(counts.items()) if c == cat.id}
        if any(e.controls for e in entries) and not items:
            uncovered.append(cat.id)
        rows.append(
            CrosswalkRow(category=cat.id, slug=cat.slug, title=LocalText(en=cat.en, zh=cat.zh), frameworks=entries, items=items)
        )
    return Crosswalk(suites=sorted(suites), rows=rows, uncovered=uncovered)
