"""Writing, verifying and co-signing bundles end to end, against real runs."""

from __future__ import annotations

import base64
import json
import os
import stat
import zipfile
from pathlib import Path

import orjson
import pytest

from accord.errors import UsageError
from accord.evidence import (
    KeyStore,
    VerifyReport,
    cosign_bundle,
    unpack_bundle,
    verify_bundle,
    verify_proof,
    write_bundle,
)
from accord.testing import FakeServer
from evidence_helpers import FRAMEWORKS, failed, make_run, read_members, statement


def _ids(report: VerifyReport) -> set[str]:
    return {c.id for c in report.checks}


def test_bundle_verifies_and_reports_every_check(bundle: Path, keys: KeyStore) -> None:
    report = verify_bundle(bundle)
    assert report.ok, failed(report)
    ids = _ids(report)
    for expected in (
        "container", "envelope", "signers", "signature:1", "trust", "statement", "manifest", "members",
        "run", "records.canonical", "records.order", "records.index", "records.merkle", "records.suite",
        "regrade", "summary", "assessment", "member:records.jsonl", "framework:bottom-lines",
    ):
        assert expected in ids, expected
    assert report.records == 24
    [signer] = report.signers
    assert signer.valid and signer.trusted and signer.name == "default"
    assert signer.keyid == keys.public("default").keyid
    assert signer.fingerprint == keys.public("default").fingerprint


def test_members_and_statement_shape(bundle: Path) -> None:
    members = read_members(bundle)
    assert set(members) >= {"manifest.json", "envelope.json", "signers.json", "records.jsonl", "records.index", "run.json"}
    assert {f"frameworks/{f}.json" for f in FRAMEWORKS} <= set(members)
    env = json.loads(members["envelope.json"])
    assert env["payloadType"] == "application/vnd.in-toto+json"
    st = statement(members)
    assert st["_type"] == "https://in-toto.io/Statement/v1"
    assert st["predicateType"].startswith("https://accord-eval.org/evidence-bundle/v")
    pred = st["predicate"]
    assert {"manifest", "records", "target", "suites", "frameworks", "graders", "software", "summary", "assessment"} <= set(pred)
    assert pred["target"]["identity"]["provider"] == "openai"
    assert pred["target"]["identity"]["params"]["temperature"] == 0
    assert pred["graders"][0]["id"] == "refusal@1" and pred["graders"][0]["kind"] == "rule"
    assert len(pred["graders"][0]["code_sha256"]) == 64
    assert pred["software"]["packages"]["cryptography"]
    assert {v["framework"] for v in pred["assessment"]["verdicts"]} == set(FRAMEWORKS)
    # the manifest lists every member but the signature files, with size and SHA-256
    listed = {m["name"]: m for m in pred["manifest"]["members"]}
    assert set(listed) == set(members) - {"manifest.json", "envelope.json", "signers.json"}
    import hashlib

    for name, m in listed.items():
        assert m["size"] == len(members[name]) and m["sha256"] == hashlib.sha256(members[name]).hexdigest()
    assert st["subject"][0] == {"name": "manifest.json", "digest": {"sha256": hashlib.sha256(members["manifest.json"]).hexdigest()}}
    assert st["subject"][1]["digest"]["rfc6962-sha256"] == pred["records"]["merkle_root"]
    # records: one canonical line per item, sorted by item hash
    lines = members["records.jsonl"].split(b"\n")[:-1]
    hashes = [orjson.loads(x)["item_hash"] for x in lines]
    assert hashes == sorted(set(hashes)) and len(lines) == 24
    assert len(members["records.index"]) == 128 * 24


