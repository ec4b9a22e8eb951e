"""Fuzzing the bundle reader: whatever the bytes, ``verify`` answers with a report and the
reader raises only Accord's own errors (bounded: 300 examples per strategy)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.evidence import KeyStore, Limits, PublicKey, VerifyReport, verify_bundle, write_bundle
from accord.evidence._container import BundleReader
from accord.testing import FakeServer
from evidence_helpers import make_run, read_members

SIGNED_LIMITS = Limits(max_member_bytes=8 << 20, max_small_bytes=4 << 20, max_total_bytes=32 << 20)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Valid(tuple):  # type: ignore[type-arg]
    """(bundle bytes, members, signer key), with a short repr for hypothesis reports."""

    def __repr__(self) -> str:
        return "<valid bundle>"


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[bytes, dict[str, bytes], PublicKey]]:
    tmp = tmp_path_factory.mktemp("fuzz")
    store = KeyStore(tmp / "keys")
    with FakeServer() as server:
        run = make_run(tmp, server, 6)
    path = write_bundle(run, frameworks=["bottom-lines"], keys_dir=tmp / "keys").path
    yield Valid((path.read_bytes(), read_members(path), store.public("default")))


def _check(path: Path, key: PublicKey) -> VerifyReport:
    report = verify_bundle(path, trusted=[key], limits=SIGNED_LIMITS)
    assert isinstance(report, VerifyReport)
    for c in report.checks:
        assert "no check expected" not in c.message, c.message
    try:
        with BundleReader.open(path, SIGNED_LIMITS) as r:
            for name in r.members:
                for _ in r.stream(name):
                    pass
    except AccordError:
        pass
    return report


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


@FUZZ
@given(data=st.data())
def test_byte_mutations_of_a_valid_bundle(valid: tuple[bytes, dict[str, bytes], PublicKey], tmp_path: Path, data: st.DataObject) -> None:
    raw, _members, key = valid
    b = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "set", "cut", "insert", "delete"]))
        pos = data.draw(st.integers(0, max(0, len(b) - 1)))
        if op == "flip" and b:
            b[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif op == "set" and b:
            b[pos] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del b[pos:]
        elif op == "insert":
            b[pos:pos] = data.draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del b[pos : pos + data.draw(st.integers(1, 64))]
    path = tmp_path / "m.accord"
    path.write_bytes(bytes(b))
    report = _check(path, key)
    if bytes(b) == raw:
        assert report.ok


SIGNED_MEMBERS = st.sampled_from(["records.jsonl", "records.index", "run.json", "manifest.json", "suites/run-suite.jsonl", "suites/run-suite.order", "frameworks/bottom-lines.json", "envelope.json"])


@FUZZ
@given(data=st.data())
def test_mutations_inside_members(valid: tuple[bytes, dict[str, bytes], PublicKey], tmp_path: Path, data: st.DataObject) -> None:
    """Mutate decompressed member contents and re-zip, so the JSON, index and record
    logic (not only the ZIP layer) meets hostile input."""
    _raw, members, key = valid
    members = dict(members)
    name = data.draw(SIGNED_MEMBERS)
    content = bytearray(members[name])
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["set", "insert", "delete", "swap_lines", "json"]))
        pos = data.draw(st.integers(0, max(0, len(content) - 1)))
        if op == "set" and content:
            content[pos] = data.draw(st.sampled_from(list(b'{}[]":,0123456789.e-nulltruefalse \\\n\x00\xff')))
        elif op == "insert":
            content[pos:pos] = data.draw(st.sampled_from([b'"', b"{", b"]", b"1e999", b"\n", b"null", b'"a":', b"\xc3", b"-0"]))
        elif op == "delete":
            del content[pos : pos + data.draw(st.integers(1, 32))]
        elif op == "swap_lines":
            lines = bytes(content).split(b"\n")
            if len(lines) > 2:
                i = data.draw(st.integers(0, len(lines) - 2))
                lines[i], lines[i + 1] = lines[i + 1], lines[i]
                content = bytearray(b"\n".join(lines))
        elif op == "json":
            content = bytearray(data.draw(st.sampled_from([b"", b"{}", b"[]", b"null", b'{"members":[]}', b'"x"', b"1"])))
    members[name] = bytes(content)
    path = tmp_path / "m.accord"
    path.write_bytes(_zip(members))
    report = _check(path, key)
    if bytes(content) != valid[1][name]:
        assert not report.ok


names = st.sampled_from(["envelope.json", "signers.json", "manifest.json", "records.jsonl", "records.index", "run.json", "suites/a.jsonl", "x/../y", "../z", "/abs", "a\\b", "dir/", "ok.txt"])
contents = st.one_of(st.binary(max_size=300), st.sampled_from([b"{}", b'{"payload":"","payloadType":"application/vnd.in-toto+json","signatures":[]}', b'{"signers":[]}', b'{"format":1,"members":[]}']))


@FUZZ
@given(members=st.dictionaries(names, contents, max_size=8))
def test_random_zips(valid: tuple[bytes, dict[str, bytes], PublicKey], tmp_path: Path, members: dict[str, bytes]) -> None:
    path = tmp_path / "r.accord"
    path.write_bytes(_zip(members))
    assert not _check(path, valid[2]).ok


@FUZZ
@given(blob=st.binary(max_size=2000))
def test_random_bytes(valid: tuple[bytes, dict[str, bytes], PublicKey], tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "b.accord"
    path.write_bytes(blob)
    assert not _check(path, valid[2]).ok


def test_the_unmutated_bundle_verifies(valid: tuple[bytes, dict[str, bytes], PublicKey], tmp_path: Path) -> None:
    path = tmp_path / "ok.accord"
    path.write_bytes(valid[0])
    assert _check(path, valid[2]).ok


