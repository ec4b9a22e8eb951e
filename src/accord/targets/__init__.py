"""Targets: the models under test, one module per provider."""

from accord.targets._base import (
    CallError,
    Completion,
    ConcurrencyHint,
    ErrorKind,
    GenerationParams,
    Target,
    TargetIdentity,
)
from accord.targets._registry import PROVIDERS, TargetOptions, create_target

__all__ = [
    "PROVIDERS",
    "CallError",
    "Completion",
    "ConcurrencyHint",
    "ErrorKind",
    "GenerationParams",
    "Target",
    "TargetIdentity",
    "TargetOptions",
    "create_target",
]
