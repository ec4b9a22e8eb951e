"""Turning source rows into validated items: ids, categories, provenance, the report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.errors import SuiteError, UsageError
from accord.i18n import t
from accord.suites._item import CATEGORY_PATTERN, Document, Item, Lang
from accord.suites.importers._source import Row

__all__ = ["Builder", "Categorizer", "ImportOptions", "ImportReport", "item_line", "norm_key"]

_CATEGORY_RE = re.compile(CATEGORY_PATTERN)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.:/-]+")
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

ContextMode = Literal["document", "prompt"]


def norm_key(value: str) -> str:
    """How source category names and mapped values are compared: trimmed, case-folded."""
    return value.strip().casefold()


def _check_category(value: str, option: str) -> None:
    if not _CATEGORY_RE.match(value):
        raise UsageError(t("suites.err.bad_category_option", option=option, value=value))


@dataclass(frozen=True)
class ImportOptions:
    """How to import a source.

    ``name`` prefixes every item id (``<name>.<source id>``). ``lang`` is the items' language
    where the source has none, and a filter where it has one per row. ``field_map`` and
    ``constants`` (generic and hf-disk layouts) say which column feeds which item field, or a
    fixed value for it. ``category_map`` adds to or overrides a layout's category table;
    ``default_category`` is given to rows whose category is unknown or missing.
    """

    name: str
    lang: Lang | None = None
    field_map: Mapping[str, str] = field(default_factory=dict)
    constants: Mapping[str, str] = field(default_factory=dict)
    category_map: Mapping[str, str] = field(default_factory=dict)
    expect_map: Mapping[str, str] = field(default_factory=dict)
    default_category: str | None = None
    context: ContextMode = "document"
    split: str | None = None

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise UsageError(t("suites.err.bad_name", name=self.name))
        if self.lang is not None and self.lang not in ("en", "zh"):
            raise UsageError(t("suites.err.bad_lang_option", lang=self.lang))
        if self.default_category is not None:
            _check_category(self.default_category, "--default-category")
        for source, target in self.category_map.items():
            if not source.strip():
                raise UsageError(t("suites.err.bad_pair", option="--category-map", value=f"={target}"))
            _check_category(target, "--category-map")
        if self.context not in ("document", "prompt"):
            raise UsageError(t("suites.err.bad_context", value=self.context))


class ImportReport(BaseModel):
    """What an import did: counts, and everything it could not map or chose to skip."""

    model_config = ConfigDict(extra="forbid")

    format: str
    input: str
    output: str = ""
    name: str
    items: int = 0
    digest: str = Field(default="", description="The written suite's digest (as `accord suites list` shows).")
    languages: dict[str, int] = Field(default_factory=dict)
    categories: dict[str, int] = Field(default_factory=dict, description="Items per category; `none` for uncategorised.")
    skipped: dict[str, int] = Field(default_factory=dict, description="Rows not imported, per reason code.")
    unmapped_categories: dict[str, int] = Field(
        default_factory=dict, description="Source categories missing from the mapping table, with row counts."
    )
    default_category: str | None = None
    notes: dict[str, int] = Field(default_factory=dict, description="Per-layout counts worth a look (see docs/importers.md).")


class Categorizer:
    """Maps source category names to taxonomy ids and counts what it could not map.

    Lookup order: the user's ``--category-map``, the layout's table, then the value itself when
    it already is an SR id. Anything else gets ``default`` (None: uncategorised) and is counted.
    """

    def __init__(self, table: Mapping[str, str], overrides: Mapping[str, str], default: str | None) -> None:
        self.table = {norm_key(k): v for k, v in table.items()}
        self.overrides = {norm_key(k): v for k, v in overrides.items()}
        self.default = default
        self.unmapped: Counter[str] = Counter()

    def __call__(self, value: str | None) -> str | None:
        raw = (value or "").strip()
        if not raw:
            return self.default
        key = norm_key(raw)
        if key in self.overrides:
            return self.overrides[key]
        if key in self.table:
            return self.table[key]
        if _CATEGORY_RE.match(raw.upper()):
            return raw.upper()
        self.unmapped[raw] += 1
        return self.default


class Builder:
    """Builds items of one import: stable ids, provenance in ``meta``, validation, counts."""

    def __init__(self, fmt: str, options: ImportOptions, table: Mapping[str, str] | None = None) -> None:
        self.fmt = fmt
        self.options = options
        self.category = Categorizer(table or {}, options.category_map, options.default_category)
        self.skipped: Counter[str] = Counter()
        self.notes: Counter[str] = Counter()
        self._ids: dict[str, str] = {}

    def item_id(self, row: Row, *parts: str) -> str:
        """``<name>.<part>...``: each part with characters ids may not hold replaced by ``-``;
        the row number when the source has no id."""
        clean = [_ID_UNSAFE.sub("-", p.strip()).strip("-") for p in parts]
        clean = [c for c in clean if c] or [str(row.number)]
        return ".".join([self.options.name, *clean])

    def item(
        self,
        row: Row,
        *,
        id: str,
        lang: Lang,
        prompt: str,
        category: str | None,
        expect: str | None,
        system: str | None = None,
        documents: Sequence[Document] = (),
        graders: Sequence[str] | None = None,
        tags: Sequence[str] = (),
        parallel_id: str | None = None,
        meta: Mapping[str, str] | None = None,
    ) -> Item:
        """A validated item; a row that does not make one is a one-line error naming it."""
        first = self._ids.get(id)
        if first is not None:
            raise SuiteError(t("suites.err.duplicate_id", where=row.where, id=id, first=first))
        self._ids[id] = row.where
        messages = [{"role": "user", "content": prompt}]
        if system:
            messages.insert(0, {"role": "system", "content": system})
        data: dict[str, Any] = {
            "id": id,
            "lang": lang,
            "category": category,
            "messages": messages,
            "documents": [d.model_dump() for d in documents],
            "expect": expect,
            "tags": _unique(tags),
            "parallel_id": parallel_id,
            "meta": {k: v for k, v in (meta or {}).items() if v},
        }
        if graders is not None:
            data["graders"] = list(graders)
        try:
            return Item.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            where_field = ".".join(str(p) for p in err["loc"]) or "item"
            msg = err["msg"].removeprefix("Value error, ")
            raise SuiteError(t("suites.err.invalid_item", where=row.where, field=where_field, msg=msg)) from None


def _unique(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in out:
            out.append(v)
    return out


def item_line(item: Item) -> dict[str, Any]:
    """The item as one JSONL suite line, in the compact form people write by hand
    (``prompt``/``system`` for a plain turn, defaults left out). Loading it gives ``item`` back."""
    line: dict[str, Any] = {"id": item.id, "lang": item.lang}
    if item.category is not None:
        line["category"] = item.category
    if item.expect is not None:
        line["expect"] = str(item.expect)
    msgs = item.messages
    if len(msgs) == 1 and msgs[0].role == "user":
        line["prompt"] = msgs[0].content
    elif len(msgs) == 2 and msgs[0].role == "system" and msgs[1].role == "user":
        line["system"] = msgs[0].content
        line["prompt"] = msgs[1].content
    else:
        line["messages"] = [m.model_dump() for m in msgs]
    if item.documents:
        line["documents"] = [d.model_dump() for d in item.documents]
    if item.graders != ("refusal",):
        line["graders"] = list(item.graders)
    if item.parallel_id is not None:
        line["parallel_id"] = item.parallel_id
    if item.tags:
        line["tags"] = list(item.tags)
    if item.meta:
        line["meta"] = dict(item.meta)
    return line
