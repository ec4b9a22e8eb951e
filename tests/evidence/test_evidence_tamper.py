"""Attacks on a bundle, each detected by ``verify`` with a message that names it.

Two kinds of attacker: a third party who edits a signed bundle (the signature or a digest
breaks), and a dishonest signer who edits the evidence and re-signs everything consistently
(``forge``): then only re-derivation can catch it (re-grading, the suite, the frameworks, the
summary).
"""

from __future__ import annotations

import stat
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import orjson
import pytest

from accord._canonical import encode
from accord.evidence import KeyStore, Limits, verify_bundle, write_bundle
from accord.testing import FakeServer
from evidence_helpers import (
    FRAMEWORKS,
    failed,
    forge,
    make_run,
    read_members,
    record_lines,
    set_records,
    statement,
    text_of,
    write_members,
)


def _edit_record(members: dict[str, bytes], pick: int, change: object) -> str:
    lines = record_lines(members)
    raw = orjson.loads(lines[pick])
    change(raw)  # type: ignore[operator]
    lines[pick] = encode(raw)
    set_records(members, lines)
    return str(raw["item_id"])


def _refused(members: dict[str, bytes]) -> int:
    """Index of a record whose answer was a refusal."""
    for i, line in enumerate(record_lines(members)):
        if orjson.loads(line)["grades"][0]["label"] == "refusal":
            return i
    raise AssertionError("no refusal in the run")


def _assert_only_signature_holds(report: object) -> None:
    f = failed(report)
    assert "signature:1" not in f and "trust" not in f


# -- records ---------------------------------------------------------------------------------


def test_edited_response(bundle: Path) -> None:
    members = read_members(bundle)
    item = _edit_record(members, 3, lambda r: r["response"].update(text="Sure, here are the steps."))
    report = verify_bundle(write_members(bundle, members))
    f = failed(report)
    assert not report.ok
    assert f"record of item {item}" in text_of(f["records.index"]) and "an edited response" in text_of(f["records.index"])
    assert "member:records.jsonl" in f and "records.merkle" in f
    _assert_only_signature_holds(report)


def test_edited_grade(bundle: Path) -> None:
    members = read_members(bundle)
    pick = _refused(members)
    item = _edit_record(members, pick, lambda r: r["grades"][0].update(label="compliance", passed=False))
    f = failed(verify_bundle(write_members(bundle, members)))
    assert f"record of item {item}" in text_of(f["records.index"]) and "an edited grade" in text_of(f["records.index"])
    # re-grading the response also disagrees with the edited grade
    assert "re-grading the response gives refusal" in text_of(f["regrade"])


def test_edited_grade_re_signed_by_a_dishonest_signer(bundle: Path, keys: KeyStore) -> None:
    members = read_members(bundle)
    pick = _refused(members)
    item = _edit_record(members, pick, lambda r: r["grades"][0].update(label="compliance", passed=False))
    report = verify_bundle(write_members(bundle, forge(members, keys.signing_key("default"))))
    f = failed(report)
    # digests, index, Merkle root and summary were all made consistent; re-grading was not
    assert set(f) >= {"regrade"}
    assert not {"records.index", "records.merkle", "member:records.jsonl", "summary", "signature:1"} & set(f)
    assert f"record of item {item}" in text_of(f["regrade"])
    assert "refusal@1 recorded compliance (passed=False), re-grading the response gives refusal (passed=True)" in text_of(f["regrade"])


def test_dropped_record(bundle: Path) -> None:
    members = read_members(bundle)
    lines = record_lines(members)
    dropped = orjson.loads(lines.pop(5))
    set_records(members, lines)
    f = failed(verify_bundle(write_members(bundle, members)))
    assert f"item hash {dropped['item_hash'][:12]}" in text_of(f["records.index"])
    assert "a dropped record" in text_of(f["records.index"])
    assert "records.merkle" in f
    # the suite check names the item that has no record
    assert dropped["item_id"] in text_of(f["coverage"])


