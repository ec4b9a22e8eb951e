"""``accord report`` (html, md, report-json) and ``accord compare`` through the real command
line, on real runs of the engine against the loopback fake server and on signed bundles."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from report_fixtures import HAZARD_TEXT, Profile, real_run, record, synth_records, write_run

from accord.testing import FakeServer
from helpers import accord_cli


@pytest.fixture
def keys_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """An isolated key store, for this process and for the CLI subprocesses."""
    keys = tmp_path / "keys"
    monkeypatch.setenv("ACCORD_KEYS_DIR", str(keys))
    return {"ACCORD_KEYS_DIR": str(keys)}


def _one_line_error(p: object, code: int = 2) -> str:
    assert p.returncode == code, (p.returncode, p.stdout, p.stderr)  # type: ignore[attr-defined]
    err: str = p.stderr.strip()  # type: ignore[attr-defined]
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err


def test_html_report_of_a_real_run_then_of_its_signed_bundle(tmp_path: Path, server: FakeServer, keys_env: dict[str, str]) -> None:
    run = real_run(tmp_path, server.base_url)
    p = accord_cli("report", str(run), "--format", "html", env=keys_env)
    assert p.returncode == 0, p.stderr
    html = (run / "report.html").read_text(encoding="utf-8")
    assert str(run / "report.html") in p.stderr
    assert "openai:fake" in html and 'data-status="unsigned"' in html and f"accord bundle {run}" in html

    from accord.evidence import write_bundle

    bundle = write_bundle(run, frameworks=["tc260-003"]).path
    p = accord_cli("report", str(bundle), "--format", "report-json", env=keys_env)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["source"]["kind"] == "bundle" and data["verification"]["status"] == "verified"
    assert data["verification"]["signers"][0]["trusted"] is True
    assert all(c["ok"] for c in data["verification"]["checks"])
    # the numbers the bundle carries are the run's: SR-01 refused everywhere, SR-12 answered
    cats = {c["category"]: c for c in data["categories"]}
    assert cats["SR-01"]["by_lang"]["zh"]["unsafe"]["k"] == 0 and cats["SR-12"]["by_lang"]["en"]["unsafe"]["k"] == 6
    # the run directory holding the bundle reports it verified too
    p = accord_cli("report", str(run), "--format", "report-json", env=keys_env)
    assert json.loads(p.stdout)["verification"]["status"] == "verified"
    # ... until the run changes after the bundle was made (an item asked again, another answer)
    journal = run / "records.jsonl"
    last = json.loads(journal.read_text(encoding="utf-8").splitlines()[-1])
    last["grades"] = [{**g, "label": "compliance" if g["label"] == "refusal" else "refusal", "passed": not g["passed"]} for g in last["grades"]]
    with journal.open("a", encoding="utf-8") as f:
        f.write(json.dumps(last, ensure_ascii=False) + "\n")
    p = accord_cli("report", str(run), "--format", "report-json", env=keys_env)
    stale = json.loads(p.stdout)["verification"]
    assert stale["status"] == "stale" and stale["commands"][0] == f"accord bundle {run}"

    # a bundle whose records were edited after signing must not read as verified
    tampered = tmp_path / "tampered.accord"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data_bytes = src.read(info)
            if info.filename == "records.jsonl":
                data_bytes = data_bytes.replace(b'"label":"compliance"', b'"label":"refusal"', 1)
            dst.writestr(info, data_bytes)
    p = accord_cli("report", str(tampered), "--format", "md", env=keys_env)
    assert p.returncode == 0, p.stderr
    assert "**verification FAILED**" in p.stdout
    # a machine that trusts no key sees an intact bundle signed by an unknown key
    p = accord_cli("report", str(bundle), "--format", "report-json", env={"ACCORD_KEYS_DIR": str(tmp_path / "other-keys")})
    assert json.loads(p.stdout)["verification"]["status"] == "untrusted"


def test_markdown_in_chinese_on_stdout(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run", synth_records(300, Profile(), seed=2))
    p = accord_cli("report", str(run), "--format", "md", "--lang", "zh")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("# Accord 评估报告") and "## 红线" in p.stdout and "## 失败示例" in p.stdout
    assert HAZARD_TEXT not in p.stdout


def test_show_hazardous_only_into_a_local_file(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run", [record("x", lang="en", category="SR-01", expect="refuse", response=HAZARD_TEXT,
                                              grades=[{"grader": "refusal@1", "label": "compliance", "score": 0.9, "passed": False, "rationale": ""}])])
    err = _one_line_error(accord_cli("report", str(run), "--format", "md", "--show-hazardous"))
    assert "--out" in err
    _one_line_error(accord_cli("report", str(run), "--format", "table", "--show-hazardous", "--out", str(tmp_path / "t.txt")))
    out = tmp_path / "local.html"
    p = accord_cli("report", str(run), "--format", "html", "--show-hazardous", "--out", str(out))
    assert p.returncode == 0, p.stderr
    html = out.read_text(encoding="utf-8")
    assert HAZARD_TEXT in html and 'id="hazard-banner"' in html
    assert not (run / "report.html").exists()


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    err = _one_line_error(accord_cli("report", str(tmp_path / "nope"), "--format", "html"))
    assert "does not exist" in err
    (tmp_path / "x.accord").write_bytes(b"not a zip")
    _one_line_error(accord_cli("report", str(tmp_path / "x.accord"), "--format", "md"))
    run = write_run(tmp_path / "run", synth_records(20, seed=1))
    _one_line_error(accord_cli("report", str(run), "--format", "md", "--out", str(tmp_path / "no" / "dir" / "r.md")))
    _one_line_error(accord_cli("report", str(run), "--format", "html", "--framework", "no-such-framework"))
    _one_line_error(accord_cli("compare", str(run)))


def test_the_verdict_formats_are_unchanged(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run", synth_records(200, seed=4))
    p = accord_cli("report", str(run), "--format", "json", "--framework", "tc260-003")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["verdicts"] and {v["framework"] for v in data["verdicts"]} == {"tc260-003"}


def _compare_runs(tmp_path: Path) -> tuple[Path, Path]:
    def run(name: str, bad: int) -> Path:
        recs = [record(f"{name}.{c}.{i}", lang="en", category=c, expect="refuse", response="...",
                       grades=[{"grader": "refusal@1", "label": "compliance" if (c == "SR-01" and i < bad) else "refusal",
                                "score": 0.9, "passed": not (c == "SR-01" and i < bad), "rationale": ""}])
                for c in ("SR-01", "SR-02") for i in range(100)]
        return write_run(tmp_path / name, recs, model=f"model-{name}")

    return run("a", 0), run("b", 50)


def test_compare_tests_each_category_and_ranks(tmp_path: Path) -> None:
    a, b = _compare_runs(tmp_path)
    p = accord_cli("compare", str(a), str(b), "--format", "json", "--framework", "tc260-003")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert (data["test"], data["correction"]) == ("fisher-exact", "holm")
    tests = {t["category"]: t for t in data["tests"]}
    assert tests["SR-01"]["significant"] and tests["SR-01"]["difference"] == pytest.approx(0.5)
    assert tests["SR-01"]["p_adjusted"] == pytest.approx(min(1.0, 2 * tests["SR-01"]["p_value"]))
    assert not tests["SR-02"]["significant"] and tests["SR-02"]["p_value"] == 1.0
    unsafe_board = next(b for b in data["leaderboards"] if b["id"] == "unsafe-rate")
    assert [(e["rank"], e["run"]) for e in unsafe_board["entries"]] == [(1, "run1"), (2, "run2")]
    assert any(b["id"] == "tc260-003" for b in data["leaderboards"])
    assert [r["label"] for r in data["runs"]] == ["openai:model-a", "openai:model-b"]

    p = accord_cli("compare", str(a), str(b), "--lang", "zh")
    assert p.returncode == 0 and p.stdout.startswith("# Accord 对比") and "显著差异" in p.stdout
    out = tmp_path / "compare.html"
    p = accord_cli("compare", str(a), str(b), "--format", "html", "--out", str(out))
    assert p.returncode == 0, p.stderr
    html = out.read_text(encoding="utf-8")
    assert 'data-chart="dot-whisker"' in html and 'data-significant="true"' in html


def test_write_html_report_for_the_lead(tmp_path: Path) -> None:
    from accord.report import write_html_report

    run = write_run(tmp_path / "run", synth_records(150, Profile(default_unsafe=0.5), seed=3))
    path = write_html_report(run, lang="zh")
    assert path == run / "report.html"
    html = path.read_text(encoding="utf-8")
    assert 'data-lang="zh"' in html and HAZARD_TEXT not in html and "openai:synthetic-7b" in html
