"""Fixtures for the evidence tests: an isolated key store, a finished run, a signed bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.evidence import KeyStore, write_bundle
from accord.testing import FakeServer
from evidence_helpers import FRAMEWORKS, make_run


@pytest.fixture(autouse=True)
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KeyStore:
    """Every evidence test gets its own key store (never the user's)."""
    root = tmp_path / "keys"
    monkeypatch.setenv("ACCORD_KEYS_DIR", str(root))
    return KeyStore(root)


@pytest.fixture
def run_dir(tmp_path: Path, server: FakeServer) -> Path:
    return make_run(tmp_path, server)


@pytest.fixture
def bundle(run_dir: Path, keys: KeyStore) -> Path:
    return write_bundle(run_dir, frameworks=FRAMEWORKS).path
