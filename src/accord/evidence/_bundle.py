"""Make a signed evidence bundle from a run directory, and co-sign one.

``write_bundle`` reads the run directory once more and writes, as members of one ZIP file
(or a directory):

- ``records.jsonl``: the latest record per item, sorted by item hash, one RFC 8785 line each
  (for a sealed suite, each record's ``request.messages`` is emptied: its ``request.hash``
  binds it to the item once the suite is revealed);
- ``records.index``: per record, its item hash, Merkle leaf hash, and the digests of its
  response and grades (so ``verify`` can say exactly what changed);
- ``run.json``: the run's manifest (target identity, suite, graders, versions);
- ``suites/<name>.jsonl`` (the items, sorted by item hash) and ``suites/<name>.order`` (item
  hashes in suite order: its SHA-256 is the run's suite digest), or, for a sealed suite,
  ``suites/<name>.commitment.json``;
- ``frameworks/<id>.json``: each framework the verdicts were read against;
- ``manifest.json``: every member above with its size and SHA-256;
- ``envelope.json``: a DSSE envelope (Ed25519) around an in-toto Statement whose subjects are
  the manifest and the records' Merkle root, and whose predicate holds the manifest, the
  identities, the summary metrics and the verdicts;
- ``signers.json``: the public keys behind the envelope's signatures.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import inspect
import platform
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import ValidationError

from accord import __version__
from accord._canonical import digest as canonical_digest
from accord._canonical import encode
from accord.engine import MANIFEST_FILE, RECORDS_FILE, Record, RunManifest
from accord.errors import AccordError, UsageError
from accord.evidence._container import BundleError, BundleReader, BundleWriter, Compression
from accord.evidence._dsse import add_signature, envelope_bytes, new_envelope, parse_envelope
from accord.evidence._keys import KeyStore, SigningKey
from accord.evidence._merkle import MerkleBuilder, leaf_hash
from accord.evidence._model import (
    ENVELOPE,
    INDEX,
    MANIFEST,
    MERKLE_ALGORITHM,
    RECORDS,
    RUN,
    SIGNERS,
    BundlePredicate,
    FrameworkEntry,
    GraderIdentity,
    Manifest,
    MemberEntry,
    RecordsInfo,
    RunInfo,
    SignerEntry,
    Signers,
    Software,
    Statement,
    Subject,
    SuiteEntry,
    TargetInfo,
)
from accord.evidence._seal import SuiteItems, check_sealed_suite, suite_items_sorted
from accord.i18n import t
from accord.results import summarize_records

__all__ = [
    "DEFAULT_KEY",
    "BundleResult",
    "builtin_framework",
    "CosignResult",
    "cosign_bundle",
    "evaluate_frameworks",
    "grader_identity",
    "load_frameworks",
    "software",
    "unpack_bundle",
    "write_bundle",
]

DEFAULT_KEY = "default"
PACKAGES = ("pydantic", "orjson", "rfc8785", "cryptography", "securesystemslib", "click", "aiohttp", "xllamacpp")


@dataclass
class BundleResult:
    """What ``write_bundle`` made, and what to tell the user about it."""

    path: Path
    records: int
    merkle_root: str
    key_name: str
    keyid: str
    fingerprint: str
    key_created: bool
    key_path: Path
    messages: list[str] = field(default_factory=list)


# -- reading the run ------------------------------------------------------------------------


def _load_run(run_dir: Path) -> RunManifest:
    path = run_dir / MANIFEST_FILE
    if not path.is_file():
        raise UsageError(t("evidence.bundle.not_run_dir", path=run_dir))
    try:
        return RunManifest.model_validate_json(path.read_bytes())
    except ValidationError:
        raise UsageError(t("evidence.bundle.bad_run_json", path=path)) from None


def _latest_offsets(journal: Path) -> dict[str, tuple[int, int]]:
    """item hash -> (offset, length) of its latest complete line (the journal's reading rules)."""
    out: dict[str, tuple[int, int]] = {}
    if not journal.is_file():
        return out
    with journal.open("rb") as f:
        pos = 0
        for lineno, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                break  # torn tail
            try:
                h = orjson.loads(line)["item_hash"]
            except (orjson.JSONDecodeError, KeyError, TypeError):
                raise UsageError(t("evidence.bundle.bad_record", path=journal, line=lineno)) from None
            out[str(h)] = (pos, len(line))
            pos += len(line)
    return out


def _iter_latest(journal: Path, order: list[str], offsets: dict[str, tuple[int, int]]) -> Iterator[dict[str, Any]]:
    with journal.open("rb") as f:
        for h in order:
            off, n = offsets[h]
            f.seek(off)
            yield orjson.loads(f.read(n))


def _find_suite(manifest: RunManifest, spec: str | Path | None) -> str | Path:
    if spec is not None:
        return spec
    from accord.suites import builtin_suite_names
    from accord.suites._loader import DATA_DIR

    sources = [Path(s) for s in manifest.suite.source.split(", ") if s]
    if sources and all(p.parent == DATA_DIR / manifest.suite.name for p in sources) and manifest.suite.name in builtin_suite_names():
        return manifest.suite.name
    if len(sources) == 1 and sources[0].exists():
        return sources[0]
    if len(sources) > 1 and len({p.parent for p in sources}) == 1 and sources[0].parent.is_dir():
        return sources[0].parent
    if manifest.suite.name in builtin_suite_names():
        return manifest.suite.name
    raise UsageError(t("evidence.bundle.suite_missing", suite=manifest.suite.name, source=manifest.suite.source))


# -- identities ------------------------------------------------------------------------------


def _judge_parts(g: Any) -> tuple[str | None, dict[str, Any] | None]:
    """(prompt digest, judge target identity) of an LLM judge, or of the judge behind a
    composed grader; duck-typed: ``prompt_sha256`` / ``judge_identity`` attributes win."""
    prompt = getattr(g, "prompt_sha256", None)
    prompt = prompt() if callable(prompt) else prompt
    judge = getattr(g, "judge_identity", None)
    judge = judge() if callable(judge) else judge
    j = g if hasattr(g, "rubric_for") else getattr(g, "judge", None)
    if j is not None and hasattr(j, "rubric_for"):
        rubrics = getattr(importlib.import_module(type(j).__module__), "RUBRICS", None)
        if prompt is None and isinstance(rubrics, Mapping):
            name = getattr(j, "rubric", None)
            if name in rubrics:
                prompt = rubrics[name].digest
            else:  # the rubric is picked per item: pin all of them
                prompt = canonical_digest({k: r.digest for k, r in sorted(rubrics.items())})
        if judge is None:
            judge = getattr(j, "identity", None)
    if judge is not None and hasattr(judge, "model_dump"):
        judge = {**judge.model_dump(mode="json"), "digest": judge.digest()} if hasattr(judge, "digest") else judge.model_dump(mode="json")
    return (str(prompt) if prompt else None), (dict(judge) if isinstance(judge, Mapping) else None)


def grader_identity(grader_id: str) -> GraderIdentity:
    """The identity of a grader as recorded (``name@version``): its code digest, and for a
    judge the rubric (prompt) digest and the judge model's identity."""
    from accord.graders import create_grader

    name, _, version = grader_id.partition("@")
    try:
        g: Any = create_grader(name)
    except AccordError:
        # e.g. a judge whose model is not configured here: what it was is on its grades
        return GraderIdentity(id=grader_id, name=name, version=version, kind="judge")
    kind: Literal["rule", "judge"] = "judge" if hasattr(g, "agrade") else "rule"
    code = None
    if str(g.version) == version:
        try:
            src = inspect.getsourcefile(type(g))
            if src:
                code = hashlib.sha256(Path(src).read_bytes()).hexdigest()
        except (OSError, TypeError):
            code = None
    prompt, judge = _judge_parts(g)
    return GraderIdentity(id=grader_id, name=name, version=version, kind=kind, code_sha256=code, prompt_sha256=prompt, judge=judge)


def software() -> Software:
    packages: dict[str, str] = {}
    for p in PACKAGES:
        try:
            packages[p] = importlib.metadata.version(p)
        except importlib.metadata.PackageNotFoundError:
            continue
    return Software(accord=__version__, python=sys.version.split()[0], platform=platform.platform(), packages=packages)


# -- frameworks ------------------------------------------------------------------------------


def _framework_api() -> Any:
    try:
        import accord.frameworks as fw
    except ImportError:
        return None
    if not all(hasattr(fw, n) for n in ("load_framework", "evaluate", "builtin_framework_names")):
        return None
    return fw


def load_frameworks(specs: Sequence[str] | None) -> list[Any]:
    """Frameworks named by ``specs`` (None: every built-in one, when frameworks are available)."""
    fw = _framework_api()
    if fw is None:
        if specs:
            raise UsageError(t("evidence.bundle.no_frameworks"))
        return []
    names = list(fw.builtin_framework_names()) if specs is None else list(specs)
    return [fw.load_framework(s) for s in names]


@functools.cache
def builtin_framework(framework_id: str) -> Any:
    """The built-in framework ``framework_id`` of this Accord, or None (loaded once: built-in
    framework files are part of the installed package)."""
    fw = _framework_api()
    if fw is None or framework_id not in fw.builtin_framework_names():
        return None
    return fw.load_framework(framework_id)


def evaluate_frameworks(records: Iterator[Mapping[str, Any]], frameworks: Sequence[Any]) -> dict[str, Any] | None:
    """The frameworks' assessment of ``records`` as JSON, or None when there are no frameworks."""
    if not frameworks:
        return None
    fw = _framework_api()
    assert fw is not None
    assessment = fw.evaluate(records, frameworks)
    out: dict[str, Any] = orjson.loads(assessment.model_dump_json())
    return out


def framework_from_json(data: dict[str, Any]) -> Any:
    fw = _framework_api()
    if fw is None:
        raise UsageError(t("evidence.bundle.no_frameworks"))
    from accord.frameworks import Framework

    return Framework.model_validate(data)


# -- signing keys ----------------------------------------------------------------------------


def _signing_key(store: KeyStore, key: str | None) -> tuple[SigningKey, bool]:
    name = key or DEFAULT_KEY
    if key is None and not store.exists(name):
        store.generate(name)
        return store.signing_key(name), True
    return store.signing_key(name), False


# -- writing ---------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_bundle(
    run_dir: Path,
    *,
    key: str | None = None,
    frameworks: Sequence[str] | None = None,
    out: Path | None = None,
    suite: str | Path | None = None,
    sealed: Path | None = None,
    salts: Path | None = None,
    keys_dir: Path | None = None,
    compression: Compression = "auto",
    unpacked: bool = False,
) -> BundleResult:
    """Bundle, sign and write the evidence of the run in ``run_dir``.

    Args:
        run_dir: a run directory (``records.jsonl`` + ``run.json``).
        key: name of the signing key in the local key store; None uses ``default``, which is
            created on first use (the result says so, and where).
        frameworks: framework names or files to read the verdicts against; None: every
            built-in framework; ``[]``: none.
        out: the bundle's path (default ``run_dir/<run dir name>.accord``).
        suite: where the run's suite is, when ``run.json``'s source has moved.
        sealed: a commitment from ``seal_suite``: the bundle carries it instead of the items
            (the salts file beside it, or ``salts``, proves the suite matches it).
        compression: ``auto``: the records and the suite's items stored (``verify`` reads
            chunks of them in parallel, straight from the file), the other members deflated;
            ``deflate``: every member deflated but the index and order (a smaller file that
            verifies slower: the records are inflated in one stream); ``stored``: nothing
            deflated.
        unpacked: write a directory of members instead of a ZIP file.

    Raises:
        UsageError: not a run directory, suite not found or not the run's, unknown key.
    """
    run_dir = Path(run_dir)
    manifest = _load_run(run_dir)
    store = KeyStore(keys_dir)
    signing, created = _signing_key(store, key)
    fws = load_frameworks(frameworks)
    out = out or run_dir / f"{run_dir.resolve().name}.accord"
    journal = run_dir / RECORDS_FILE
    offsets = _latest_offsets(journal)
    if not offsets:
        raise UsageError(t("evidence.bundle.no_records", path=journal))
    order = sorted(offsets)
    suite_spec = _find_suite(manifest, suite)
    if sealed is not None:
        commitment, suite_items = check_sealed_suite(sealed, suite_spec, salts_path=salts)
    else:
        commitment = None
        suite_items = suite_items_sorted(suite_spec)
    if hashlib.sha256(b"".join(bytes.fromhex(h) for h in suite_items.order)).hexdigest() != manifest.suite.digest:
        raise UsageError(t("evidence.bundle.suite_differs", suite=suite_spec, name=manifest.suite.name))
    writer = BundleWriter(out, unpacked=unpacked, compression=compression)
    try:
        predicate_parts = _write_members(writer, manifest, journal, order, offsets, suite_items, commitment, fws, bulk_deflate=compression == "deflate")
        tree, summary, assessment, suite_entry, fw_entries, grader_ids = predicate_parts
        entries = sorted(writer.entries.values(), key=lambda e: e.name)
        man = Manifest(members=[MemberEntry(name=e.name, size=e.size, sha256=e.sha256) for e in entries])
        man_bytes = encode(man.model_dump(mode="json"))
        writer.add(MANIFEST, man_bytes)
        predicate = BundlePredicate(
            created=_now(),
            manifest=man,
            records=RecordsInfo(count=tree.count, merkle_root=tree.root().hex()),
            run=RunInfo(status=manifest.status, started=manifest.started, finished=manifest.finished, accord_version=manifest.accord_version),
            target=TargetInfo(identity=manifest.target, digest=manifest.target_digest),
            suites=[suite_entry],
            frameworks=fw_entries,
            graders=[grader_identity(g) for g in grader_ids],
            software=software(),
            summary=summary,
            assessment=assessment,
        )
        statement = Statement(
            subject=[
                Subject(name=MANIFEST, digest={"sha256": hashlib.sha256(man_bytes).hexdigest()}),
                Subject(name=RECORDS, digest={MERKLE_ALGORITHM: predicate.records.merkle_root}),
            ],
            predicate=predicate,
        )
        payload = encode(statement.model_dump(mode="json", by_alias=True))
        env = new_envelope(payload, signing)
        writer.add(ENVELOPE, envelope_bytes(env))
        signers = Signers(signers=[SignerEntry(keyid=signing.public.keyid, name=signing.public.name, public_key=signing.public.raw.hex())])
        writer.add(SIGNERS, encode(signers.model_dump(mode="json")))
        path = writer.finish()
    except BaseException:
        writer.abort()
        raise
    result = BundleResult(
        path=path,
        records=tree.count,
        merkle_root=predicate.records.merkle_root,
        key_name=signing.public.name,
        keyid=signing.public.keyid,
        fingerprint=signing.public.fingerprint,
        key_created=created,
        key_path=signing.path,
    )
    if created:
        result.messages.append(t("evidence.bundle.key_created", name=signing.public.name, path=signing.path, fingerprint=signing.public.fingerprint))
    result.messages.append(t("evidence.bundle.written", path=path, records=tree.count, name=signing.public.name, fingerprint=signing.public.fingerprint))
    return result


