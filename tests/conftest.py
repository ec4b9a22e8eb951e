"""Shared fixtures: an isolated cache, a loopback fake server, helpers to run the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.testing import FakeServer, Faults

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own cache dir and English messages (a CLI run in this process with
    ``--lang zh`` chooses the language for the whole process: it is undone after each test)."""
    from accord import _net
    from accord.i18n import set_lang

    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ACCORD_LANG", "en")
    set_lang(None)
    _net.enable_offline(False)
    yield
    set_lang(None)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer() as s:
        yield s


@pytest.fixture
def faulty_server() -> Iterator[FakeServer]:
    with FakeServer(Faults.spread(0.2, retry_after=0.01, slow_seconds=1.5), seed=7) as s:
        yield s
