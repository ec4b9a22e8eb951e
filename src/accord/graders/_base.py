"""The grader contract and the registry graders are found by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from accord.errors import UsageError
from accord.suites import Item

__all__ = ["Grade", "Grader", "create_grader", "grader_names", "register_grader"]


class Grade(BaseModel):
    """A grader's judgement of one response."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    grader: str = Field(description="Registered grader name, with version: `refusal@1`.")
    label: str = Field(description="Grader-specific label, e.g. refusal | compliance | partial.")
    score: float = Field(ge=0.0, le=1.0, description="Confidence or degree, 0..1.")
    passed: bool | None = Field(
        description="Whether the behaviour meets the item's expectation; None when the "
        "grader cannot tell (e.g. the expectation is outside its scope)."
    )
    rationale: str = ""


@runtime_checkable
class Grader(Protocol):
    """Turns a response into a :class:`Grade`. Rule graders are synchronous and cheap
    (microseconds); they run inline on the engine's hot path. A grader that must wait
    (an LLM judge calling a model) also defines ``async def agrade(item, response) -> Grade``,
    which the engine awaits instead of calling ``grade``."""

    name: str
    version: str

    def grade(self, item: Item, response: str) -> Grade: ...


_FACTORIES: dict[str, Callable[[], Grader]] = {}


def register_grader(name: str) -> Callable[[Callable[[], Grader]], Callable[[], Grader]]:
    """Register a zero-argument grader factory under ``name``."""

    def deco(factory: Callable[[], Grader]) -> Callable[[], Grader]:
        if name in _FACTORIES:
            raise ValueError(f"grader {name!r} registered twice")
        _FACTORIES[name] = factory
        return factory

    return deco


def grader_names() -> list[str]:
    """Names of every registered grader."""
    _load_builtin()
    return sorted(_FACTORIES)


def create_grader(name: str) -> Grader:
    """Instantiate a registered grader, suggesting close names on a typo."""
    _load_builtin()
    try:
        return _FACTORIES[name]()
    except KeyError:
        import difflib

        close = difflib.get_close_matches(name, _FACTORIES, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise UsageError(
            f"unknown grader {name!r}.{hint} Known graders: {', '.join(sorted(_FACTORIES))}."
        ) from None


def _load_builtin() -> None:
    # each module registers its graders on import (imports are cached after the first call)
    from accord.graders import (  # noqa: F401
        _choice,
        _compose,
        _counterfactual,
        _injection,
        _judge,
        _pii,
        _refusal,
    )
