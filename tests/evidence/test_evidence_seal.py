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
