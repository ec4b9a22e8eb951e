"""Load suites from YAML or JSONL, with errors that name file, line, field and fix."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import yaml
from pydantic import ValidationError

from accord.errors import SuiteError
from accord.i18n import t
from accord.suites._item import Item, SuiteInfo

__all__ = ["Suite", "builtin_suite_names", "load_suite"]

DATA_DIR = Path(__file__).parent / "data"
_ITEM_KEYS = {
    "id", "lang", "category", "messages", "documents", "expect", "graders",
    "parallel_id", "tags", "meta", "prompt", "system",
}


class Suite:
    """A named, versioned set of items.

    Items are streamed from disk on each iteration (JSONL) or held once (YAML, which is
    how the small built-in suites are written), so a million-line JSONL suite never sits
    in memory.
    """

    def __init__(self, name: str, version: str, sources: list[Path], description: dict[str, str] | None = None) -> None:
        self.name = name
        self.version = version
        self.sources = sources
        self.description = description or {}
        self._cached: list[Item] | None = None
        self._info: SuiteInfo | None = None

    def __iter__(self) -> Iterator[Item]:
        if self._cached is not None:
            yield from self._cached
            return
        for src in self.sources:
            yield from _iter_file(src)

    def materialize(self) -> Suite:
        """Hold the items in memory (used for small YAML suites)."""
        self._cached = list(self)
        return self

    def info(self) -> SuiteInfo:
        """Metadata including the suite digest (SHA-256 over the item hashes in order).

        The digest needs one pass over the items; it is computed once and kept.
        """
        if self._info is None:
            self._info = self._cached_info()
        if self._info is None:
            h = hashlib.sha256()
            n = 0
            seen: set[str] = set()
            graders: set[str] = set()
            for item in self:
                graders.update(item.graders)
                if item.id in seen:
                    raise SuiteError(t("err.suite.duplicate_id", where=self.where(), id=item.id))
                seen.add(item.id)
                h.update(bytes.fromhex(item.content_hash()))
                n += 1
            if n == 0:
                raise SuiteError(t("err.suite.empty", where=self.where()))
            self._info = SuiteInfo(
                name=self.name,
                version=self.version,
                description=self.description,
                source=self.where(),
                digest=h.hexdigest(),
                items=n,
                graders=tuple(sorted(graders)),
            )
            self._store_info(self._info)
        return self._info

    def known_info(self) -> SuiteInfo | None:
        """The suite's info if it costs no pass over a file: held in memory, or
        remembered from an earlier pass over the same unchanged files."""
        if self._info is None and self._cached is not None:
            return self.info()
        if self._info is None:
            self._info = self._cached_info()
        return self._info

    def remember(self, info: SuiteInfo) -> None:
        """Keep ``info`` (computed by a caller's own pass, e.g. the engine's) for next time."""
        self._info = info
        self._store_info(info)

    def source_digest(self) -> str:
        """SHA-256 over the raw bytes of the source files: a cheap change detector."""
        h = hashlib.sha256()
        for src in self.sources:
            with src.open("rb") as f:
                while chunk := f.read(1 << 20):
                    h.update(chunk)
        return h.hexdigest()

    def count_hint(self) -> int:
        """Number of items, exact when known, else the count of non-blank JSONL lines."""
        info = self.known_info()
        if info is not None:
            return info.items
        n = 0
        for src in self.sources:
            with src.open("rb") as f:
                n += sum(1 for line in f if line.strip())
        return n

    def _stat_key(self) -> str | None:
        """Identity of the source files (path, size, mtime) for the suite-info memo."""
        if self._cached is not None:
            return None  # in memory already: a pass costs nothing worth caching
        from accord import __version__

        parts = [__version__]
        for src in self.sources:
            st = src.stat()
            parts.append(f"{src.resolve()}:{st.st_size}:{st.st_mtime_ns}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]

    def _cached_info(self) -> SuiteInfo | None:
        key = self._stat_key()
        if key is None:
            return None
        from accord._paths import cache_dir

        try:
            return SuiteInfo.model_validate_json((cache_dir() / "suites" / f"{key}.json").read_bytes())
        except (OSError, ValueError):
            return None

    def _store_info(self, info: SuiteInfo) -> None:
        key = self._stat_key()
        if key is None:
            return
        from accord._paths import cache_dir

        path = cache_dir() / "suites" / f"{key}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(info.model_dump_json())
            tmp.replace(path)
        except OSError:
            pass

    def where(self) -> str:
        return ", ".join(str(s) for s in self.sources)


def builtin_suite_names() -> list[str]:
    """Names of the suites shipped with Accord."""
    return sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_suite(spec: str | Path) -> Suite:
    """Load a built-in suite by name, or a suite file/directory by path.

    Raises:
        SuiteError: the name is unknown, the file is missing or malformed.
    """
    s = str(spec)
    path = Path(s)
    if not path.exists():
        if "/" not in s and not s.endswith((".yaml", ".yml", ".jsonl")):
            names = builtin_suite_names()
            if s not in names:
                import difflib

                close = difflib.get_close_matches(s, names, n=1)
                hint = t("err.hint.did_you_mean", name=close[0]) if close else ""
                raise SuiteError(t("err.suite.unknown", name=s, hint=hint, names=", ".join(names)))
            path = DATA_DIR / s
        else:
            raise SuiteError(t("err.suite.file_missing", path=s))
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".jsonl"))
        if not files:
            raise SuiteError(t("err.suite.no_files", path=path))
    else:
        files = [path]
    name, version, desc = _header(files[0], default_name=path.stem if path.is_file() else path.name)
    suite = Suite(name, version, files, desc)
    if all(f.suffix in (".yaml", ".yml") for f in files):
        suite.materialize()
    return suite


def _header(path: Path, default_name: str) -> tuple[str, str, dict[str, str]]:
    if path.suffix == ".jsonl":
        return default_name, "1", {}
    doc = _read_yaml(path)
    return (
        str(doc.get("suite", default_name)),
        str(doc.get("version", "1")),
        {str(k): str(v) for k, v in (doc.get("description") or {}).items()},
    )


_SafeBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~30x faster


class _LineLoader(_SafeBase):  # type: ignore[misc]
    """A safe loader that remembers the line each mapping starts on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as f:
            doc = yaml.load(f, Loader=_LineLoader)
    except OSError as e:
        raise SuiteError(t("err.suite.cannot_read", path=path, reason=e.strerror)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise SuiteError(t("err.suite.invalid_yaml", path=path, line=line, problem=problem)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise SuiteError(t("err.suite.yaml_not_mapping", path=path))
    return doc


def _iter_file(path: Path) -> Iterator[Item]:
    if path.suffix == ".jsonl":
        yield from _iter_jsonl(path)
        return
    doc = _read_yaml(path)
    defaults = {k: v for k, v in doc.items() if k in ("lang", "graders", "category", "expect")}
    for raw in doc["items"]:
        if not isinstance(raw, dict):
            raise SuiteError(t("err.suite.item_not_mapping", path=path))
        line = raw.pop("__line__", 0)
        yield _to_item({**defaults, **_strip_lines(raw)}, path, line)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _iter_jsonl(path: Path) -> Iterator[Item]:
    try:
        f = path.open("rb")
    except OSError as e:
        raise SuiteError(t("err.suite.cannot_read", path=path, reason=e.strerror)) from None
    with f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                raw = orjson.loads(line)
            except orjson.JSONDecodeError as e:
                raise SuiteError(
                    t("err.suite.invalid_json", path=path, line=lineno, reason=e.msg)
                ) from None
            if not isinstance(raw, dict):
                raise SuiteError(t("err.suite.line_not_object", path=path, line=lineno))
            yield _to_item(raw, path, lineno)


class _Where:
    """``path:line`` for error messages, formatted only when an error is raised."""

    __slots__ = ("line", "path")

    def __init__(self, path: Path, line: int) -> None:
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


def _to_item(raw: dict[str, Any], path: Path, line: int) -> Item:
    where = _Where(path, line)
    if not _ITEM_KEYS.issuperset(raw):
        unknown = set(raw) - _ITEM_KEYS
        raise SuiteError(
            t(
                "err.suite.unknown_field",
                where=where,
                field=sorted(unknown)[0],
                allowed=", ".join(sorted(_ITEM_KEYS)),
            )
        )
    data = raw  # the caller's own fresh dict
    prompt = data.pop("prompt", None)
    system = data.pop("system", None)
    if "messages" not in data:
        if prompt is None:
            raise SuiteError(t("err.suite.missing_prompt", where=where))
        msgs: list[dict[str, str]] = []
        if system is not None:
            msgs.append({"role": "system", "content": str(system)})
        msgs.append({"role": "user", "content": str(prompt)})
        data["messages"] = msgs
    elif prompt is not None or system is not None:
        raise SuiteError(t("err.suite.prompt_and_messages", where=where))
    if "id" in data and not isinstance(data["id"], str):
        data["id"] = str(data["id"])
    try:
        return Item.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "item"
        msg = err["msg"].removeprefix("Value error, ")
        if err["loc"] and err["loc"][0] == "category" and err["type"] == "string_pattern_mismatch":
            msg = t("err.suite.unknown_category", category=err["input"])
        raise SuiteError(t("err.suite.invalid_field", where=where, field=field, msg=msg)) from None