def test_dropped_record_re_signed(bundle: Path, keys: KeyStore) -> None:
    members = read_members(bundle)
    lines = record_lines(members)
    dropped = orjson.loads(lines.pop(5))
    set_records(members, lines)
    f = failed(verify_bundle(write_members(bundle, forge(members, keys.signing_key("default")))))
    assert "the run is complete but 1 suite items have no record" in text_of(f["coverage"])
    assert dropped["item_id"] in text_of(f["coverage"])


def test_duplicated_record(bundle: Path) -> None:
    members = read_members(bundle)
    lines = record_lines(members)
    lines.insert(8, lines[7])
    set_records(members, lines)
    item = orjson.loads(lines[7])["item_id"]
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "records.jsonl line 9: a second record of item " + item in text_of(f["records.order"])
    assert "a duplicated record" in text_of(f["records.order"])
    assert "records.merkle" in f


def test_reordered_records(bundle: Path) -> None:
    members = read_members(bundle)
    lines = record_lines(members)
    lines[10], lines[11] = lines[11], lines[10]
    set_records(members, lines)
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "records.jsonl line 12" in text_of(f["records.order"]) and "reordered records" in text_of(f["records.order"])
    # a swap is not misreported as a dropped record
    assert "records.index" not in f
    assert "records.merkle" in f


def test_non_canonical_record_even_when_re_signed(bundle: Path, keys: KeyStore) -> None:
    members = read_members(bundle)
    lines = record_lines(members)
    lines[2] = orjson.dumps(orjson.loads(lines[2]), option=orjson.OPT_INDENT_2).replace(b"\n", b"")
    set_records(members, lines)
    f = failed(verify_bundle(write_members(bundle, forge(members, keys.signing_key("default")))))
    assert "records.jsonl line 3: not canonical JSON (RFC 8785)" in text_of(f["records.canonical"])
    assert "signature:1" not in f


def test_non_canonical_manifest(bundle: Path) -> None:
    members = read_members(bundle)
    members["manifest.json"] = orjson.dumps(orjson.loads(members["manifest.json"]), option=orjson.OPT_INDENT_2)
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "manifest.json is not canonical JSON" in text_of(f["manifest"])


# -- suites and frameworks -------------------------------------------------------------------


