"""Sealed suites: commit to a private suite now, reveal its items later.

``seal_suite`` publishes a commitment: the number of items per (category, language) and an
RFC 6962 Merkle root over salted item hashes ``SHA-256(salt || item_hash)`` (32 random bytes
of salt per item, items sorted by item hash). The salts stay private (a 0600 file beside the
commitment), so nobody can confirm a guessed item from the commitment. A bundle made with a
sealed suite carries the commitment instead of the items. ``reveal_suite`` later publishes
the items with their salts; anyone can check them against the commitment (``check_reveal``)
and, with ``accord verify --reveal``, check the bundle's records against the items.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson
from pydantic import ValidationError

from accord._canonical import CanonicalError, encode, parse_canonical
from accord.errors import UsageError
from accord.evidence._merkle import MerkleBuilder, leaf_hash
from accord.evidence._model import CommitmentCount, RevealHeader, SuiteCommitment
from accord.i18n import t
from accord.suites import Item, load_suite

__all__ = [
    "RevealedItem",
    "SealResult",
    "SuiteItems",
    "check_reveal",
    "check_sealed_suite",
    "iter_reveal",
    "load_commitment",
    "read_salts",
    "reveal_suite",
    "salted_leaf",
    "seal_suite",
    "suite_items_sorted",
]

SALTS_FORMAT = "accord-suite-salts/v1"


def salted_leaf(salt: bytes, item_hash: bytes) -> bytes:
    """The commitment tree's leaf hash for one item."""
    return leaf_hash(hashlib.sha256(salt + item_hash).digest())


@dataclass(frozen=True)
class SealResult:
    commitment: SuiteCommitment
    path: Path
    salts_path: Path


def salts_path_for(commitment_path: Path) -> Path:
    name = commitment_path.name
    stem = name[: -len(".json")] if name.endswith(".json") else name
    return commitment_path.with_name(f"{stem}.salts.json")


@dataclass(frozen=True)
class SuiteItems:
    name: str
    version: str
    items: list[tuple[str, Item, bytes]]
    """(item hash, item, canonical bytes), sorted by item hash."""
    order: list[str]
    """Item hashes in the order the suite lists them."""


def suite_items_sorted(suite_spec: str | Path) -> SuiteItems:
    """A suite's items with their hashes and canonical bytes, sorted by item hash."""
    suite = load_suite(suite_spec)
    out: list[tuple[str, Item, bytes]] = []
    for item in suite:
        data = encode(item.model_dump(mode="json"))
        out.append((hashlib.sha256(data).hexdigest(), item, data))
    order = [h for h, _, _ in out]
    out.sort(key=lambda x: x[0])
    for a, b in zip(out, out[1:], strict=False):
        if a[0] == b[0]:
            raise UsageError(t("evidence.seal.duplicate_item", id=b[1].id, suite=suite.where()))
    return SuiteItems(suite.name, suite.version, out, order)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _commitment(name: str, version: str, items: list[tuple[str, Item, bytes]], salts: dict[str, bytes]) -> SuiteCommitment:
    tree = MerkleBuilder()
    counts: Counter[tuple[str, str]] = Counter()
    graders: set[str] = set()
    for h, item, _ in items:
        tree.add(salted_leaf(salts[h], bytes.fromhex(h)))
        counts[(item.category or "", item.lang)] += 1
        graders.update(item.graders)
    return SuiteCommitment(
        suite=name,
        version=version,
        items=len(items),
        counts=[CommitmentCount(category=c or None, lang=lg, items=n) for (c, lg), n in sorted(counts.items())],
        graders=sorted(graders),
        merkle_root=tree.root().hex(),
        created=_now(),
    )


def seal_suite(suite_spec: str | Path, out: Path) -> SealResult:
    """Write the commitment to ``out`` and the salts, privately, beside it."""
    loaded = suite_items_sorted(suite_spec)
    name, version, items = loaded.name, loaded.version, loaded.items
    if not items:
        raise UsageError(t("evidence.seal.empty", suite=suite_spec))
    salts_path = salts_path_for(out)
    for p in (out, salts_path):
        if p.exists():
            raise UsageError(t("evidence.seal.exists", path=p))
    salts = {h: os.urandom(32) for h, _, _ in items}
    commitment = _commitment(name, version, items, salts)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(salts_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(encode({"format": SALTS_FORMAT, "merkle_root": commitment.merkle_root, "salts": {h: s.hex() for h, s in salts.items()}}))
    out.write_bytes(encode(commitment.model_dump(mode="json")))
    return SealResult(commitment, out, salts_path)


def load_commitment(path: Path) -> SuiteCommitment:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UsageError(t("evidence.seal.unreadable", path=path, reason=e.strerror or str(e))) from None
    # one final newline (an editor's) is not part of the canonical JSON
    return parse_commitment(data[:-1] if data.endswith(b"}\n") else data, str(path))


def parse_commitment(data: bytes, where: str) -> SuiteCommitment:
    try:
        return SuiteCommitment.model_validate(parse_canonical(data))
    except (CanonicalError, ValidationError) as e:
        reason = str(e).splitlines()[0] if isinstance(e, CanonicalError) else _first_error(e)
        raise UsageError(t("evidence.seal.bad_commitment", path=where, reason=reason)) from None


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(top)"
    return f"{loc}: {err['msg']}"


def read_salts(path: Path, commitment: SuiteCommitment) -> dict[str, bytes]:
    """The private salts of ``commitment``, keyed by item hash."""
    if not path.exists():
        raise UsageError(t("evidence.seal.no_salts", path=path))
    try:
        raw = orjson.loads(path.read_bytes())
        if raw.get("format") != SALTS_FORMAT or raw.get("merkle_root") != commitment.merkle_root:
            raise UsageError(t("evidence.seal.salts_mismatch", path=path))
        return {str(h): bytes.fromhex(s) for h, s in raw["salts"].items()}
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError) as e:
        raise UsageError(t("evidence.seal.unreadable", path=path, reason=str(e).splitlines()[0] if str(e) else type(e).__name__)) from None


