"""Reading a Hugging Face ``datasets`` folder written by ``save_to_disk``.

The folder holds Arrow stream files plus ``dataset_info.json`` and ``state.json`` (one split),
or one such folder per split plus ``dataset_dict.json``. It is read with the ``datasets``
library when installed, else with ``pyarrow`` alone (both come with the ``hf`` extra).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from accord.errors import MissingExtraError, SuiteError
from accord.i18n import t
from accord.suites.importers._source import Row, Table

__all__ = ["read_hf_disk"]


def _load_json(path: Path) -> Any:
    try:
        return orjson.loads(path.read_bytes())
    except OSError as e:
        raise SuiteError(t("suites.err.cannot_read", path=path, reason=e.strerror or str(e))) from None
    except orjson.JSONDecodeError as e:
        raise SuiteError(t("suites.err.bad_json", where=f"{path}:{e.lineno}", reason=e.msg)) from None


def _split_folder(path: Path, split: str | None) -> Path:
    """The folder of one split: ``path`` itself, or ``path/<split>`` for a DatasetDict."""
    if not path.exists():
        raise SuiteError(t("suites.err.no_input", path=path))
    if not path.is_dir():
        raise SuiteError(t("suites.err.hf_not_dir", path=path))
    dict_file = path / "dataset_dict.json"
    if dict_file.exists():
        doc = _load_json(dict_file)
        splits = [str(s) for s in doc.get("splits", [])] if isinstance(doc, dict) else []
        if split is None:
            if len(splits) != 1:
                raise SuiteError(t("suites.err.hf_pick_split", path=path, splits=", ".join(splits)))
            split = splits[0]
        if split not in splits:
            raise SuiteError(t("suites.err.hf_unknown_split", path=path, split=split, splits=", ".join(splits)))
        path = path / split
    elif split is not None:
        raise SuiteError(t("suites.err.hf_no_splits", path=path))
    if not (path / "state.json").exists():
        raise SuiteError(t("suites.err.hf_not_saved", path=path))
    return path


def read_hf_disk(path: Path, split: str | None = None) -> Table:
    """The rows of a ``save_to_disk`` folder (or of one split of it)."""
    folder = _split_folder(path, split)
    try:
        import datasets
    except ImportError:
        return _read_with_pyarrow(folder)
    try:
        ds = datasets.load_from_disk(str(folder))
    except (OSError, ValueError, KeyError) as e:
        raise SuiteError(t("suites.err.bad_arrow", path=folder, reason=str(e).splitlines()[0] if str(e) else type(e).__name__)) from None
    if not isinstance(ds, datasets.Dataset):
        raise SuiteError(t("suites.err.hf_not_saved", path=folder))
    columns = [str(c) for c in ds.column_names]

    def rows() -> Iterator[Row]:
        for i, obj in enumerate(ds, 1):
            yield Row(t("suites.where.row", path=folder, row=i), i, dict(obj))

    return Table(folder, columns, rows())


def _read_with_pyarrow(folder: Path) -> Table:
    try:
        import pyarrow as pa
    except ImportError:
        raise MissingExtraError(t("suites.feature.hf_disk"), "hf", "datasets") from None
    state = _load_json(folder / "state.json")
    files = [str(f.get("filename", "")) for f in state.get("_data_files", [])] if isinstance(state, dict) else []
    if not files:
        raise SuiteError(t("suites.err.hf_not_saved", path=folder))
    paths = [folder / f for f in files]
    for p in paths:
        if not p.exists():
            raise SuiteError(t("suites.err.no_input", path=p))

    def bad(p: Path, e: Exception) -> SuiteError:
        return SuiteError(t("suites.err.bad_arrow", path=p, reason=str(e).splitlines()[0] if str(e) else type(e).__name__))

    def open_reader(p: Path) -> Any:
        try:
            source = pa.memory_map(str(p))
            try:
                return pa.ipc.open_stream(source)
            except pa.ArrowInvalid:
                return pa.ipc.open_file(source)
        except (OSError, pa.ArrowException) as e:
            raise bad(p, e) from None

    def batches(p: Path) -> Iterator[Any]:
        reader = open_reader(p)
        try:
            if isinstance(reader, pa.ipc.RecordBatchFileReader):
                for i in range(reader.num_record_batches):
                    yield reader.get_batch(i)
            else:
                yield from reader
        except (OSError, pa.ArrowException) as e:
            raise bad(p, e) from None

    columns = [str(n) for n in open_reader(paths[0]).schema.names]

    def rows() -> Iterator[Row]:
        number = 0
        for p in paths:
            for batch in batches(p):
                for obj in batch.to_pylist():
                    number += 1
                    yield Row(t("suites.where.row", path=folder, row=number), number, obj)

    return Table(folder, columns, rows())