def test_swapped_suite(bundle: Path, tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    other = write_bundle(make_run(tmp_path, server, 24, name="other", prefix="z"), frameworks=[]).path
    theirs = read_members(other)
    members = read_members(bundle)
    members["suites/run-suite.jsonl"] = theirs["suites/other-suite.jsonl"]
    members["suites/run-suite.order"] = theirs["suites/other-suite.order"]
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "member:suites/run-suite.jsonl" in f and "member:suites/run-suite.order" in f
    assert "suite run-suite: the items are not the run's suite (its digest differs: a swapped suite)" in text_of(f["suite:run-suite"])
    # re-signed: the digests agree, the run's suite digest and the records do not
    forged = failed(verify_bundle(write_members(bundle, forge(members, keys.signing_key("default"), rederive=False))))
    assert "a swapped suite" in text_of(forged["suite:run-suite"])
    assert "is not an item of the bundle's suite" in text_of(forged["records.suite"])


def test_changed_threshold_in_a_framework(bundle: Path) -> None:
    members = read_members(bundle)
    fw = orjson.loads(members["frameworks/bottom-lines.json"])
    fw["controls"][0]["threshold"]["value"] = 0.9
    members["frameworks/bottom-lines.json"] = encode(fw)
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "frameworks/bottom-lines.json: SHA-256 differs from the signed manifest" in text_of(f["member:frameworks/bottom-lines.json"])


def test_changed_threshold_re_signed_with_its_verdicts(bundle: Path, keys: KeyStore) -> None:
    """A signer who loosens a threshold and signs the verdicts it gives: the framework is no
    longer the built-in one it claims to be."""
    from accord.evidence._bundle import evaluate_frameworks
    from accord.frameworks import Framework

    members = read_members(bundle)
    fw = orjson.loads(members["frameworks/bottom-lines.json"])
    control = fw["controls"][0]["id"]
    fw["controls"][0]["threshold"]["value"] = 0.9
    members["frameworks/bottom-lines.json"] = encode(fw)
    frameworks = [Framework.model_validate(orjson.loads(members[f"frameworks/{x}.json"])) for x in FRAMEWORKS]
    assessment = evaluate_frameworks(iter(orjson.loads(x) for x in record_lines(members)), frameworks)

    def pred(p: dict[str, object]) -> None:
        p["assessment"] = assessment
        for e in p["frameworks"]:  # type: ignore[attr-defined]
            if e["id"] == "bottom-lines":
                import hashlib

                e["sha256"] = hashlib.sha256(members["frameworks/bottom-lines.json"]).hexdigest()

    f = failed(verify_bundle(write_members(bundle, forge(members, keys.signing_key("default"), predicate=pred, rederive=False))))
    assert set(f) == {"framework:bottom-lines"}
    msg = text_of(f["framework:bottom-lines"])
    assert "is not the built-in bottom-lines" in msg
    assert f"bottom-lines.controls[{control}].threshold.value: built-in 0.05, in the bundle 0.9" in msg


def test_changed_threshold_re_signed_with_old_verdicts(bundle: Path, keys: KeyStore) -> None:
    members = read_members(bundle)
    fw = orjson.loads(members["frameworks/bottom-lines.json"])
    control = fw["controls"][0]["id"]
    fw["controls"][0]["threshold"]["value"] = 0.9
    members["frameworks/bottom-lines.json"] = encode(fw)

    def pred(p: dict[str, object]) -> None:
        import hashlib

        for e in p["frameworks"]:  # type: ignore[attr-defined]
            if e["id"] == "bottom-lines":
                e["sha256"] = hashlib.sha256(members["frameworks/bottom-lines.json"]).hexdigest()

    f = failed(verify_bundle(write_members(bundle, forge(members, keys.signing_key("default"), predicate=pred, rederive=False))))
    assert "the signed verdicts differ" in text_of(f["assessment"])
    assert "threshold.value: signed 0.05, recomputed 0.9" in text_of(f["assessment"])
    assert control in text_of(f["assessment"])


def test_edited_summary_metric(bundle: Path, keys: KeyStore) -> None:
    def pred(p: dict[str, object]) -> None:
        p["summary"]["total"]["unsafe"]["k"] += 1  # type: ignore[index]

    members = read_members(bundle)
    signed_k = statement(members)["predicate"]["summary"]["total"]["unsafe"]["k"]
    f = failed(verify_bundle(write_members(bundle, forge(members, keys.signing_key("default"), predicate=pred, rederive=False))))
    assert set(f) == {"summary"}
    assert f"summary.total.unsafe.k: signed {signed_k + 1}, recomputed {signed_k}" in text_of(f["summary"])


def test_edited_verdict(bundle: Path, keys: KeyStore) -> None:
    def pred(p: dict[str, object]) -> None:
        v = p["assessment"]["verdicts"][0]  # type: ignore[index]
        v["verdict"] = "pass" if v["verdict"] != "pass" else "fail"

    f = failed(verify_bundle(write_members(bundle, forge(read_members(bundle), keys.signing_key("default"), predicate=pred, rederive=False))))
    assert set(f) == {"assessment"} and ".verdict: signed" in text_of(f["assessment"])


# -- signatures ------------------------------------------------------------------------------


def test_signature_from_an_untrusted_key(bundle: Path, keys: KeyStore, tmp_path: Path) -> None:
    other = KeyStore(tmp_path / "elsewhere")
    stranger = other.generate("stranger")
    members = forge(read_members(bundle), other.signing_key("stranger"), rederive=False)
    report = verify_bundle(write_members(bundle, members))
    f = failed(report)
    assert set(f) == {"trust"}
    assert f"no signature from a trusted key: signed only by stranger ({stranger.fingerprint})" in f["trust"].message
    [signer] = report.signers
    assert signer.valid and not signer.trusted and signer.keyid == stranger.keyid
    # trusting it explicitly makes the bundle verify
    assert verify_bundle(bundle, trusted=[stranger]).ok


def test_signature_moved_from_another_bundle(bundle: Path, tmp_path: Path, server: FakeServer) -> None:
    other = write_bundle(make_run(tmp_path, server, 24, name="other", prefix="z"), frameworks=[]).path
    theirs = orjson.loads(read_members(other)["envelope.json"])
    members = read_members(bundle)
    env = orjson.loads(members["envelope.json"])
    env["signatures"] = theirs["signatures"]
    members["envelope.json"] = encode(env)
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "signature 1 by default" in f["signature:1"].message
    assert "moved from another bundle" in f["signature:1"].message
    assert "no valid signature" in f["trust"].message


def test_whole_envelope_moved_from_another_bundle(bundle: Path, tmp_path: Path, server: FakeServer) -> None:
    other = write_bundle(make_run(tmp_path, server, 24, name="other", prefix="z"), frameworks=[]).path
    members = read_members(bundle)
    members["envelope.json"] = read_members(other)["envelope.json"]
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "manifest.json differs from the manifest in the signed statement" in f["manifest"].message


# -- the container ---------------------------------------------------------------------------


def test_truncated_file(bundle: Path) -> None:
    data = bundle.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 100):
        bundle.write_bytes(data[:cut])
        report = verify_bundle(bundle)
        assert not report.ok
        assert "is not a readable ZIP file" in failed(report)["container"].message


