"""Reading the rows of a source file: CSV/TSV, JSONL, a JSON array, Parquet.

Every row carries where it came from (``file:line`` or ``file row N``) so that an error about
it names the place to fix. Text is read as UTF-8 with or without a byte-order mark.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from accord.errors import MissingExtraError, SuiteError
from accord.i18n import t

__all__ = ["Row", "Table", "get", "read_csv", "read_json", "read_jsonl", "read_parquet", "read_table", "text"]

# HarmBench context strings and long prompts exceed csv's default 128 KiB field limit.
_CSV_FIELD_LIMIT = 1 << 26


@dataclass(frozen=True)
class Row:
    """One source record: its place (for messages), its 1-based number, its fields."""

    where: str
    number: int
    data: dict[str, Any]


@dataclass
class Table:
    """The rows of one source. ``columns`` is known up front for CSV/Parquet (the header),
    and None for JSON lines, whose keys may differ from line to line."""

    path: Path
    columns: list[str] | None
    rows: Iterator[Row]
    blank: int = 0  # rows skipped because every field was empty; counted while iterating


def get(data: dict[str, Any], name: str) -> Any:
    """The value of column ``name``: exact match first, then ignoring case and spaces."""
    if name in data:
        return data[name]
    key = name.strip().lower()
    for k, v in data.items():
        if k.strip().lower() == key:
            return v
    return None


def has_column(columns: list[str], name: str) -> bool:
    key = name.strip().lower()
    return any(c.strip().lower() == key for c in columns)


def text(value: Any) -> str:
    """A cell as text: None is empty, numbers are written plainly, text is stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _open_text(path: Path) -> Any:
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as e:
        raise SuiteError(t("suites.err.cannot_read", path=path, reason=e.strerror or str(e))) from None


def _not_utf8(path: Path, e: UnicodeDecodeError) -> SuiteError:
    return SuiteError(t("suites.err.not_utf8", path=path, reason=e.reason))


def read_csv(path: Path, *, delimiter: str = ",") -> Table:
    """A CSV (or TSV) file with a header row. Quoted fields may hold commas and newlines."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    f = _open_text(path)
    reader = csv.reader(f, delimiter=delimiter)
    try:
        header = next(reader, None)
    except UnicodeDecodeError as e:
        f.close()
        raise _not_utf8(path, e) from None
    except csv.Error as e:
        f.close()
        raise SuiteError(t("suites.err.bad_csv", where=f"{path}:1", reason=e)) from None
    if not header or not any(h.strip() for h in header):
        f.close()
        raise SuiteError(t("suites.err.no_header", path=path))
    columns = [h.strip() for h in header]
    table = Table(path, columns, iter(()))

    def rows() -> Iterator[Row]:
        number = 0
        start = reader.line_num + 1
        with f:
            while True:
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as e:
                    raise _not_utf8(path, e) from None
                except csv.Error as e:
                    raise SuiteError(t("suites.err.bad_csv", where=f"{path}:{start}", reason=e)) from None
                where = f"{path}:{start}"
                start = reader.line_num + 1
                if not any(cell.strip() for cell in record):
                    table.blank += 1
                    continue
                number += 1
                data = {col: (record[i] if i < len(record) else "") for i, col in enumerate(columns) if col}
                yield Row(where, number, data)

    table.rows = rows()
    return table


def read_jsonl(path: Path) -> Table:
    """One JSON object per line; blank lines are skipped."""
    try:
        f = path.open("rb")
    except OSError as e:
        raise SuiteError(t("suites.err.cannot_read", path=path, reason=e.strerror or str(e))) from None
    table = Table(path, None, iter(()))

    def rows() -> Iterator[Row]:
        number = 0
        with f:
            for lineno, raw in enumerate(f, 1):
                line = raw[3:] if lineno == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
                if not line.strip():
                    continue
                try:
                    obj = orjson.loads(line)
                except orjson.JSONDecodeError as e:
                    raise SuiteError(t("suites.err.bad_json", where=f"{path}:{lineno}", reason=e.msg)) from None
                if not isinstance(obj, dict):
                    raise SuiteError(t("suites.err.not_object", where=f"{path}:{lineno}"))
                number += 1
                yield Row(f"{path}:{lineno}", number, obj)

    table.rows = rows()
    return table


def read_json(path: Path) -> Table:
    """A JSON array of objects (or an object with one list of objects, as some exports do)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SuiteError(t("suites.err.cannot_read", path=path, reason=e.strerror or str(e))) from None
    try:
        doc = orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as e:
        raise SuiteError(t("suites.err.bad_json", where=f"{path}:{e.lineno}", reason=e.msg)) from None
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list)]
        doc = lists[0] if len(lists) == 1 else None
    if not isinstance(doc, list):
        raise SuiteError(t("suites.err.json_not_list", path=path))

    def rows() -> Iterator[Row]:
        for i, obj in enumerate(doc, 1):
            if not isinstance(obj, dict):
                raise SuiteError(t("suites.err.not_object", where=t("suites.where.row", path=path, row=i)))
            yield Row(t("suites.where.row", path=path, row=i), i, obj)

    return Table(path, None, rows())


def read_parquet(path: Path) -> Table:
    """A Parquet file, read in record batches with pyarrow (the ``hf`` extra)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError(t("suites.feature.parquet"), "hf", "pyarrow") from None
    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError) as e:
        raise SuiteError(t("suites.err.bad_arrow", path=path, reason=str(e).splitlines()[0])) from None
    columns = [str(n) for n in pf.schema_arrow.names]

    def rows() -> Iterator[Row]:
        number = 0
        for batch in pf.iter_batches(batch_size=4096):
            for obj in batch.to_pylist():
                number += 1
                yield Row(t("suites.where.row", path=path, row=number), number, obj)

    return Table(path, columns, rows())


def read_table(path: Path) -> Table:
    """Pick the reader by file suffix: .csv, .tsv, .jsonl/.ndjson, .json, .parquet."""
    if not path.exists():
        raise SuiteError(t("suites.err.no_input", path=path))
    if path.is_dir():
        raise SuiteError(t("suites.err.input_is_dir", path=path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".tsv":
        return read_csv(path, delimiter="\t")
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl(path)
    if suffix == ".json":
        return read_json(path)
    if suffix in (".parquet", ".pq"):
        return read_parquet(path)
    raise SuiteError(t("suites.err.unknown_suffix", path=path))