def _write_members(
    writer: BundleWriter,
    manifest: RunManifest,
    journal: Path,
    order: list[str],
    offsets: dict[str, tuple[int, int]],
    suite: SuiteItems,
    commitment: Any,
    fws: list[Any],
    *,
    bulk_deflate: bool,
) -> tuple[MerkleBuilder, Any, dict[str, Any] | None, SuiteEntry, list[FrameworkEntry], list[str]]:
    items = suite.items
    item_hashes = {h for h, _, _ in items}
    redact = commitment is not None
    for h, item, _data in items:
        if item.content_hash() != h:
            raise BundleError(t("evidence.bundle.hash_disagrees", id=item.id))
    # -- records and their index, in item-hash order --------------------------------------
    tree = MerkleBuilder()
    grader_ids: set[str] = set(manifest.graders)
    # zipfile writes one member at a time: the index waits in a temporary file
    with tempfile.TemporaryFile() as idx_out:
        with writer.open(RECORDS, compress=bulk_deflate) as rec_out:

            def records() -> Iterator[dict[str, Any]]:
                for raw in _iter_latest(journal, order, offsets):
                    try:
                        Record.model_validate(raw)
                    except ValidationError as e:
                        raise UsageError(t("evidence.bundle.invalid_record", path=journal, id=raw.get("item_id", "?"), reason=str(e.errors()[0]["msg"]))) from None
                    if raw["target"] != manifest.target_digest:
                        raise UsageError(t("evidence.bundle.foreign_target", path=journal, id=raw["item_id"]))
                    if raw["item_hash"] not in item_hashes:
                        raise UsageError(t("evidence.bundle.foreign_item", path=journal, id=raw["item_id"], suite=manifest.suite.name))
                    if redact:
                        # a sealed suite's prompts stay private: the request keeps its digest
                        raw["request"]["messages"] = []
                    line = encode(raw)
                    leaf = leaf_hash(line)
                    tree.add(leaf)
                    rec_out.write(line + b"\n")
                    idx_out.write(
                        bytes.fromhex(raw["item_hash"])
                        + leaf
                        + hashlib.sha256(encode(raw["response"])).digest()
                        + hashlib.sha256(encode(raw["grades"])).digest()
                    )
                    grader_ids.update(g["grader"] for g in raw["grades"])
                    yield raw

            summary = summarize_records(records())
        with writer.open(INDEX, compress=False) as idx_sink:
            idx_out.seek(0)
            while chunk := idx_out.read(1 << 20):
                idx_sink.write(chunk)
    assessment = evaluate_frameworks(_iter_latest(journal, order, offsets), fws)
    writer.add(RUN, encode(manifest.model_dump(mode="json")))
    # -- the suite -------------------------------------------------------------------------
    name = manifest.suite.name
    if commitment is not None:
        member = f"suites/{name}.commitment.json"
        writer.add(member, encode(commitment.model_dump(mode="json")))
        suite_entry = SuiteEntry(
            name=name,
            version=manifest.suite.version,
            items=manifest.suite.items,
            digest=manifest.suite.digest,
            sealed=True,
            member=member,
            commitment_root=commitment.merkle_root,
        )
    else:
        member = f"suites/{name}.jsonl"
        with writer.open(member, compress=bulk_deflate) as s_out:
            for _h, _item, data in items:
                s_out.write(data + b"\n")
        order_member = f"suites/{name}.order"
        with writer.open(order_member, compress=False) as o_out:
            for h in suite.order:
                o_out.write(bytes.fromhex(h))
        suite_entry = SuiteEntry(
            name=name,
            version=manifest.suite.version,
            items=len(suite.items),
            digest=manifest.suite.digest,
            member=member,
            order_member=order_member,
        )
    # -- frameworks ------------------------------------------------------------------------
    fw_entries: list[FrameworkEntry] = []
    for fw in fws:
        data = encode(fw.model_dump(mode="json"))
        member = f"frameworks/{fw.id}.json"
        writer.add(member, data)
        fw_entries.append(FrameworkEntry(id=fw.id, version=str(fw.version), member=member, sha256=hashlib.sha256(data).hexdigest()))
    return tree, summary, assessment, suite_entry, fw_entries, sorted(grader_ids)