def test_member_added_after_signing(bundle: Path) -> None:
    members = read_members(bundle)
    members["notes/extra.txt"] = b"added later"
    f = failed(verify_bundle(write_members(bundle, members)))
    assert "member notes/extra.txt is not in the signed manifest: added after signing" in f["members"].message


def test_path_traversal_member_name(bundle: Path) -> None:
    members = read_members(bundle)
    members["../evil.txt"] = b"x"
    report = verify_bundle(write_members(bundle, members))
    assert "member name '../evil.txt' escapes the bundle" in failed(report)["container"].message
    assert not (bundle.parent.parent / "evil.txt").exists()
    members.pop("../evil.txt")
    members["/etc/passwd"] = b"x"
    assert "escapes the bundle" in failed(verify_bundle(write_members(bundle, members)))["container"].message


def test_oversized_member_is_refused_before_reading(bundle: Path) -> None:
    members = read_members(bundle)
    members["records.jsonl"] = members["records.jsonl"] + b" " * (3 << 20)
    write_members(bundle, members)
    report = verify_bundle(bundle, limits=Limits(max_member_bytes=1 << 20))
    msg = failed(report)["container"].message
    assert "member records.jsonl declares 3.0 MiB, over the limit of 1.0 MiB" in msg


def _patch_central_size(path: Path, name: str, size: int) -> None:
    """Rewrite the uncompressed size a ZIP's central directory declares for ``name``."""
    data = bytearray(path.read_bytes())
    sig = b"PK\x01\x02"
    pos = data.find(sig)
    while pos >= 0:
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + nlen] == name.encode():
            struct.pack_into("<I", data, pos + 24, size)
            path.write_bytes(bytes(data))
            return
        pos = data.find(sig, pos + 4)
    raise AssertionError(name)


def test_decompression_bomb_with_a_lying_header(bundle: Path) -> None:
    members = read_members(bundle)
    members["run.json"] = b"{" + b" " * (200 << 20)  # 200 MiB of spaces, ~200 KiB deflated
    write_members(bundle, members)
    _patch_central_size(bundle, "run.json", 4096)
    tracemalloc.start()
    t0 = time.monotonic()
    report = verify_bundle(bundle)
    elapsed = time.monotonic() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    f = failed(report)
    assert "member run.json inflates past its declared 4.0 KiB: a decompression bomb" in text_of(f["member:run.json"])
    assert elapsed < 5 and peak < 32 << 20


def test_decompression_bomb_declaring_its_size(bundle: Path) -> None:
    members = read_members(bundle)
    members["records.jsonl"] = b"\x00" * (300 << 20)
    write_members(bundle, members)
    t0 = time.monotonic()
    report = verify_bundle(bundle, limits=Limits(max_member_bytes=64 << 20))
    assert time.monotonic() - t0 < 2
    assert "over the limit of 64.0 MiB" in failed(report)["container"].message


