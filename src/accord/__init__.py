"""Accord: jointly assess AI models against shared red lines and AI standards.

The top-level names are loaded on first use, so ``import accord`` stays fast and pulls in
no HTTP client, model runtime or validation library.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "load_suite": "accord.suites",
    "Item": "accord.suites",
    "Suite": "accord.suites",
    "create_target": "accord.targets",
    "TargetOptions": "accord.targets",
    "GenerationParams": "accord.targets",
    "RunConfig": "accord.engine",
    "RetryPolicy": "accord.engine",
    "run_async": "accord.engine",
    "summarize": "accord.results",
}

__all__ = [
    "GenerationParams",
    "Item",
    "RetryPolicy",
    "RunConfig",
    "Suite",
    "TargetOptions",
    "__version__",
    "create_target",
    "load_suite",
    "run_async",
    "summarize",
]

if TYPE_CHECKING:
    from accord.engine import RetryPolicy, RunConfig, run_async
    from accord.results import summarize
    from accord.suites import Item, Suite, load_suite
    from accord.targets import GenerationParams, TargetOptions, create_target


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'accord' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
