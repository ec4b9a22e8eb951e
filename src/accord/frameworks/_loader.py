"""Load framework files (YAML), built-in or the user's, with errors that name file, line,
path in the file, what is wrong and the fix."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from accord.errors import UsageError
from accord.frameworks._check import Problem, check_framework_data
from accord.frameworks._schema import SR_PATTERN, Framework
from accord.i18n import t

__all__ = ["BUILTIN_DIR", "builtin_framework_names", "load_framework", "validate_framework_file"]

BUILTIN_DIR = Path(__file__).parent / "builtin"
#: libyaml's parser where installed (20x faster), else the pure-Python one
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def builtin_framework_names() -> list[str]:
    """Ids of the frameworks shipped with Accord."""
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


def _path_of(spec: str | Path) -> Path:
    if isinstance(spec, str) and spec in builtin_framework_names():
        return BUILTIN_DIR / f"{spec}.yaml"
    path = Path(spec)
    if not path.is_file():
        names = ", ".join(builtin_framework_names())
        raise UsageError(t("fw.load.not_found", spec=spec, names=names))
    return path


def load_framework(spec: str | Path) -> Framework:
    """A built-in framework by id (``tc260-003``) or a framework file by path.

    Raises:
        UsageError: one line naming the file, the line, the path inside the YAML, what is wrong
            and the fix (the first problem; ``accord frameworks validate`` lists all of them).
    """
    path = _path_of(spec)
    fw, problems = _validate_path(path)
    if fw is None:
        more = t("fw.load.more", n=len(problems) - 1, path=path) if len(problems) > 1 else ""
        raise UsageError(problems[0] + more)
    return fw


def validate_framework_file(spec: str | Path) -> list[str]:
    """Every problem of a framework file, one line each (empty: the file is valid)."""
    return _validate_path(_path_of(spec))[1]


def _validate_path(path: Path) -> tuple[Framework | None, list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return None, [t("fw.load.unreadable", path=path, error=e)]
    loader = _LOADER(text)
    try:
        # one parse: the node tree gives line numbers, the document is built from it
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        return None, [t("fw.load.yaml", where=where, problem=problem)]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [t("fw.load.not_mapping", path=path)]
    problems: list[Problem] = []
    fw: Framework | None = None
    try:
        fw = Framework.model_validate(data, context={"accord_skip_checks": True})
    except ValidationError as e:
        problems.extend(_from_pydantic(e))
    problems.extend(check_framework_data(data))
    seen: set[tuple[str, str]] = set()
    lines: list[tuple[int, str]] = []
    for pr in problems:
        message = pr.message
        if (pr.path, message) in seen:
            continue
        seen.add((pr.path, message))
        line = _line_of(root, pr.path)
        lines.append((line, f"{path}:{line}: {pr.path}: {message}"))
    if lines:
        return None, [text for _, text in sorted(lines, key=lambda x: x[0])]
    return fw, []


def _loc_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    model: Any = Framework
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _from_pydantic(err: ValidationError) -> list[Problem]:
    out = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        kind = e["type"]
        value = repr(e.get("input"))
        ctx = e.get("ctx") or {}
        key: str = "fw.val.other"
        params: dict[str, Any] = {"detail": e["msg"]}
        if kind == "missing":
            key, params = "fw.val.missing", {"name": str(loc[-1]) if loc else ""}
        elif kind == "extra_forbidden":
            parent = _model_at(loc[:-1])
            allowed = t("fw.val.allowed", fields=", ".join(parent.model_fields)) if parent is not None else ""
            key, params = "fw.val.extra", {"name": str(loc[-1]), "allowed": allowed}
        elif kind == "literal_error":
            key, params = "fw.val.literal", {"value": value, "expected": ctx.get("expected", "")}
        elif kind == "string_pattern_mismatch":
            pattern = str(ctx.get("pattern", ""))
            if pattern == SR_PATTERN:
                key = "fw.val.sr"
            elif pattern.startswith("^https?"):
                key = "fw.val.url"
            elif loc == ("id",):
                key = "fw.val.fw_id"
            else:
                key = "fw.val.slug"
            params = {"value": value}
        elif kind in ("float_parsing", "float_type"):
            key, params = "fw.val.number", {"value": value}
        elif kind in ("int_parsing", "int_type", "int_from_float"):
            key, params = "fw.val.integer", {"value": value}
        elif kind == "list_type":
            key, params = "fw.val.list", {"value": value}
        elif kind in ("dict_type", "model_type", "model_attributes_type"):
            key, params = "fw.val.mapping", {"value": value}
        elif kind == "too_short":
            key, params = "fw.val.empty_list", {"value": value}
        elif kind == "string_too_short":
            key, params = "fw.val.empty_text", {"value": value}
        elif kind == "string_type":
            key, params = "fw.val.text", {"value": value}
        elif kind in ("bool_type", "bool_parsing"):
            key, params = "fw.val.bool", {"value": value}
        out.append(Problem(_loc_path(loc), key, params))
    return out


def _tokens(path: str) -> list[int | str]:
    out: list[int | str] = []
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            out.append(int(part[1:-1]))
        else:
            out.append(part)
    return out


def _line_of(root: yaml.Node | None, path: str) -> int:
    """1-based line of the deepest node along ``path`` that exists."""
    node = root
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for tok in _tokens(path):
        nxt: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(tok, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == tok:
                    nxt = v
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(tok, int) and tok < len(node.value):
            nxt = node.value[tok]
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line
