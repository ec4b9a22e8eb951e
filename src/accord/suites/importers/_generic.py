"""Any table of prompts (JSONL, CSV/TSV, JSON, Parquet, a Hugging Face folder) with a field
mapping: ``--map prompt=question --map id=qid --set expect=refuse``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from accord.errors import SuiteError, UsageError
from accord.i18n import t
from accord.suites._item import Document, Item, Lang, parse_expectation
from accord.suites.importers._build import Builder, ImportOptions, norm_key
from accord.suites.importers._formats import row_lang
from accord.suites.importers._hf import read_hf_disk
from accord.suites.importers._source import Row, Table, get, has_column, read_table, text

__all__ = ["MAPPABLE_FIELDS", "SETTABLE_FIELDS", "check_field_options", "import_generic", "import_hf_disk"]

#: Item fields a column can feed (plus ``meta.<key>``).
MAPPABLE_FIELDS = ("id", "prompt", "system", "category", "expect", "lang", "parallel_id", "tags", "graders", "document")
#: Item fields a fixed value can be given (plus ``meta.<key>``); the language is --lang.
SETTABLE_FIELDS = ("system", "category", "expect", "tags", "graders", "document")
#: Columns used without a --map when the source has them.
_DEFAULT_COLUMNS = ("id", "prompt", "system", "category", "expect", "lang", "parallel_id", "tags")
_LAYOUT = "suites.layout.generic"


def _field_ok(name: str, allowed: tuple[str, ...]) -> bool:
    return name in allowed or (name.startswith("meta.") and len(name) > len("meta."))


def check_field_options(options: ImportOptions) -> None:
    """Reject unknown target fields and a field both mapped and set, before reading anything."""
    for f in options.field_map:
        if not _field_ok(f, MAPPABLE_FIELDS):
            raise UsageError(t("suites.err.bad_map_field", option="--map", field=f, allowed=", ".join([*MAPPABLE_FIELDS, "meta.<key>"])))
    for f in options.constants:
        if f == "lang":
            raise UsageError(t("suites.err.set_lang"))
        if not _field_ok(f, SETTABLE_FIELDS):
            raise UsageError(t("suites.err.bad_map_field", option="--set", field=f, allowed=", ".join([*SETTABLE_FIELDS, "meta.<key>"])))
    for f in options.field_map.keys() & options.constants.keys():
        raise UsageError(t("suites.err.map_and_set", field=f))
    for value, expect in options.expect_map.items():
        try:
            parse_expectation(expect)
        except ValueError:
            raise UsageError(t("suites.err.bad_expect_option", value=f"{value}={expect}")) from None
    if "expect" in options.constants:
        try:
            parse_expectation(options.constants["expect"])
        except ValueError:
            raise UsageError(t("suites.err.bad_expect_option", value=f"expect={options.constants['expect']}")) from None


def _as_text(value: Any) -> str:
    if isinstance(value, (dict, list, tuple)):
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS, default=str).decode()
    return text(value)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text(v) for v in value if text(v)]
    return [p.strip() for p in text(value).replace(";", ",").split(",") if p.strip()]


def import_generic(path: Path, b: Builder) -> Iterator[Item]:
    """Rows of a .jsonl/.ndjson, .csv, .tsv, .json or .parquet file, mapped field by field."""
    check_field_options(b.options)
    yield from _mapped_rows(read_table(path), b, source=path.name)


def import_hf_disk(path: Path, b: Builder) -> Iterator[Item]:
    """Rows of a ``save_to_disk`` folder (``--split`` picks one split), mapped field by field."""
    check_field_options(b.options)
    table = read_hf_disk(path, b.options.split)
    split = table.path.name if table.path != path else ""
    yield from _mapped_rows(table, b, source=path.name, extra_meta={"split": split})


def _columns(table: Table, options: ImportOptions) -> dict[str, str]:
    """Item field -> source column: the user's --map, else a same-named column when present
    (for JSON lines, whose keys are only known per row, the default names are tried per row)."""
    mapping = dict(options.field_map)
    for f in _DEFAULT_COLUMNS:
        if f in mapping or f in options.constants:
            continue
        if table.columns is None or has_column(table.columns, f):
            mapping[f] = f
    if table.columns is not None:
        found = ", ".join(c for c in table.columns if c) or "-"
        for f, col in options.field_map.items():
            if not has_column(table.columns, col):
                raise SuiteError(t("suites.err.mapped_column_missing", path=table.path, column=col, field=f, found=found))
        if "prompt" not in mapping:
            raise SuiteError(t("suites.err.no_prompt_column", path=table.path, found=found))
    return mapping


def _mapped_rows(table: Table, b: Builder, *, source: str, extra_meta: dict[str, str] | None = None) -> Iterator[Item]:
    extra_meta = extra_meta or {}
    options = b.options
    cols = _columns(table, options)
    consts = options.constants
    expect_map = {norm_key(k): v for k, v in options.expect_map.items()}

    def value(row: Row, f: str) -> Any:
        if f in consts:
            return consts[f]
        col = cols.get(f)
        return get(row.data, col) if col is not None else None

    for row in table.rows:
        raw_prompt = get(row.data, cols.get("prompt", "prompt"))
        if raw_prompt is None:
            raise SuiteError(t("suites.err.missing_field", where=row.where, column=cols.get("prompt", "prompt"), layout=t(_LAYOUT), columns="prompt (--map prompt=COLUMN)"))
        if isinstance(raw_prompt, (dict, list, tuple)):
            raise SuiteError(t("suites.err.not_text", where=row.where, column=cols.get("prompt", "prompt")))
        prompt = text(raw_prompt)
        if not prompt:
            raise SuiteError(t("suites.err.empty_value", where=row.where, column=cols.get("prompt", "prompt")))
        lang: Lang | None
        raw_lang = value(row, "lang")
        lang = row_lang(b, text(raw_lang)) if raw_lang is not None else (options.lang or "en")
        if lang is None:
            continue
        source_id = _as_text(value(row, "id"))
        raw_category = _as_text(value(row, "category"))
        source_category = "" if "category" in consts else raw_category
        raw_expect = _as_text(value(row, "expect"))
        expect: str | None = None
        if raw_expect:
            expect = expect_map.get(norm_key(raw_expect), raw_expect)
            try:
                parse_expectation(expect)
            except ValueError:
                raise SuiteError(t("suites.err.bad_expect", where=row.where, value=raw_expect)) from None
        document = _as_text(value(row, "document"))
        graders = _as_list(value(row, "graders"))
        meta = {"source": source, "source_id": source_id or str(row.number), "source_category": source_category, **extra_meta}
        for f in [*cols, *consts]:
            if f.startswith("meta."):
                meta[f.removeprefix("meta.")] = _as_text(value(row, f))
        yield b.item(
            row,
            id=b.item_id(row, source_id),
            lang=lang,
            prompt=prompt,
            system=_as_text(value(row, "system")) or None,
            documents=[Document(content=document)] if document else [],
            category=b.category(raw_category),
            expect=expect,
            graders=graders or None,
            tags=_as_list(value(row, "tags")),
            parallel_id=_as_text(value(row, "parallel_id")) or None,
            meta=meta,
        )
    b.skipped["blank"] += table.blank
