"""Each public package exports exactly what its __all__ says, and all of it exists."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ["accord", "accord.suites", "accord.suites.importers", "accord.targets", "accord.engine", "accord.graders", "accord.testing", "accord.cli", "accord.frameworks", "accord.report", "accord.evidence"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_matches_public_names(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(module.__all__)
    assert len(exported) == len(module.__all__), "duplicates in __all__"
    for attr in exported:
        assert hasattr(module, attr), f"{name}.{attr} is in __all__ but missing"
    public = {
        n for n, v in vars(module).items()
        if not n.startswith("_") and getattr(v, "__module__", "").startswith("accord") and not isinstance(v, type(importlib))
    }
    assert public <= exported, f"{name} exposes {sorted(public - exported)} without listing them"


def test_import_accord_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, accord; heavy = [m for m in ('aiohttp', 'xllamacpp', 'pydantic', 'rich') if m in sys.modules]; print(heavy)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_top_level_lazy_names_match_all() -> None:
    import accord

    assert set(accord.__all__) == {"__version__", *accord._LAZY}
    assert accord.load_suite.__module__.startswith("accord.suites")
