"""Progress display, redrawn on a timer (never per item)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Literal, TextIO

from accord.i18n import t

__all__ = ["Counters", "ProgressMode", "ProgressView"]

ProgressMode = Literal["auto", "rich", "plain", "none"]


@dataclass
class Counters:
    total: int = 0
    skipped: int = 0
    done: int = 0
    errors: int = 0
    cached: int = 0
    retries: int = 0


class ProgressView:
    """Shows items done, rate, ETA and errors. ``refresh()`` is called by a timer task."""

    def __init__(self, counters: Counters, mode: ProgressMode = "auto", label: str = "", stream: TextIO | None = None) -> None:
        self.c = counters
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "rich" if self.stream.isatty() else "plain"
        self.mode = mode
        self.label = label
        self._t0 = time.monotonic()
        self._last_plain = 0.0
        self._progress: object | None = None
        self._task: object | None = None

    def start(self) -> None:
        self._t0 = time.monotonic()
        if self.mode == "rich":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            p = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn(t("progress.eta")),
                TimeRemainingColumn(),
                TextColumn("{task.fields[errs]}"),
                console=Console(file=self.stream),
                auto_refresh=False,
                transient=False,
            )
            p.start()
            self._task = p.add_task(self.label, total=self.c.total, completed=self.c.skipped, rate="", errs="")
            self._progress = p

    def _rate(self) -> float:
        el = time.monotonic() - self._t0
        return self.c.done / el if el > 0 else 0.0

    def refresh(self) -> None:
        rate = self._rate()
        if self.mode == "rich" and self._progress is not None:
            from rich.progress import Progress, TaskID

            assert isinstance(self._progress, Progress)
            self._progress.update(
                TaskID(self._task),  # type: ignore[arg-type]
                completed=self.c.skipped + self.c.done,
                rate=t("progress.rate", rate=rate),
                errs=t("progress.errors", n=self.c.errors) if self.c.errors else "",
            )
            self._progress.refresh()
        elif self.mode == "plain":
            now = time.monotonic()
            if now - self._last_plain >= 10.0:
                self._last_plain = now
                self._plain_line(rate)

    def _plain_line(self, rate: float) -> None:
        remaining = self.c.total - self.c.skipped - self.c.done
        eta = f"{remaining / rate:.0f}" if rate > 0 else "?"
        print(
            t(
                "progress.line",
                label=self.label,
                done=self.c.skipped + self.c.done,
                total=self.c.total,
                rate=rate,
                eta=eta,
                errors=self.c.errors,
            ),
            file=self.stream,
            flush=True,
        )

    def stop(self) -> None:
        if self.mode == "rich" and self._progress is not None:
            self.refresh()
            from rich.progress import Progress

            assert isinstance(self._progress, Progress)
            self._progress.stop()
        elif self.mode == "plain":
            self._plain_line(self._rate())
