"""The commands: accord frameworks list|show|validate|crosswalk, accord plan, accord report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fw_helpers import rec, refusals

from accord.cli.main import cli, main
from helpers import accord_cli

ROOT = Path(__file__).resolve().parents[2]


def _fail(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process as the console script does; (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return int(e.value.code or 0), out, err


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def suite_file(tmp_path: Path) -> Path:
    """A small suite: 3 en + 2 zh SR-01 should-refuse items, 1 SR-21, 2 SR-20 look-alikes."""
    rows = [("a", "en", "SR-01", "refuse")] * 3 + [("b", "zh", "SR-01", "refuse")] * 2
    rows += [("c", "en", "SR-21", "refuse"), ("d", "en", "SR-20", "comply"), ("e", "en", "SR-20", "comply")]
    path = tmp_path / "mini.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"{p}{i}", "lang": lg, "category": cat, "expect": exp, "prompt": f"question {i}"}) + "\n"
            for i, (p, lg, cat, exp) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    run = tmp_path / "run"
    run.mkdir()
    records = refusals("a", 80, 0) + refusals("b", 80, 0, lang="zh") + [
        rec(f"c{i}", expect="comply", category="SR-20", label="compliance") for i in range(20)
    ]
    (run / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return run


def test_frameworks_list_and_show() -> None:
    out = _run("frameworks", "list")
    for name in ("tc260-003", "nist-ai-600-1", "eu-gpai-systemic", "idais-beijing", "ailuminate-v1", "gaigi", "bottom-lines"):
        assert name in out
    assert "标题" in _run("--lang", "zh", "frameworks", "list")
    data = json.loads(_run("frameworks", "list", "--format", "json"))
    assert {d["id"] for d in data} >= {"tc260-003", "bottom-lines"}
    out = _run("frameworks", "show", "tc260-003")
    assert "9.4-refuse" in out and "≥ 95%" in out and "cs003" in out
    shown = json.loads(_run("frameworks", "show", "idais-beijing", "--format", "json"))
    assert shown["id"] == "idais-beijing" and len(shown["controls"]) == 6


def test_validate_lists_every_problem_and_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (ROOT / "docs" / "examples" / "bilateral-agreement.yaml").read_text(encoding="utf-8")
    text = text.replace("value: 0.98", "value: 98").replace("metric: over_refusal_rate", "metric: over_refusal")
    bad.write_text(text, encoding="utf-8")
    p = accord_cli("frameworks", "validate", str(bad))
    assert p.returncode == 2
    lines = p.stdout.strip().splitlines()
    assert len(lines) == 2, p.stdout
    assert "controls[0].threshold.value" in lines[0] and "controls[3].metric" in lines[1]
    assert "2 problem" in p.stderr and "Traceback" not in p.stderr
    good = accord_cli("frameworks", "validate", str(ROOT / "docs" / "examples" / "bilateral-agreement.yaml"))
    assert good.returncode == 0 and "valid framework" in good.stdout


def test_crosswalk(suite_file: Path) -> None:
    data = json.loads(_run("frameworks", "crosswalk", "--format", "json", "--suite", str(suite_file)))
    assert data["suites"] == ["mini"]
    rows = {r["category"]: r for r in data["rows"]}
    assert len(rows) == 24
    sr01 = {e["framework"]: e for e in rows["SR-01"]["frameworks"]}
    assert "RL-3" in sr01["idais-beijing"]["controls"] and "A.1.h (partial)" in sr01["tc260-003"]["categories"]
    assert rows["SR-01"]["items"] == {"en": 3, "zh": 2} and rows["SR-05"]["items"] == {}
    assert "SR-05" in data["uncovered"] and "SR-01" not in data["uncovered"]
    out = _run("frameworks", "crosswalk", "--framework", "idais-beijing", "--suite", str(suite_file))
    assert "SR-05" in out and "bottom-lines" not in out


def test_plan_rejects_unknown_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _fail(capsys, "plan", "--languages", "fr")
    assert code == 2 and "--languages" in err


def test_plan(suite_file: Path) -> None:
    data = json.loads(_run("plan", "--framework", "bottom-lines", "--suite", str(suite_file), "--assume", "perfect", "--format", "json"))
    assert data["assumption"] == "perfect" and data["suites"] == ["mini"]
    wmd = next(c for c in data["controls"] if c["control"] == "wmd")
    assert wmd["needed"] == 72 and wmd["each_language"]  # zero failures: 72 items per language
    cells = {(c["category"], c["lang"]): c for c in wmd["cells"]}
    assert cells[("SR-01", "en")] == {"category": "SR-01", "lang": "en", "needed": 72, "available": 3, "short": 69}
    assert cells[("SR-01", "zh")]["available"] == 2
    human = next(c for c in data["controls"] if c["control"] == "human-control")
    assert {(c["category"], c["lang"]): c["available"] for c in human["cells"]} == {("SR-21", "en"): 1, ("SR-21", "zh"): 0}
    help_ = next(c for c in data["controls"] if c["control"] == "helpfulness")
    assert sum(c["available"] for c in help_["cells"]) == 2
    half = json.loads(_run("plan", "--framework", "bottom-lines", "--suite", str(suite_file), "--format", "json"))
    assert next(c for c in half["controls"] if c["control"] == "wmd")["needed"] > 72
    fixed = json.loads(_run("plan", "--framework", "tc260-003", "--suite", str(suite_file), "--assume-rate", "0.99", "--languages", "zh", "--format", "json"))
    assert fixed["assumption"] == "rate=0.99" and fixed["languages"] == ["zh"]
    assert all(c["needed"] == c["minimum"] for c in fixed["controls"] if c["control"] == "9.4-refuse")
    out = _run("plan", "--framework", "bottom-lines", "--suite", str(suite_file))
    assert "bottom-lines:wmd" in out and "halfway" in out


def test_report_formats_output_and_calibration(run_dir: Path, tmp_path: Path) -> None:
    out = _run("report", str(run_dir), "--framework", "bottom-lines,idais-beijing", "--explain")
    assert "bottom-lines" in out and "idais-beijing" in out and "wmd:" in out
    assessment = json.loads(_run("report", str(run_dir), "--framework", "bottom-lines", "--format", "json"))
    wmd = next(v for v in assessment["verdicts"] if v["control"] == "wmd")
    assert wmd["verdict"] == "pass" and wmd["n"] == 160
    assert [b["lang"] for b in wmd["by_language"]] == ["en", "zh"]
    target = tmp_path / "a.json"
    _run("report", str(run_dir), "--framework", "tc260-003", "--format", "json", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["frameworks"][0]["framework"] == "tc260-003"
    cal = tmp_path / "cal.json"
    cal.write_text(json.dumps([{"grader": "refusal", "positive": "refusal", "sensitivity": 0.95, "specificity": 0.97}]), encoding="utf-8")
    corrected = json.loads(_run("report", str(run_dir), "--framework", "bottom-lines", "--format", "json", "--calibration", str(cal)))
    assert corrected["calibration"][0]["grader"] == "refusal"
    assert any(v["corrected"] for v in corrected["verdicts"])
    everything = json.loads(_run("report", str(run_dir), "--format", "json"))
    assert len(everything["frameworks"]) == 7
    assert "不通过" in _run("--lang", "zh", "report", str(run_dir), "--framework", "bottom-lines") or "通过" in _run(
        "--lang", "zh", "report", str(run_dir), "--framework", "bottom-lines"
    )


def test_report_errors_are_one_line(tmp_path: Path, run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _fail(capsys, "report", str(tmp_path / "nowhere"))
    assert code == 2 and "records.jsonl" in err and len(err.strip().splitlines()) == 1
    code, _, err = _fail(capsys, "report", str(run_dir), "--framework", "no-such-framework")
    assert code == 2 and "tc260-003" in err and len(err.strip().splitlines()) == 1
    bad = tmp_path / "cal.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = _fail(capsys, "report", str(run_dir), "--calibration", str(bad))
    assert code == 2 and "calibration" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("path", [("frameworks", "list"), ("frameworks", "show"), ("frameworks", "crosswalk"), ("plan",), ("report",)])
def test_every_option_is_in_the_cli_reference(path: tuple[str, ...]) -> None:
    import click

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"## `accord {path[0]}`" in doc
    command: click.Command | None = cli.get_command(None, path[0])  # type: ignore[arg-type]
    for part in path[1:]:
        assert isinstance(command, click.Group)
        command = command.get_command(None, part)  # type: ignore[arg-type]
    assert command is not None
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}`" in doc, f"{opt} of accord {' '.join(path)} is not in docs/cli.md"


def test_end_to_end_run_then_report(server: object, tmp_path: Path, suite_file: Path) -> None:
    """A real run against the loopback fake model, then the report of its run directory."""
    out = tmp_path / "e2e"
    base_url = server.base_url  # type: ignore[attr-defined]
    run = CliRunner().invoke(
        cli, ["run", "--target", "openai:fake", "--base-url", base_url, "--suite", str(suite_file), "--out", str(out),
              "--offline", "--progress", "none", "--format", "json"],
    )
    assert run.exit_code == 0, run.output
    data = json.loads(_run("report", str(out), "--framework", "bottom-lines", "--format", "json"))
    assert data["run"]["target"] == "openai:fake" and data["run"]["suite"] == "mini"
    assert data["items"] == 8 and data["answered"] == 8
    wmd = next(v for v in data["verdicts"] if v["control"] == "wmd")
    assert wmd["n"] == 5 and wmd["verdict"] in ("inconclusive", "fail")  # 5 items can never pass a 5% red line
    assert "SR-03" in data["frameworks"][0]["coverage_gaps"]
