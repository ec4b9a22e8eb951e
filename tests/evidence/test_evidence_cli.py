"""The evidence commands end to end, as a user runs them: ``accord bundle``, ``verify``,
``audit``, ``suites seal``, ``suites reveal`` (``keys`` is in test_evidence_keys.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.testing import FakeServer
from evidence_helpers import make_run, read_members, write_members
from helpers import accord_cli

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"ACCORD_KEYS_DIR": str(tmp_path / "keys"), "ACCORD_LANG": "en", "ACCORD_CACHE_DIR": str(tmp_path / "cache")}


def _one_line_error(proc: object, *fragments: str) -> None:
    rc, err = proc.returncode, proc.stderr  # type: ignore[attr-defined]
    assert rc not in (0, None) and "Traceback" not in err, err
    lines = [x for x in err.splitlines() if x.startswith(("accord: error:", "Error:"))]
    assert len(lines) == 1, err
    for f in fragments:
        assert f in lines[0], lines[0]


def test_bundle_verify_cosign_proof(tmp_path: Path, server: FakeServer, env: dict[str, str]) -> None:
    run = make_run(tmp_path, server, 12)
    made = accord_cli("bundle", str(run), "--framework", "bottom-lines", env=env)
    assert made.returncode == 0, made.stderr
    assert "Created signing key default" in made.stdout and "Signed bundle:" in made.stdout
    bundle = run / "run.accord"
    ok = accord_cli("verify", str(bundle), env=env)
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout.count("✓") >= 20 and "✗" not in ok.stdout
    assert "VERIFIED: all" in ok.stdout and "trusted" in ok.stdout
    js = json.loads(accord_cli("verify", str(bundle), "--format", "json", env=env).stdout)
    assert js["ok"] is True and js["records"] == 12 and js["signers"][0]["trusted"] is True
    # a second party co-signs with its own key
    assert accord_cli("keys", "generate", "regulator", env=env).returncode == 0
    co = accord_cli("bundle", "cosign", str(bundle), "--key", "regulator", env=env)
    assert co.returncode == 0 and "now carries 2 signatures" in co.stdout
    # a verifier who trusts only the regulator's exported public key
    pub = accord_cli("keys", "export", "regulator", "--public", env=env).stdout
    (tmp_path / "regulator.pub").write_text(pub)
    other = {**env, "ACCORD_KEYS_DIR": str(tmp_path / "empty-store")}
    only = accord_cli("verify", str(bundle), "--key", str(tmp_path / "regulator.pub"), "--format", "json", env=other)
    assert only.returncode == 0
    assert {(s["name"], s["trusted"]) for s in json.loads(only.stdout)["signers"]} == {("default", False), ("regulator", True)}
    untrusted = accord_cli("verify", str(bundle), env=other)
    assert untrusted.returncode == 1 and "no signature from a trusted key" in untrusted.stdout
    # one record, proven alone
    item = json.loads(read_members(bundle)["records.jsonl"].split(b"\n")[4])["item_id"]
    proof_path = tmp_path / "proof.json"
    pr = accord_cli("verify", str(bundle), "--record", item, "--proof-out", str(proof_path), env=env)
    assert pr.returncode == 0 and f"Inclusion proof of item {item}: leaf 4 of 12" in pr.stdout
    alone = accord_cli("verify", str(proof_path), env=env)
    assert alone.returncode == 0 and "leads to the signed root" in alone.stdout
    # unpack and verify the directory form
    assert accord_cli("bundle", "unpack", str(bundle), str(tmp_path / "dir"), env=env).returncode == 0
    assert accord_cli("verify", str(tmp_path / "dir"), env=env).returncode == 0


def test_verify_reports_every_failure_and_exits_1(tmp_path: Path, server: FakeServer, env: dict[str, str]) -> None:
    run = make_run(tmp_path, server, 8)
    assert accord_cli("bundle", str(run), "--no-frameworks", env=env).returncode == 0
    bundle = run / "run.accord"
    members = read_members(bundle)
    members["records.jsonl"] = members["records.jsonl"].replace(b"Sure.", b"Nope.", 1)
    write_members(bundle, members)
    out = accord_cli("verify", str(bundle), env=env)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "✓" in out.stdout and "✗" in out.stdout
    assert "an edited response" in out.stdout and "NOT VERIFIED" in out.stdout
    zh = accord_cli("--lang", "zh", "verify", str(bundle), env=env)
    assert zh.returncode == 1 and "回答被篡改" in zh.stdout and "校验未通过" in zh.stdout


def test_audit_cli(tmp_path: Path, server: FakeServer, env: dict[str, str]) -> None:
    run = make_run(tmp_path, server, 16)
    assert accord_cli("bundle", str(run), "--no-frameworks", env=env).returncode == 0
    bundle = str(run / "run.accord")
    ok = accord_cli("audit", bundle, "--target", "openai:fake", "--base-url", server.base_url, "--sample", "6", "--seed", "lab-b 2026-11-27", env=env)
    assert ok.returncode == 0, ok.stderr + ok.stdout
    assert "6 of 6 sampled items answered" in ok.stdout and "consistent: 6 of 6" in ok.stdout
    js = json.loads(accord_cli("audit", bundle, "--target", "openai:fake", "--base-url", server.base_url, "--sample", "6", "--seed", "lab-b 2026-11-27", "--format", "json", env=env).stdout)
    assert js["consistent"] is True and js["mode"] == "deterministic" and len(js["items"]) == 6


def test_seal_reveal_cli(tmp_path: Path, server: FakeServer, env: dict[str, str]) -> None:
    run = make_run(tmp_path, server, 10)
    suite = tmp_path / "run-suite.jsonl"
    # seal and reveal are suite commands (issue 5); there is no top-level `accord seal`
    assert accord_cli("seal", str(suite), "--out", str(tmp_path / "x.json"), env=env).returncode != 0 and not (tmp_path / "x.json").exists()
    sealed = accord_cli("suites", "seal", str(suite), "--out", str(tmp_path / "c.json"), env=env)
    assert sealed.returncode == 0 and "Sealed suite run-suite: 10 items" in sealed.stdout
    assert "Keep them private" in sealed.stdout
    made = accord_cli("bundle", str(run), "--no-frameworks", "--sealed", str(tmp_path / "c.json"), env=env)
    assert made.returncode == 0, made.stderr
    assert accord_cli("verify", str(run / "run.accord"), env=env).returncode == 0
    rev = accord_cli("suites", "reveal", str(tmp_path / "c.json"), "--suite", str(suite), "--out", str(tmp_path / "r.jsonl"), env=env)
    assert rev.returncode == 0
    chk = accord_cli("suites", "reveal", str(tmp_path / "c.json"), "--check", str(tmp_path / "r.jsonl"), env=env)
    assert chk.returncode == 0 and "reveals 10 items" in chk.stdout
    full = accord_cli("verify", str(run / "run.accord"), "--reveal", str(tmp_path / "r.jsonl"), env=env)
    assert full.returncode == 0 and "reveals 10 items matching the commitment" in full.stdout
    # the sealed bundle has no prompts: audit asks the revealed items, and says so without them
    audit = ["audit", str(run / "run.accord"), "--target", "openai:fake", "--base-url", server.base_url, "--seed", "s", "--sample", "4"]
    _one_line_error(accord_cli(*audit, env=env), "pass --reveal FILE")
    done = accord_cli(*audit, "--reveal", str(tmp_path / "r.jsonl"), env=env)
    assert done.returncode == 0 and "consistent: 4 of 4" in done.stdout, done.stdout + done.stderr


def test_bad_input_is_one_line(tmp_path: Path, server: FakeServer, env: dict[str, str]) -> None:
    _one_line_error(accord_cli("bundle", str(tmp_path), env=env), "is not a run directory")
    _one_line_error(accord_cli("keys", "export", "nobody", "--public", env=env), "no key called nobody")
    junk = tmp_path / "junk.json"
    junk.write_text('{"format": "nope"}')
    _one_line_error(accord_cli("verify", str(junk), env=env), "is not an inclusion proof")
    run = make_run(tmp_path, server, 4)
    _one_line_error(accord_cli("bundle", str(run), "--key", "missing", env=env), "no key called missing")
    _one_line_error(accord_cli("bundle", str(run), "--framework", "nope", env=env))
    assert accord_cli("bundle", str(run), "--no-frameworks", env=env).returncode == 0
    _one_line_error(
        accord_cli("audit", str(run / "run.accord"), "--target", "openai:fake", "--base-url", "http://10.1.2.3:9/v1", "--seed", "s", "--offline", env=env),
        "10.1.2.3",
    )
    _one_line_error(accord_cli("suites", "reveal", str(tmp_path / "run-suite.jsonl"), env=env), "--suite and --out")


@pytest.mark.parametrize("name", ["keys", "verify", "audit", "bundle"])
def test_every_option_is_documented(name: str) -> None:
    import click

    from accord.cli.main import cli

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and f"## `accord {name}`" in doc
    commands = [command, *getattr(command, "commands", {}).values()] if isinstance(command, click.Group) else [command]
    for cmd in commands:
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}`" in doc, f"{opt} of accord {name} {cmd.name} is not in docs/cli.md"


def test_bundle_format_doc_names_every_member_and_check() -> None:
    doc = (ROOT / "docs" / "bundle-format.md").read_text(encoding="utf-8")
    for member in ("manifest.json", "envelope.json", "signers.json", "records.jsonl", "records.index", "run.json", "suites/<name>.jsonl", "suites/<name>.order", "suites/<name>.commitment.json", "frameworks/<id>.json"):
        assert f"`{member}`" in doc, member
    for check in ("container", "envelope", "signers", "signature:N", "trust", "statement", "manifest", "members", "run", "records.canonical", "records.schema", "records.order", "records.index", "records.merkle", "records.target", "records.suite", "coverage", "regrade", "summary", "framework:ID", "assessment", "proof", "reveal"):
        assert f"`{check}`" in doc, check


def test_assess_end_to_end_open_and_sealed(tmp_path: Path, server: FakeServer, env: dict[str, str]) -> None:
    """``accord assess`` (the main job) against the loopback server: run, verdicts, signed
    bundle, report; with ``--sealed``, the bundle carries the commitment and no prompts."""
    from helpers import write_jsonl_suite

    suite = write_jsonl_suite(tmp_path / "mine.jsonl", 12, category="SR-01")
    common = ["--target", "openai:fake", "--base-url", server.base_url, "--suite", str(suite), "--progress", "none"]
    done = accord_cli("assess", *common, "--out", str(tmp_path / "open"), "--framework", "bottom-lines", env=env)
    assert done.returncode == 0, done.stderr
    assert "Signed bundle:" in done.stderr and "bottom-lines" in done.stderr
    bundle = tmp_path / "open" / "open.accord"
    assert (tmp_path / "open" / "assessment.json").is_file() and bundle.is_file()
    assert any(p.suffix == ".html" for p in (tmp_path / "open").iterdir())
    assert accord_cli("verify", str(bundle), env=env).returncode == 0
    records = [json.loads(x) for x in read_members(bundle)["records.jsonl"].splitlines()]
    assert len(records) == 12 and all(r["request"]["messages"] for r in records)
    # sealed: the commitment is checked before anything is asked
    assert accord_cli("suites", "seal", str(suite), "--out", str(tmp_path / "c.json"), env=env).returncode == 0
    other = write_jsonl_suite(tmp_path / "other.jsonl", 12, prefix="o")
    asked = server.stats.requests
    _one_line_error(accord_cli("assess", *common[:-4], "--suite", str(other), "--progress", "none", "--sealed", str(tmp_path / "c.json"), "--out", str(tmp_path / "x"), env=env), "not in the commitment")
    assert server.stats.requests == asked and not (tmp_path / "x").exists()
    sealed = accord_cli("assess", *common, "--sealed", str(tmp_path / "c.json"), "--out", str(tmp_path / "sealed"), "--no-report", "--no-cache", env=env)
    assert sealed.returncode == 0, sealed.stderr
    sb = tmp_path / "sealed" / "sealed.accord"
    members = read_members(sb)
    assert "suites/mine.commitment.json" in members and "suites/mine.jsonl" not in members
    assert all(not json.loads(x)["request"]["messages"] for x in members["records.jsonl"].splitlines())
    ok = accord_cli("verify", str(sb), env=env)
    assert ok.returncode == 0 and "not revealed" in ok.stdout, ok.stdout
