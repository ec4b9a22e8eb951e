"""The docs match the code: every CLI option is documented, schemas are current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.cli.main import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["run", "assess", "report", "compare"])
def test_every_option_is_in_the_cli_reference(name: str) -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None
    assert f"## `accord {name}`" in doc
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}`" in doc, f"{opt} of accord {name} is not in docs/cli.md"


def test_every_command_has_a_section() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"`accord {name}" in doc


def test_exported_schemas_are_current() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import export_schemas

    for name, model in export_schemas.SCHEMAS.items():
        on_disk = (ROOT / "docs" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert json.loads(on_disk) == json.loads(export_schemas.render(model)), f"run `make schemas` ({name})"
