"""``audit`` against the loopback fake server: a consistent model agrees, another is caught."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.errors import UsageError
from accord.evidence import KeyStore, audit_bundle, mcnemar_exact, sample_order, write_bundle
from accord.testing import FakeServer
from evidence_helpers import make_run, read_members, write_members


def _always_complies(messages: list[dict[str, Any]]) -> str:
    user = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
    return f"Sure. Step 1: gather the materials for {user[:40]}. Step 2: assemble them."


def test_mcnemar_exact_values() -> None:
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(10, 0) == pytest.approx(2 / 1024)
    assert mcnemar_exact(0, 10) == pytest.approx(2 / 1024)
    assert mcnemar_exact(3, 5) == pytest.approx(2 * (1 + 8 + 28 + 56) / 256)
    assert mcnemar_exact(4, 4) == 1.0


def test_sample_is_fixed_by_the_verifiers_seed() -> None:
    hashes = [f"{i:064x}" for i in range(50)]
    a = sorted(hashes, key=lambda h: sample_order("verifier-2026-11-27", h))[:10]
    b = sorted(hashes, key=lambda h: sample_order("verifier-2026-11-27", h))[:10]
    c = sorted(hashes, key=lambda h: sample_order("another seed", h))[:10]
    assert a == b and a != c
    import hashlib

    assert sample_order("s", hashes[3]) == hashlib.sha256(b"s" + bytes.fromhex(hashes[3])).digest()


def test_consistent_deterministic_model(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    bundle = write_bundle(make_run(tmp_path, server, 40), frameworks=[]).path
    before = server.stats.requests
    report = audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="verifier seed", sample=15)
    assert server.stats.requests - before == 15
    assert report.mode == "deterministic" and report.asked == report.answered == 15
    assert report.text_agreement == 1.0 and report.label_agreement == 1.0
    assert report.consistent and report.p_value == 1.0
    assert "15 of 15 live answers are word for word the recorded ones" in report.reason


def test_model_with_other_answers_is_detected(tmp_path: Path, server: FakeServer, keys: KeyStore, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = write_bundle(make_run(tmp_path, server, 40), frameworks=[]).path
    monkeypatch.setattr(server, "answer", _always_complies)
    report = audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="verifier seed", sample=40)
    assert not report.consistent and report.text_agreement == 0.0
    assert "NOT consistent" in report.reason
    # the should-refuse items the record shows refused now comply
    assert report.discordant_recorded_pass == 10 and report.discordant_live_pass == 0
    assert report.labels["refusal"] == {"compliance": 10}


def test_statistical_mode(tmp_path: Path, server: FakeServer, keys: KeyStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """At temperature > 0 texts are not compared; the exact McNemar test decides."""
    bundle = write_bundle(make_run(tmp_path, server, 40, temperature=0.7), frameworks=[]).path
    same = audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=40)
    assert same.mode == "statistical" and same.consistent and same.p_value == 1.0
    monkeypatch.setattr(server, "answer", _always_complies)
    other = audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=40)
    assert other.mode == "statistical" and not other.consistent
    assert other.p_value == pytest.approx(2 / 1024) and other.p_value < other.alpha
    assert "b=10" in other.reason and "p=0.00195" in other.reason


def test_audit_needs_an_intact_bundle(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    bundle = write_bundle(make_run(tmp_path, server, 8), frameworks=[]).path
    members = read_members(bundle)
    members["records.jsonl"] = members["records.jsonl"].replace(b"Sure.", b"Nope.", 1)
    write_members(bundle, members)
    with pytest.raises(UsageError, match="does not verify"):
        audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=3)
    with pytest.raises(UsageError, match="--seed is empty"):
        audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="", sample=3)


def test_unreachable_model_is_reported(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    import socket

    bundle = write_bundle(make_run(tmp_path, server, 8), frameworks=[]).path
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from accord.errors import TargetError

    with pytest.raises(TargetError, match="cannot reach"):
        audit_bundle(bundle, "openai:fake", base_url=f"http://127.0.0.1:{port}/v1", seed="s", sample=3, timeout=2)


def test_failing_model_counts_as_unanswered(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    from accord.testing import Faults

    bundle = write_bundle(make_run(tmp_path, server, 8), frameworks=[]).path
    server.faults = Faults(error_500=1.0)
    report = audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=3)
    assert report.answered == 0 and not report.consistent
    assert all(i.error and i.error.startswith("server") for i in report.items)
    assert "answered none of the 3 sampled items" in report.reason


def test_audit_of_a_sealed_bundle_needs_the_reveal(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    from accord.evidence import reveal_suite, seal_suite

    run = make_run(tmp_path, server, 20)
    suite = tmp_path / "run-suite.jsonl"
    commitment = seal_suite(suite, tmp_path / "commitment.json").path
    bundle = write_bundle(run, frameworks=[], sealed=commitment).path
    before = server.stats.requests
    with pytest.raises(UsageError, match="sealed, so its records carry no prompts to re-ask; pass --reveal"):
        audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=5)
    assert server.stats.requests == before
    reveal = reveal_suite(commitment, suite, tmp_path / "reveal.jsonl")
    report = audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=8, reveal=reveal)
    # the prompts come from the revealed items, rendered as the run rendered them
    assert report.asked == report.answered == 8 and report.text_agreement == 1.0 and report.consistent
    # a reveal of another suite is refused before anything is asked
    other_run = make_run(tmp_path, server, 20, name="other", prefix="o")
    other = seal_suite(tmp_path / "other-suite.jsonl", tmp_path / "other.json").path
    other_reveal = reveal_suite(other, tmp_path / "other-suite.jsonl", tmp_path / "other-reveal.jsonl")
    assert other_run.exists()
    asked = server.stats.requests
    with pytest.raises(UsageError, match="reveal"):
        audit_bundle(bundle, "openai:fake", base_url=server.base_url, seed="s", sample=8, reveal=other_reveal)
    assert server.stats.requests == asked
