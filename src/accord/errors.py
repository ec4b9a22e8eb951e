"""Accord's exceptions.

Exception tree::

    AccordError                 anything Accord raises on purpose; the CLI prints its
    |                           message on one line and exits non-zero, no traceback
    +-- UsageError              bad input from the user: a flag, a file, a name (exit 2)
    |   +-- SuiteError          a suite file that does not load (file, line, field, fix)
    +-- TargetError             a model endpoint or file that cannot be used (exit 3)
    |   +-- OfflineViolation    --offline refused a non-loopback connection
    +-- RunDirError             a run directory that belongs to another target/suite (exit 2)
    +-- MissingExtraError       an optional dependency is not installed (exit 2)

Per-item failures (a 500, a timeout, malformed JSON) are not exceptions at this level:
they are recorded as data on the item's record and the run goes on.
"""

from __future__ import annotations

from accord.i18n import t

__all__ = [
    "AccordError",
    "MissingExtraError",
    "OfflineViolation",
    "RunDirError",
    "SuiteError",
    "TargetError",
    "UsageError",
]


class AccordError(Exception):
    """Base of every error Accord raises on purpose."""

    exit_code = 1


class UsageError(AccordError):
    exit_code = 2


class SuiteError(UsageError):
    """A suite file that does not load."""


class TargetError(AccordError):
    exit_code = 3


class OfflineViolation(TargetError):
    """A connection to a non-loopback address was attempted under ``--offline``."""


class RunDirError(AccordError):
    exit_code = 2


class MissingExtraError(AccordError):
    exit_code = 2

    def __init__(self, feature: str, extra: str, packages: str) -> None:
        super().__init__(t("err.extra.missing", feature=feature, extra=extra, packages=packages))