def check_suite_against(commitment: SuiteCommitment, suite_spec: str | Path, salts: dict[str, bytes]) -> SuiteItems:
    """The suite's items, after checking they are what ``commitment`` commits to."""
    loaded = suite_items_sorted(suite_spec)
    items = loaded.items
    missing = [it.id for h, it, _ in items if h not in salts]
    if missing:
        raise UsageError(t("evidence.seal.not_committed", id=missing[0], n=len(missing)))
    again = _commitment(commitment.suite, commitment.version, items, salts)
    if again.merkle_root != commitment.merkle_root or again.counts != commitment.counts:
        raise UsageError(t("evidence.seal.suite_mismatch", suite=suite_spec))
    return loaded


def check_sealed_suite(commitment_path: Path, suite_spec: str | Path, *, salts_path: Path | None = None) -> tuple[SuiteCommitment, SuiteItems]:
    """The commitment at ``commitment_path`` and the suite's items, after checking with the
    private salts (beside the commitment, or ``salts_path``) that the suite opens it.

    Raises:
        UsageError: an unreadable commitment or salts file, or a suite it does not commit to.
    """
    commitment = load_commitment(commitment_path)
    salts = read_salts(salts_path or salts_path_for(commitment_path), commitment)
    return commitment, check_suite_against(commitment, suite_spec, salts)


def reveal_suite(commitment_path: Path, suite_spec: str | Path, out: Path, *, salts_path: Path | None = None) -> Path:
    """Publish the items of a sealed suite with their salts (a JSON Lines file)."""
    commitment = load_commitment(commitment_path)
    salts = read_salts(salts_path or salts_path_for(commitment_path), commitment)
    items = check_suite_against(commitment, suite_spec, salts).items
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("wb") as f:
        f.write(encode(RevealHeader(commitment=commitment).model_dump(mode="json")) + b"\n")
        for h, _item, data in items:
            # the item's canonical bytes are spliced in, so its hash is visible in the file
            f.write(b'{"item":' + data + b',"salt":"' + salts[h].hex().encode() + b'"}\n')
    tmp.replace(out)
    return out


@dataclass(frozen=True)
class RevealedItem:
    item_hash: str
    item: dict[str, object]
    salt: bytes


def iter_reveal(lines: Iterator[bytes], where: str) -> tuple[SuiteCommitment, Iterator[RevealedItem]]:
    """Parse a reveal: its commitment, then its items (checked canonical, sorted, salted).

    The item iterator raises UsageError on the first malformed line; the caller checks the
    root with :func:`check_reveal` or as it goes.
    """
    try:
        first = next(lines)
    except StopIteration:
        raise UsageError(t("evidence.seal.bad_reveal", path=where, line=1, reason="empty file")) from None
    try:
        header = RevealHeader.model_validate(parse_canonical(first.rstrip(b"\n")))
    except (CanonicalError, ValidationError) as e:
        reason = str(e).splitlines()[0] if isinstance(e, CanonicalError) else _first_error(e)
        raise UsageError(t("evidence.seal.bad_reveal", path=where, line=1, reason=reason)) from None

    def items() -> Iterator[RevealedItem]:
        prev = ""
        for n, line in enumerate(lines, 2):
            try:
                raw = parse_canonical(line.rstrip(b"\n"))
                if not isinstance(raw, dict) or set(raw) != {"item", "salt"} or not isinstance(raw["item"], dict):
                    raise ValueError("each line is {item, salt}")
                salt = bytes.fromhex(str(raw["salt"]))
                if len(salt) != 32:
                    raise ValueError("salt must be 32 bytes")
            except (CanonicalError, ValueError) as e:
                raise UsageError(t("evidence.seal.bad_reveal", path=where, line=n, reason=str(e).splitlines()[0])) from None
            h = hashlib.sha256(encode(raw["item"])).hexdigest()
            if h <= prev:
                raise UsageError(t("evidence.seal.bad_reveal", path=where, line=n, reason="items must be sorted by item hash, once each"))
            prev = h
            yield RevealedItem(h, raw["item"], salt)

    return header.commitment, items()


def check_reveal(path: Path, commitment: SuiteCommitment | None = None) -> SuiteCommitment:
    """Check a reveal file: its items are valid, and root and counts are the commitment's."""
    with path.open("rb") as f:
        committed, items = iter_reveal(iter(f), str(path))
        if commitment is not None and encode(committed.model_dump(mode="json")) != encode(commitment.model_dump(mode="json")):
            raise UsageError(t("evidence.seal.other_commitment", path=path))
        tree = MerkleBuilder()
        counts: Counter[tuple[str, str]] = Counter()
        for r in items:
            try:
                item = Item.model_validate(r.item)
            except ValidationError as e:
                raise UsageError(t("evidence.seal.bad_reveal", path=path, line=tree.count + 2, reason=_first_error(e))) from None
            tree.add(salted_leaf(r.salt, bytes.fromhex(r.item_hash)))
            counts[(item.category or "", item.lang)] += 1
    got = [CommitmentCount(category=c or None, lang=lg, items=n) for (c, lg), n in sorted(counts.items())]
    if tree.root().hex() != committed.merkle_root or got != committed.counts or tree.count != committed.items:
        raise UsageError(t("evidence.seal.reveal_mismatch", path=path))
    return committed