def test_a_standard_dsse_verifier_accepts_the_envelope(bundle: Path, keys: KeyStore) -> None:
    """securesystemslib's reference DSSE implementation verifies Accord's envelope."""
    from securesystemslib.dsse import Envelope
    from securesystemslib.exceptions import VerificationError
    from securesystemslib.signer import SSlibKey

    members = read_members(bundle)
    env = Envelope.from_dict(json.loads(members["envelope.json"]))
    pub = keys.public("default")
    key = SSlibKey(pub.keyid, "ed25519", "ed25519", {"public": pub.raw.hex()})
    accepted = env.verify([key], 1)
    assert set(accepted) == {pub.keyid}
    assert env.payload_type == "application/vnd.in-toto+json"
    assert json.loads(env.payload)["_type"] == "https://in-toto.io/Statement/v1"
    # and it rejects a payload changed by one byte
    env.payload = env.payload.replace(b'"records"', b'"recordz"', 1)
    with pytest.raises(VerificationError):
        env.verify([key], 1)


def test_pae_matches_the_dsse_spec(bundle: Path, keys: KeyStore) -> None:
    """The signature is Ed25519 over DSSEv1 PAE, checked here with cryptography directly."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    env = json.loads(read_members(bundle)["envelope.json"])
    payload = base64.b64decode(env["payload"])
    pae = b"DSSEv1 %d %b %d %b" % (len(env["payloadType"]), env["payloadType"].encode(), len(payload), payload)
    sig = base64.b64decode(env["signatures"][0]["sig"])
    Ed25519PublicKey.from_public_bytes(keys.public("default").raw).verify(sig, pae)


def test_default_key_is_created_on_first_use_and_reported(run_dir: Path, keys: KeyStore) -> None:
    assert keys.names() == []
    first = write_bundle(run_dir, frameworks=[])
    assert first.key_created and first.key_path == keys.private_path("default")
    assert stat.S_IMODE(os.stat(first.key_path).st_mode) == 0o600
    assert str(first.key_path) in first.messages[0]
    again = write_bundle(run_dir, frameworks=[], out=run_dir / "again.accord")
    assert not again.key_created and again.keyid == first.keyid
    assert len(again.messages) == 1


def test_explicit_unknown_key_is_an_error(run_dir: Path) -> None:
    with pytest.raises(UsageError, match="accord keys generate"):
        write_bundle(run_dir, key="nobody", frameworks=[])


def test_cosign_adds_a_second_trusted_signer(bundle: Path, keys: KeyStore) -> None:
    keys.generate("regulator")
    before = read_members(bundle)
    result = cosign_bundle(bundle, key="regulator")
    assert result.signatures == 2
    after = read_members(bundle)
    # the statement and every signed member are untouched
    assert statement(after) == statement(before)
    for name in before:
        if name not in ("envelope.json", "signers.json"):
            assert after[name] == before[name], name
    report = verify_bundle(bundle)
    assert report.ok, failed(report)
    assert {s.name for s in report.signers} == {"default", "regulator"}
    assert all(s.valid and s.trusted for s in report.signers)
    # trusting only the co-signer is enough
    only = verify_bundle(bundle, trusted=[keys.public("regulator")])
    assert only.ok
    assert {(s.name, s.trusted) for s in only.signers} == {("default", False), ("regulator", True)}
    with pytest.raises(UsageError, match="already signed"):
        cosign_bundle(bundle, key="regulator")


def test_cosign_refuses_a_tampered_bundle(bundle: Path, keys: KeyStore) -> None:
    from evidence_helpers import write_members

    members = read_members(bundle)
    members["records.jsonl"] = members["records.jsonl"].replace(b"Sure.", b"Nope.", 1)
    write_members(bundle, members)
    keys.generate("regulator")
    with pytest.raises(UsageError, match="refusing to co-sign"):
        cosign_bundle(bundle, key="regulator")


def test_unpacked_directory_form_verifies_the_same(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "unpacked"
    n = unpack_bundle(bundle, out)
    assert n == len(read_members(bundle))
    report = verify_bundle(out)
    assert report.ok, failed(report)
    assert report.checks[0].message.startswith("bundle opened (dir")
    # a directory bundle written directly
    direct = write_bundle(bundle.parent, frameworks=[], out=tmp_path / "direct", unpacked=True).path
    assert direct.is_dir() and verify_bundle(direct).ok
    # and tampering a file in the directory is caught
    rec = direct / "records.jsonl"
    rec.write_bytes(rec.read_bytes().replace(b"Sure.", b"Nope.", 1))
    assert "member:records.jsonl" in failed(verify_bundle(direct))


def test_stored_bundle_verifies(run_dir: Path) -> None:
    path = write_bundle(run_dir, frameworks=[], compression="stored", out=run_dir / "stored.accord").path
    with zipfile.ZipFile(path) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
    assert verify_bundle(path).ok


def test_inclusion_proof_for_one_record(bundle: Path, tmp_path: Path) -> None:
    lines = read_members(bundle)["records.jsonl"].split(b"\n")[:-1]
    # 24 leaves = a perfect tree of 16 and one of 8: paths of 5 steps in the first, 4 in the second
    for pick, steps in ((0, 5), (7, 5), (23, 4)):
        item_id = orjson.loads(lines[pick])["item_id"]
        report = verify_bundle(bundle, record=item_id)
        assert report.ok, failed(report)
        proof = report.proof
        assert proof is not None and proof.leaf_index == pick and proof.tree_size == 24
        assert proof.record.encode() == lines[pick]
        assert len(proof.path) == steps
        # the proof alone (with the signed envelope) convinces a verifier
        standalone = verify_proof(proof)
        assert standalone.ok, failed(standalone)
    # a proof for an edited record fails
    forged = proof.model_copy(update={"record": proof.record.replace("Sure.", "Nope.")})
    assert "proof" in failed(verify_proof(forged))
    # a missing record is reported
    assert "proof" in failed(verify_bundle(bundle, record="no-such-item"))


def test_bundle_from_a_run_with_frameworks_by_default(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    run = make_run(tmp_path, server, 12, name="all")
    result = write_bundle(run)
    pred = statement(read_members(result.path))["predicate"]
    from accord.frameworks import builtin_framework_names

    assert sorted(f["id"] for f in pred["frameworks"]) == sorted(builtin_framework_names())
    assert verify_bundle(result.path).ok


def test_resumed_run_keeps_the_latest_record_per_item(tmp_path: Path, keys: KeyStore) -> None:
    """A journal with a superseded (errored, retried) record bundles its latest record only."""
    from accord.testing import Faults

    with FakeServer(Faults(error_500=1.0)) as srv:
        run = make_run(tmp_path, srv, 8, name="r")
        srv.faults = Faults()
        make_run(tmp_path, srv, 8, name="r", retry_errors=True)
    journal = (run / "records.jsonl").read_bytes().split(b"\n")[:-1]
    assert len(journal) == 16
    path = write_bundle(run, frameworks=[]).path
    lines = read_members(path)["records.jsonl"].split(b"\n")[:-1]
    assert len(lines) == 8 and all(orjson.loads(x)["error"] is None for x in lines)
    assert verify_bundle(path).ok


def test_builtin_suite_run_bundles_and_verifies(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    """A run of a built-in suite (found from run.json, several graders) bundles and verifies,
    every rule grade re-graded."""
    import asyncio

    from accord.engine import RetryPolicy, RunConfig, run_async
    from accord.suites import load_suite
    from accord.targets import TargetOptions, create_target

    target = create_target("openai:fake", TargetOptions(base_url=server.base_url))
    out = tmp_path / "quick-run"
    asyncio.run(run_async(load_suite("quick"), target, RunConfig(out=out, progress="none", retry=RetryPolicy(max_attempts=1))))
    report = verify_bundle(write_bundle(out, frameworks=FRAMEWORKS).path)
    assert report.ok, failed(report)
    regrade = next(c for c in report.checks if c.id == "regrade")
    assert f"for all {report.records} rule grades" in regrade.message