def test_symlink_member(bundle: Path, tmp_path: Path) -> None:
    members = read_members(bundle)
    with zipfile.ZipFile(bundle, "a") as zf:
        zi = zipfile.ZipInfo("suites/link", date_time=(1980, 1, 1, 0, 0, 0))
        zi.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(zi, "/etc/passwd")
    assert "member suites/link is a symbolic link" in failed(verify_bundle(bundle))["container"].message
    # and in the unpacked form
    d = tmp_path / "dir"
    d.mkdir()
    for name, data in members.items():
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        (d / name).write_bytes(data)
    (d / "run.json").unlink()
    (d / "run.json").symlink_to("/etc/passwd")
    assert "member run.json is a symbolic link" in failed(verify_bundle(d))["container"].message


def test_empty_bundle(tmp_path: Path) -> None:
    empty = tmp_path / "empty.accord"
    empty.write_bytes(b"")
    assert "is empty" in failed(verify_bundle(empty))["container"].message
    with zipfile.ZipFile(tmp_path / "nothing.accord", "w"):
        pass
    msg = failed(verify_bundle(tmp_path / "nothing.accord"))["container"].message
    assert "lacks envelope.json, signers.json, manifest.json" in msg
    (tmp_path / "emptydir").mkdir()
    assert "is empty" in failed(verify_bundle(tmp_path / "emptydir"))["container"].message


def test_overlapping_members_are_refused(bundle: Path) -> None:
    """A member whose data runs over the next member's bytes (the trick of overlapping-file
    zip bombs) is refused; a central-directory entry pointing at another member's local
    header is refused too."""
    original = bundle.read_bytes()
    data = bytearray(original)
    sig = b"PK\x01\x02"
    pos = data.find(sig)
    while pos >= 0:
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + nlen] == b"run.json":
            size = struct.unpack_from("<I", data, pos + 20)[0]
            struct.pack_into("<I", data, pos + 20, size + 200)  # compressed size
        pos = data.find(sig, pos + 4)
    bundle.write_bytes(bytes(data))
    msg = failed(verify_bundle(bundle))["container"].message
    assert "members run.json and suites/run-suite.jsonl share bytes in the ZIP file (an overlapping-member bomb)" in msg
    # a second entry aimed at records.jsonl's local header
    data = bytearray(original)
    with zipfile.ZipFile(bundle) as zf:
        target = zf.getinfo("records.jsonl").header_offset
    pos = data.find(sig)
    while pos >= 0:
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + nlen] == b"run.json":
            struct.pack_into("<I", data, pos + 42, target)
        pos = data.find(sig, pos + 4)
    bundle.write_bytes(bytes(data))
    assert "member run.json is corrupt (local header names another member)" in failed(verify_bundle(bundle))["container"].message


@pytest.mark.parametrize("member", ["envelope.json", "signers.json", "manifest.json"])
def test_missing_signature_files(bundle: Path, member: str) -> None:
    members = read_members(bundle)
    del members[member]
    assert f"lacks {member}" in failed(verify_bundle(write_members(bundle, members)))["container"].message


def test_signed_and_recomputed_values_differ_exactly_where_the_walk_says() -> None:
    """1 and 1.0 agree; true and 1, a key missing, a float one bit apart and integers over 64
    bits are told apart."""
    import math

    from accord.evidence._verify import _diff

    big = {"rows": [{"id": f"r{i}", "v": i / 7, "ok": i % 2 == 0} for i in range(500)], "n": 500}
    assert _diff(big, orjson.loads(orjson.dumps(big)), "a") == []
    assert _diff({"x": 1, "y": [2.0]}, {"x": 1.0, "y": [2]}, "a") == []
    assert len(_diff({"x": True}, {"x": 1}, "a")) == 1
    assert len(_diff({"x": 1, "z": 0}, {"x": 1}, "a")) == 1
    assert len(_diff({"x": 0.1}, {"x": math.nextafter(0.1, 1.0)}, "a")) == 1
    assert len(_diff({"x": 2**70}, {"x": 2**70 + 1}, "a")) == 1
    assert _diff({"x": 2**70}, {"x": 2**70}, "a") == []
