"""Helpers for the evidence tests: real runs against the loopback fake server, and the tools
an attacker would use on a bundle (edit members, forge a consistent re-signed bundle)."""

from __future__ import annotations

import asyncio
import hashlib
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from accord._canonical import encode
from accord.engine import RetryPolicy, RunConfig, run_async
from accord.evidence._dsse import envelope_bytes, new_envelope, parse_envelope
from accord.evidence._keys import SigningKey
from accord.evidence._merkle import MerkleBuilder, leaf_hash
from accord.results import summarize_records
from accord.suites import load_suite
from accord.targets import GenerationParams, TargetOptions, create_target
from accord.testing import FakeServer
from helpers import write_jsonl_suite

UNSIGNED = {"envelope.json", "signers.json", "manifest.json"}
FRAMEWORKS = ["bottom-lines", "tc260-003"]


def make_run(
    tmp: Path,
    server: FakeServer,
    n: int = 24,
    *,
    name: str = "run",
    category: str = "SR-01",
    prefix: str = "q",
    temperature: float = 0.0,
    retry_errors: bool = False,
) -> Path:
    """A finished run of an ``n``-item suite against the fake server; returns the run dir."""
    suite = tmp / f"{name}-suite.jsonl"
    if not suite.exists():
        write_jsonl_suite(suite, n, prefix=prefix, category=category)
    target = create_target(
        "openai:fake",
        TargetOptions(base_url=server.base_url, params=GenerationParams(temperature=temperature, max_tokens=64)),
    )
    out = tmp / name
    config = RunConfig(out=out, progress="none", use_cache=False, retry_errors=retry_errors, retry=RetryPolicy(max_attempts=1))
    asyncio.run(run_async(load_suite(suite), target, config))
    return out


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def write_members(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.external_attr = (stat.S_IFREG | 0o644) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return path


def record_lines(members: dict[str, bytes]) -> list[bytes]:
    return members["records.jsonl"].split(b"\n")[:-1]


def set_records(members: dict[str, bytes], lines: list[bytes]) -> None:
    members["records.jsonl"] = b"".join(line + b"\n" for line in lines)


def statement(members: dict[str, bytes]) -> dict[str, Any]:
    out: dict[str, Any] = orjson.loads(parse_envelope(members["envelope.json"]).payload)
    return out


def forge(
    members: dict[str, bytes],
    key: SigningKey,
    *,
    predicate: Callable[[dict[str, Any]], None] | None = None,
    rederive: bool = True,
) -> dict[str, bytes]:
    """What a dishonest signer can do: re-derive the index, Merkle root and summary from the
    (edited) records, rebuild the manifest, optionally edit the predicate, and sign it all."""
    out = dict(members)
    st = statement(out)
    pred = st["predicate"]
    if rederive:
        lines = record_lines(out)
        tree = MerkleBuilder()
        index = b""
        raws = []
        for line in lines:
            raw = orjson.loads(line)
            raws.append(raw)
            leaf = leaf_hash(line)
            tree.add(leaf)
            index += (
                bytes.fromhex(raw["item_hash"])
                + leaf
                + hashlib.sha256(encode(raw["response"])).digest()
                + hashlib.sha256(encode(raw["grades"])).digest()
            )
        out["records.index"] = index
        pred["records"]["count"] = tree.count
        pred["records"]["merkle_root"] = tree.root().hex()
        pred["summary"] = summarize_records(raws).model_dump(mode="json")
    names = sorted(n for n in out if n not in UNSIGNED)
    manifest = {"format": 1, "members": [{"name": n, "sha256": hashlib.sha256(out[n]).hexdigest(), "size": len(out[n])} for n in names]}
    pred["manifest"] = manifest
    if predicate is not None:
        predicate(pred)
    out["manifest.json"] = encode(manifest)
    st["subject"] = [
        {"name": "manifest.json", "digest": {"sha256": hashlib.sha256(out["manifest.json"]).hexdigest()}},
        {"name": "records.jsonl", "digest": {"rfc6962-sha256": pred["records"]["merkle_root"]}},
    ]
    out["envelope.json"] = envelope_bytes(new_envelope(encode(st), key))
    out["signers.json"] = encode({"signers": [{"algorithm": "ed25519", "keyid": key.public.keyid, "name": key.public.name, "public_key": key.public.raw.hex()}]})
    return out


def failed(report: Any) -> dict[str, Any]:
    """Failed checks by id."""
    return {c.id: c for c in report.checks if not c.ok}


def text_of(check: Any) -> str:
    return " | ".join([check.message, *check.details])