# -- co-signing ------------------------------------------------------------------------------


@dataclass
class CosignResult:
    path: Path
    key_name: str
    keyid: str
    fingerprint: str
    signatures: int
    key_created: bool
    messages: list[str] = field(default_factory=list)


def cosign_bundle(bundle: Path, *, key: str | None = None, keys_dir: Path | None = None) -> CosignResult:
    """Add a signature over the same statement to ``bundle``, after checking the bundle.

    The co-signer signs what the first signer signed: the statement is not changed, so the
    manifest, the records and every earlier signature stay valid. A bundle whose integrity
    checks fail is refused (a co-signature vouches for the content).
    """
    from accord.evidence._verify import verify_bundle

    bundle = Path(bundle)
    report = verify_bundle(bundle, trusted=[], keys_dir=keys_dir)
    broken = [c for c in report.checks if not c.ok and c.id != "trust"]
    if broken:
        raise UsageError(t("evidence.cosign.refused", path=bundle, reason=broken[0].message))
    store = KeyStore(keys_dir)
    signing, created = _signing_key(store, key)
    with BundleReader.open(bundle) as reader:
        env = parse_envelope(reader.read(ENVELOPE))
        signers = Signers.model_validate(orjson.loads(reader.read(SIGNERS)))
        if any(k == signing.public.keyid for k, _ in env.signatures):
            raise UsageError(t("evidence.cosign.already", path=bundle, name=signing.public.name))
        env = add_signature(env, signing)
        entries = [s for s in signers.signers if s.keyid != signing.public.keyid]
        entries.append(SignerEntry(keyid=signing.public.keyid, name=signing.public.name, public_key=signing.public.raw.hex()))
        new_signers = encode(Signers(signers=entries).model_dump(mode="json"))
        if reader.kind == "dir":
            for name, data in ((ENVELOPE, envelope_bytes(env)), (SIGNERS, new_signers)):
                tmp = bundle / f".{name}.tmp"
                tmp.write_bytes(data)
                tmp.replace(bundle / name)
        else:
            writer = BundleWriter(bundle)
            try:
                for name, info in sorted(reader.members.items(), key=lambda kv: kv[1].header_offset):
                    if name in (ENVELOPE, SIGNERS):
                        continue
                    with writer.open(name, compress=info.method == 8) as sink:
                        for chunk in reader.stream(name):
                            sink.write(chunk)
                writer.add(ENVELOPE, envelope_bytes(env))
                writer.add(SIGNERS, new_signers)
                writer.finish()
            except BaseException:
                writer.abort()
                raise
    result = CosignResult(
        path=bundle,
        key_name=signing.public.name,
        keyid=signing.public.keyid,
        fingerprint=signing.public.fingerprint,
        signatures=len(env.signatures),
        key_created=created,
    )
    if created:
        result.messages.append(t("evidence.bundle.key_created", name=signing.public.name, path=signing.path, fingerprint=signing.public.fingerprint))
    result.messages.append(t("evidence.cosign.done", path=bundle, name=signing.public.name, fingerprint=signing.public.fingerprint, n=len(env.signatures)))
    return result


def unpack_bundle(bundle: Path, out_dir: Path) -> int:
    """Extract a ``.accord`` file into a directory (the unpacked form); returns the member count.

    Extraction goes through the same reader as ``verify``: unsafe names, links, bombs and
    oversized members are refused before anything is written outside ``out_dir``.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise UsageError(t("evidence.unpack.not_empty", path=out_dir))
    with BundleReader.open(Path(bundle)) as reader:
        if reader.kind != "zip":
            raise UsageError(t("evidence.unpack.not_zip", path=bundle))
        writer = BundleWriter(out_dir, unpacked=True)
        try:
            for name in sorted(reader.members):
                with writer.open(name) as sink:
                    for chunk in reader.stream(name):
                        sink.write(chunk)
            writer.finish()
        except BaseException:
            writer.abort()
            raise
        return len(reader.members)
