"""Open what a report is made from: a run directory or an evidence bundle.

A run directory holds ``records.jsonl`` and ``run.json``. A bundle is a ``.accord`` ZIP file or
its unpacked directory; it carries the same two files (at its root or in a sub-folder). A run
directory that holds a bundle (``RUN_DIR/*.accord``) has that bundle verified for the report.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from accord.engine import MANIFEST_FILE, RECORDS_FILE, RunManifest, iter_raw
from accord.errors import UsageError

__all__ = ["ReportSource", "open_source"]

BUNDLE_SUFFIX = ".accord"


@dataclass(frozen=True)
class ReportSource:
    kind: str  # "run" | "bundle"
    path: Path
    manifest: RunManifest
    bundle: Path | None  # the bundle to verify, if any
    _zip_member: str | None = None
    _records_path: Path | None = None

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, in journal order (a later record for an item replaces an earlier one)."""
        if self._records_path is not None:
            yield from iter_raw(self._records_path)
            return
        for _, rec in self._zip_records():
            yield rec

    def records_at(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(position, record) for every record; ``read_at`` reads one again by its position
        (a byte offset in a journal file, a line number in a bundle's ZIP member)."""
        if self._records_path is None:
            yield from self._zip_records()
            return
        # iter_raw's rules (a torn last line is skipped), with each line's byte offset
        offset = 0
        for rec, size in _lines_with_sizes(self._records_path):
            yield offset, rec
            offset += size

    def read_at(self, positions: set[int]) -> dict[int, dict[str, Any]]:
        """The records at ``positions`` (as given by ``records_at``)."""
        out: dict[int, dict[str, Any]] = {}
        if not positions:
            return out
        if self._records_path is not None:
            with self._records_path.open("rb") as f:
                for pos in sorted(positions):
                    f.seek(pos)
                    out[pos] = orjson.loads(f.readline())
            return out
        last = max(positions)
        for pos, rec in self._zip_records():
            if pos in positions:
                out[pos] = rec
            if pos >= last:
                break
        return out

    def _zip_records(self) -> Iterator[tuple[int, dict[str, Any]]]:
        assert self._zip_member is not None
        with zipfile.ZipFile(self.path) as z, z.open(self._zip_member) as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    yield lineno, orjson.loads(line)
                except orjson.JSONDecodeError:
                    raise UsageError(f"{self.path}:{self._zip_member}:{lineno}: not a valid record") from None


def _lines_with_sizes(path: Path) -> Iterator[tuple[dict[str, Any], int]]:
    """(record, line length in bytes) with :func:`accord.engine.iter_raw`'s reading rules: a
    torn last line is skipped, any other invalid line is an error."""
    with path.open("rb") as f:
        for lineno, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                return  # torn tail: the writer was killed mid-line
            try:
                yield orjson.loads(line), len(line)
            except orjson.JSONDecodeError:
                raise UsageError(
                    f"{path}:{lineno}: corrupt record in the middle of the journal; restore the file "
                    "from a backup or remove that line"
                ) from None


def _manifest(data: bytes, where: str) -> RunManifest:
    try:
        return RunManifest.model_validate_json(data)
    except ValueError as e:
        first = str(e).splitlines()[1:2] or [str(e)]
        raise UsageError(f"{where} is not a valid Accord run manifest ({first[0].strip()})") from None


def _find_in_dir(root: Path) -> tuple[Path, Path] | None:
    """(records.jsonl, run.json) side by side in ``root`` or its shallowest sub-folder."""
    if (root / RECORDS_FILE).is_file() and (root / MANIFEST_FILE).is_file():
        return root / RECORDS_FILE, root / MANIFEST_FILE
    candidates = sorted(root.rglob(RECORDS_FILE), key=lambda p: (len(p.parts), str(p)))
    for rec in candidates:
        if (rec.parent / MANIFEST_FILE).is_file():
            return rec, rec.parent / MANIFEST_FILE
    return None


def _bundle_in(run_dir: Path) -> Path | None:
    found = sorted(run_dir.glob(f"*{BUNDLE_SUFFIX}"))
    return found[-1] if found else None


def _is_bundle_dir(path: Path) -> bool:
    return path.suffix == BUNDLE_SUFFIX or any(
        (path / name).exists() for name in ("bundle.json", "statement.json", "envelope.json")
    )


def open_source(path: Path) -> ReportSource:
    """Open a run directory, a bundle file or an unpacked bundle directory.

    Raises:
        UsageError: the path does not exist or holds no journal and manifest.
    """
    if not path.exists():
        raise UsageError(f"{path} does not exist; pass a run directory (with records.jsonl and run.json) or a .accord bundle")
    if path.is_file():
        if not zipfile.is_zipfile(path):
            raise UsageError(f"{path} is neither a run directory nor a .accord bundle (a ZIP file)")
        with zipfile.ZipFile(path) as z:
            names = sorted(z.namelist(), key=lambda n: (n.count("/"), n))
            recs = [n for n in names if n.rsplit("/", 1)[-1] == RECORDS_FILE]
            for rec in recs:
                prefix = rec[: -len(RECORDS_FILE)]
                if prefix + MANIFEST_FILE in names:
                    manifest = _manifest(z.read(prefix + MANIFEST_FILE), f"{path}:{prefix}{MANIFEST_FILE}")
                    return ReportSource("bundle", path, manifest, path, _zip_member=rec)
        raise UsageError(f"{path} holds no {RECORDS_FILE} with a {MANIFEST_FILE} beside it; is it an Accord bundle?")
    found = _find_in_dir(path)
    if found is None:
        raise UsageError(f"{path} holds no {RECORDS_FILE} and {MANIFEST_FILE}; pass a run directory or a .accord bundle")
    records, manifest_path = found
    manifest = _manifest(manifest_path.read_bytes(), str(manifest_path))
    if _is_bundle_dir(path):
        return ReportSource("bundle", path, manifest, path, _records_path=records)
    return ReportSource("run", path, manifest, _bundle_in(path), _records_path=records)
