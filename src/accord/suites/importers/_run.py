"""One import: pick the layout, build the items, write and re-load the JSONL suite."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import orjson

from accord.errors import SuiteError, UsageError
from accord.i18n import t
from accord.suites._item import Item
from accord.suites._loader import load_suite
from accord.suites.importers._build import Builder, ImportOptions, ImportReport, item_line
from accord.suites.importers._formats import (
    AILUMINATE_HAZARDS,
    BBQ_CATEGORIES,
    HARMBENCH_CATEGORIES,
    XSTEST_UNSAFE_TYPES,
    import_advbench,
    import_ailuminate,
    import_bbq,
    import_harmbench,
    import_xstest,
)
from accord.suites.importers._generic import import_generic, import_hf_disk

__all__ = ["CATEGORY_TABLES", "FORMATS", "import_file", "iter_items"]

Importer = Callable[[Path, Builder], Iterator[Item]]

_IMPORTERS: dict[str, Importer] = {
    "harmbench": import_harmbench,
    "xstest": import_xstest,
    "bbq": import_bbq,
    "advbench": import_advbench,
    "ailuminate": import_ailuminate,
    "generic": import_generic,
    "hf-disk": import_hf_disk,
}

#: The layouts ``accord suites import --format`` reads.
FORMATS: tuple[str, ...] = tuple(_IMPORTERS)

#: Each layout's source category -> taxonomy id table (empty: the source names SR ids itself,
#: or has no categories).
CATEGORY_TABLES: Mapping[str, Mapping[str, str]] = {
    "harmbench": HARMBENCH_CATEGORIES,
    "xstest": XSTEST_UNSAFE_TYPES,
    "bbq": BBQ_CATEGORIES,
    "advbench": {},
    "ailuminate": AILUMINATE_HAZARDS,
    "generic": {},
    "hf-disk": {},
}

_MAPPED_ONLY = ("generic", "hf-disk")


def _check_format(fmt: str, options: ImportOptions) -> None:
    if fmt not in _IMPORTERS:
        close = difflib.get_close_matches(fmt, FORMATS, n=1)
        hint = t("suites.hint.did_you_mean", name=close[0]) if close else ""
        raise UsageError(t("suites.err.unknown_format", format=fmt, hint=hint, formats=", ".join(FORMATS)))
    if fmt not in _MAPPED_ONLY:
        for option, used in (("--map", options.field_map), ("--set", options.constants), ("--expect-map", options.expect_map)):
            if used:
                raise UsageError(t("suites.err.mapping_only_generic", option=option, format=fmt))
    if options.split is not None and fmt != "hf-disk":
        raise UsageError(t("suites.err.split_only_hf", format=fmt))


def iter_items(fmt: str, source: Path, options: ImportOptions, report: ImportReport | None = None) -> Iterator[Item]:
    """The items of ``source`` read as layout ``fmt``, in source order.

    When the iteration ends, ``report`` (if given) holds the skip, category and note counts.

    Raises:
        UsageError: an unknown layout, or options that do not apply to it.
        SuiteError: a missing required column, or a row that does not make an item
            (the message names the file, the line, the field and the fix).
        MissingExtraError: Parquet or a Hugging Face folder without the ``hf`` extra.
    """
    _check_format(fmt, options)
    builder = Builder(fmt, options, CATEGORY_TABLES[fmt])
    languages: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for item in _IMPORTERS[fmt](source, builder):
        languages[item.lang] += 1
        categories[item.category or "none"] += 1
        yield item
    if report is not None:
        report.items = sum(languages.values())
        report.languages = dict(sorted(languages.items()))
        report.categories = dict(sorted(categories.items(), key=lambda kv: _category_order(kv[0])))
        report.skipped = {k: v for k, v in sorted(builder.skipped.items()) if v}
        report.unmapped_categories = dict(sorted(builder.category.unmapped.items()))
        report.default_category = options.default_category
        report.notes = {k: v for k, v in sorted(builder.notes.items()) if v}


def _category_order(cat: str) -> tuple[int, str]:
    return (1, cat) if cat == "none" else (0, cat)


def import_file(fmt: str, source: Path, output: Path, options: ImportOptions, *, force: bool = False) -> ImportReport:
    """Import ``source`` (layout ``fmt``) into the JSONL suite ``output``.

    The suite is written beside ``output`` first and loaded back through the suite loader, so
    what lands at ``output`` is a suite Accord reads. Output is deterministic: the same input
    and options give the same bytes.

    Raises:
        UsageError: ``output`` is not a .jsonl path, exists (without ``force``) or is the input.
        SuiteError, MissingExtraError: as ``iter_items``; also when no row makes an item.
    """
    if output.suffix != ".jsonl":
        raise UsageError(t("suites.err.output_suffix", path=output))
    if output.exists() and not force:
        raise UsageError(t("suites.err.output_exists", path=output))
    if source.exists() and output.exists() and output.resolve() == source.resolve():
        raise UsageError(t("suites.err.output_is_input", path=output))
    report = ImportReport(format=fmt, input=str(source), output=str(output), name=options.name)
    items = iter_items(fmt, source, options, report)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.stem}.importing.jsonl")
    try:
        with tmp.open("wb") as f:
            for item in items:
                f.write(orjson.dumps(item_line(item)) + b"\n")
        if report.items == 0:
            skipped = ", ".join(f"{k} {v}" for k, v in report.skipped.items()) or "-"
            raise SuiteError(t("suites.err.no_items", path=source, skipped=skipped))
        info = load_suite(tmp).info()
        tmp.replace(output)
    finally:
        tmp.unlink(missing_ok=True)
    report.digest = info.digest
    return report
