"""Sealed suites: commit now, assess privately, reveal later; verify checks all three."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson
import pytest

from accord._canonical import encode
from accord.errors import UsageError
from accord.evidence import (
    KeyStore,
    check_reveal,
    reveal_suite,
    seal_suite,
    verify_bundle,
    write_bundle,
)
from accord.testing import FakeServer
from evidence_helpers import (
    failed,
    forge,
    make_run,
    read_members,
    record_lines,
    set_records,
    text_of,
    write_members,
)


@pytest.fixture
def sealed_run(tmp_path: Path, server: FakeServer) -> tuple[Path, Path, Path]:
    run = make_run(tmp_path, server, 20, name="private")
    suite = tmp_path / "private-suite.jsonl"
    result = seal_suite(suite, tmp_path / "commitment.json")
    return run, suite, result.path


def test_commitment_hides_items_and_counts_them(sealed_run: tuple[Path, Path, Path]) -> None:
    _run, suite, commitment = sealed_run
    data = commitment.read_bytes()
    c = orjson.loads(data)
    assert c["items"] == 20 and c["counts"] == [{"category": "SR-01", "items": 20, "lang": "en"}]
    assert len(c["merkle_root"]) == 64
    # no item text, id or unsalted hash appears in the commitment
    from accord.suites import load_suite

    for item in load_suite(suite):
        assert item.id.encode() not in data and item.content_hash().encode() not in data
        assert item.messages[-1].content.encode() not in data
    salts = commitment.with_name("commitment.salts.json")
    assert stat.S_IMODE(os.stat(salts).st_mode) == 0o600
    with pytest.raises(UsageError, match="already exists"):
        seal_suite(suite, commitment)


def test_sealing_twice_gives_different_roots(sealed_run: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _run, suite, commitment = sealed_run
    again = seal_suite(suite, tmp_path / "again.json")
    assert again.commitment.merkle_root != orjson.loads(commitment.read_bytes())["merkle_root"]


def test_sealed_bundle_carries_the_commitment_and_verifies(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore) -> None:
    run, suite, commitment = sealed_run
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    members = read_members(path)
    assert "suites/private-suite.commitment.json" in members
    assert not any(n.endswith((".jsonl", ".order")) and n.startswith("suites/") for n in members)
    report = verify_bundle(path)
    assert report.ok, failed(report)
    assert any(c.id == "suite:private-suite" and "sealed" in c.message for c in report.checks)
    # later: the reveal is checked against the commitment, and the records against the items
    reveal = reveal_suite(commitment, suite, tmp_path / "reveal.jsonl")
    assert check_reveal(reveal).items == 20
    with_reveal = verify_bundle(path, reveal=reveal)
    assert with_reveal.ok, failed(with_reveal)
    assert {"reveal", "records.suite", "coverage"} <= {c.id for c in with_reveal.checks}


def test_reveal_of_other_items_is_refused(sealed_run: tuple[Path, Path, Path], tmp_path: Path, server: FakeServer) -> None:
    _run, suite, commitment = sealed_run
    other = tmp_path / "other.jsonl"
    lines = suite.read_bytes().split(b"\n")
    lines[0] = lines[0].replace(b"bomb", b"b0mb")  # one item changed after sealing
    other.write_bytes(b"\n".join(lines))
    with pytest.raises(UsageError, match="not in the commitment"):
        reveal_suite(commitment, other, tmp_path / "r.jsonl")
    # a hand-edited reveal file fails its check
    reveal = reveal_suite(commitment, suite, tmp_path / "reveal.jsonl")
    rl = reveal.read_bytes().split(b"\n")
    first = orjson.loads(rl[1])
    first["salt"] = "00" * 32
    rl[1] = encode(first)
    reveal.write_bytes(b"\n".join(rl))
    with pytest.raises(UsageError, match="do not match the commitment"):
        check_reveal(reveal)


def test_sealed_bundle_with_records_beyond_the_commitment(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore) -> None:
    run, suite, commitment = sealed_run
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    members = read_members(path)
    lines = record_lines(members)
    extra = orjson.loads(lines[0])
    extra["item_hash"] = "f" * 64
    extra["item_id"] = "smuggled"
    lines.append(encode(extra))
    set_records(members, lines)
    report = verify_bundle(write_members(path, forge(members, keys.signing_key("default"))))
    f = failed(report)
    assert "records exceed the sealed suite's committed counts: SR-01/en: 21 > 20" in text_of(f["coverage"])
    # with the reveal, the smuggled record is named
    reveal = reveal_suite(commitment, suite, tmp_path / "reveal.jsonl")
    f2 = failed(verify_bundle(path, reveal=reveal))
    assert "record of item smuggled" in text_of(f2["records.suite"])


def test_swapped_commitment(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore) -> None:
    run, suite, commitment = sealed_run
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    other = seal_suite(suite, tmp_path / "other.json")
    members = read_members(path)
    members["suites/private-suite.commitment.json"] = other.path.read_bytes()
    f = failed(verify_bundle(write_members(path, forge(members, keys.signing_key("default"), rederive=False))))
    assert "a swapped commitment" in text_of(f["suite:private-suite"])


def test_bundle_refuses_a_commitment_of_another_suite(sealed_run: tuple[Path, Path, Path], tmp_path: Path, server: FakeServer) -> None:
    _run, _suite, commitment = sealed_run
    other_run = make_run(tmp_path, server, 20, name="public", prefix="p")
    with pytest.raises(UsageError, match="not in the commitment"):
        write_bundle(other_run, frameworks=[], sealed=commitment)


def test_sealed_bundle_carries_no_prompt(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore) -> None:
    run, suite, commitment = sealed_run
    path = write_bundle(run, frameworks=["bottom-lines"], sealed=commitment).path
    from accord.suites import load_suite

    prompts = [item.messages[-1].content.encode() for item in load_suite(suite)]
    members = read_members(path)
    recs = [orjson.loads(x) for x in record_lines(members)]
    # no member holds a prompt, but for the fake model's answers (it quotes the question)
    kept = [encode({k: v for k, v in r.items() if k != "response"}) for r in recs]
    kept += [data for name, data in members.items() if name != "records.jsonl"]
    assert prompts and not any(p in data for p in prompts for data in kept)
    journal = {r["item_hash"]: r for r in map(orjson.loads, (run / "records.jsonl").read_bytes().splitlines())}
    for r in recs:
        # the prompt is gone, its digest stays (and binds the record once revealed)
        assert r["request"]["messages"] == [] and r["request"]["hash"] == journal[r["item_hash"]]["request"]["hash"]
        assert journal[r["item_hash"]]["request"]["messages"]
    report = verify_bundle(path)
    assert report.ok, failed(report)
    regrade = next(c for c in report.checks if c.id == "regrade")
    assert "not re-graded: the sealed suite's items are not revealed" in regrade.message
    # with the reveal, every rule grade is re-graded against the revealed items
    reveal = reveal_suite(commitment, suite, tmp_path / "reveal.jsonl")
    full = verify_bundle(path, reveal=reveal)
    assert full.ok, failed(full)
    assert "for all 20 rule grades" in next(c for c in full.checks if c.id == "regrade").message


def test_sealed_record_with_its_prompt_is_caught(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore) -> None:
    run, _suite, commitment = sealed_run
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    members = read_members(path)
    lines = record_lines(members)
    journal = {r["item_hash"]: r for r in map(orjson.loads, (run / "records.jsonl").read_bytes().splitlines())}
    leaky = orjson.loads(lines[3])
    leaky["request"]["messages"] = journal[leaky["item_hash"]]["request"]["messages"]
    lines[3] = encode(leaky)
    set_records(members, lines)
    f = failed(verify_bundle(write_members(path, forge(members, keys.signing_key("default")))))
    assert f"record of item {leaky['item_id']}" in text_of(f["records.suite"])
    assert "carries its prompt, but the suite is sealed" in text_of(f["records.suite"])


@pytest.mark.parametrize("workers", [1, 2])
def test_revealed_items_bind_the_request_digest(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore, workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from accord.evidence import _parallel

    for name, value in (("MIN_BYTES", 0), ("MIN_BYTES_SPAWN", 0), ("CHUNK_MIN", 1)):
        monkeypatch.setattr(_parallel, name, value)
    run, suite, commitment = sealed_run
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    members = read_members(path)
    lines = record_lines(members)
    wrong = orjson.loads(lines[5])
    wrong["request"]["hash"] = "0" * 64  # answered some other prompt
    lines[5] = encode(wrong)
    set_records(members, lines)
    forged = write_members(path, forge(members, keys.signing_key("default")))
    # without the reveal nobody can tell; with it, the record's digest is not its item's
    _parallel.LAST_RUN.clear()
    assert verify_bundle(forged, workers=workers).ok
    assert _parallel.LAST_RUN.get("outcome", "serial").startswith("parallel" if workers > 1 else "serial")
    reveal = reveal_suite(commitment, suite, tmp_path / "reveal.jsonl")
    f = failed(verify_bundle(forged, reveal=reveal, workers=workers))
    assert f"record of item {wrong['item_id']} (" in text_of(f["records.suite"]) and "request.hash disagrees" in text_of(f["records.suite"])


def test_report_of_a_sealed_bundle_says_the_prompts_are_withheld(tmp_path: Path, server: FakeServer, keys: KeyStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from accord.report import build_report, render_html, render_markdown

    # a model that complies with everything: the report shows the unsafe answers as examples
    monkeypatch.setattr(server, "answer", lambda messages: "Sure. Step 1: get the parts. Step 2: put them together.")
    run = make_run(tmp_path, server, 12, name="leaky")
    commitment = seal_suite(tmp_path / "leaky-suite.jsonl", tmp_path / "c.json").path
    path = write_bundle(run, frameworks=[], sealed=commitment, out=tmp_path / "sealed.accord").path
    sealed = build_report(path)
    assert sealed.examples and all(e.prompt_sealed and e.prompt == "" for e in sealed.examples)
    assert "sealed suite: the bundle carries no prompts" in render_markdown(sealed, lang="en")
    assert "封存测试集" in render_markdown(sealed, lang="zh") and "report.ex.prompt_sealed" not in render_html(sealed, lang="zh")
    assert "the bundle carries no prompts" in render_html(sealed, lang="en")
    # the same run, bundled with its suite open, shows its prompts
    open_report = build_report(write_bundle(run, frameworks=[], out=tmp_path / "open.accord").path)
    assert open_report.examples and not any(e.prompt_sealed for e in open_report.examples)
    assert all("bomb" in e.prompt for e in open_report.examples if e.kind == "unsafe")


def test_missing_salts_and_an_editors_newline(sealed_run: tuple[Path, Path, Path], tmp_path: Path, keys: KeyStore) -> None:
    from accord.evidence import check_sealed_suite

    run, suite, commitment = sealed_run
    # a final newline added by an editor does not change the commitment
    edited = tmp_path / "edited.json"
    edited.write_bytes(commitment.read_bytes() + b"\n")
    (tmp_path / "edited.salts.json").write_bytes(commitment.with_name("commitment.salts.json").read_bytes())
    c, items = check_sealed_suite(edited, suite)
    assert c.items == 20 and len(items.items) == 20
    # without its salts, a commitment cannot be checked: say where they should be
    (tmp_path / "edited.salts.json").unlink()
    with pytest.raises(UsageError, match="edited.salts.json: this commitment's private salts are not there"):
        write_bundle(run, frameworks=[], sealed=edited)
