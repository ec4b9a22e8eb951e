"""``verify``: check a bundle offline, and re-derive everything downstream of its records.

The checks run in the order ``docs/bundle-format.md`` gives; each one is reported, whether it
holds or not, and the report is ``ok`` only when all of them hold.

Records are checked in one pass: the member digest, the Merkle root (an O(log n) stack), the
index comparison, the suite comparison, re-grading and the counts behind the summary and the
verdicts (``_aggregate.Tally``) all happen while ``records.jsonl`` streams by, so memory stays
flat in the number of records (what grows is the suite's item order, 32 bytes per item,
needed to recompute the run's order-dependent suite digest). The per-record checks live in
``_records``; for a large bundle they run in worker processes over chunks of the records
(``_parallel``), which hand back to this one-pass path whenever anything does not check out,
so that path alone decides what a failed check says.
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from accord._canonical import CanonicalError, encode, parse_canonical
from accord.errors import AccordError, UsageError
from accord.evidence._container import BundleError, BundleReader, Limits, check_member_name
from accord.evidence._dsse import ParsedEnvelope, parse_envelope, signature_valid
from accord.evidence._fast import item_shape
from accord.evidence._keys import KeyStore, PublicKey, fingerprint, public_key_from_hex
from accord.evidence._merkle import MerkleBuilder, leaf_hash, proof_from_leaves, root_from_proof
from accord.evidence._model import (
    ENVELOPE,
    INDEX_ENTRY,
    MANIFEST,
    MERKLE_ALGORITHM,
    RECORDS,
    SIGNERS,
    UNSIGNED_MEMBERS,
    BundlePredicate,
    Check,
    InclusionProof,
    SignerReport,
    Signers,
    Statement,
    SuiteCommitment,
    VerifyReport,
)
from accord.evidence._records import (
    MAX_DETAILS,
    ItemChecker,
    RecordChecker,
    RecordContext,
    RecordsFound,
)
from accord.evidence._records import Issues as _Issues
from accord.evidence._records import first_error as _first_error
from accord.evidence._seal import iter_reveal, parse_commitment, salted_leaf
from accord.i18n import t

if TYPE_CHECKING:
    from accord.evidence._chunk import Source

__all__ = ["verify_bundle", "verify_proof"]


@dataclass
class _Suite:
    """The suite side of the records phase."""

    items: Iterator[tuple[str, Any, bool]] | None = None
    """The items sorted by hash, for the serial path (None: records are not bound to items)."""
    finish: Callable[[], None] = lambda: None
    commitment: SuiteCommitment | None = None
    sealed_only: bool = False
    """A sealed suite without its reveal: records are counted, not bound."""
    open_member: str | None = None
    """An open suite's items member (the parallel path reads it itself)."""
    sorted_order: Callable[[], list[bytes]] | None = None
    """The suite's item hashes, sorted (computed on first call)."""
    parallel: tuple[str, int] | None = None
    """The items member's digest and size when the parallel path read it."""
    parallel_items: int = 0
    reveal: Source | None = None
    """A sealed suite's reveal: its item lines (a plain file the parallel path reads itself)."""
    parallel_reveal: tuple[bytes, Counter[tuple[str, str]], int] | None = None
    """The commitment tree's root, the counts and the number of the revealed items, when the
    parallel path read them."""


@dataclass
class _Outcome(RecordsFound):
    """What the records phase found, from either path."""

    checks: RecordChecker | None
    """The serial path's checker with its issues (None: the parallel path, all clean)."""
    clean: bool
    had_items: bool


class _Hashing:
    """Passes chunks through while hashing them."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.h = hashlib.sha256()
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for c in self.chunks:
            self.h.update(c)
            self.size += len(c)
            yield c


def _lines(chunks: Iterable[bytes], name: str, max_line: int) -> Iterator[bytes]:
    """Lines without their newline; the last line must end with one."""
    rest = b""
    for chunk in chunks:
        if rest:
            chunk = rest + chunk
        parts = chunk.split(b"\n")
        rest = parts.pop()
        if len(rest) > max_line:
            raise BundleError(t("evidence.verify.line_too_long", name=name, limit=max_line))
        yield from parts
    if rest:
        raise BundleError(t("evidence.verify.no_final_newline", name=name))


def _fixed(chunks: Iterable[bytes], size: int) -> Iterator[bytes]:
    """Fixed-size entries from a stream of chunks (a short tail is an error)."""
    rest = b""
    for chunk in chunks:
        buf = rest + chunk if rest else chunk
        n = len(buf) - len(buf) % size
        for i in range(0, n, size):
            yield buf[i : i + size]
        rest = buf[n:]
    if rest:
        raise BundleError(t("evidence.verify.partial_entry", size=size))


class _Verifier:
    def __init__(self, path: Path, trusted: Sequence[PublicKey], limits: Limits) -> None:
        self.path = path
        self.trusted = {k.keyid: k for k in trusted}
        self.limits = limits
        self.checks: list[Check] = []
        self.signers: list[SignerReport] = []
        self.reader: BundleReader | None = None
        self.statement: Statement | None = None
        self.envelope: ParsedEnvelope | None = None
        self.signers_doc: Signers | None = None
        self.digests: dict[str, str] = {}
        self.found_record: tuple[int, str, str, bytes] | None = None
        self.records_done: _Outcome | None = None

    # -- reporting ----------------------------------------------------------------------------

    def ok(self, cid: str, key: str, **params: Any) -> None:
        self.checks.append(Check(id=cid, ok=True, message=t(key, **params)))

    def fail(self, cid: str, message: str, details: list[str] | None = None) -> None:
        self.checks.append(Check(id=cid, ok=False, message=message, details=details or []))

    def report(self, **extra: Any) -> VerifyReport:
        return VerifyReport(
            bundle=str(self.path),
            ok=bool(self.checks) and all(c.ok for c in self.checks),
            checks=self.checks,
            signers=self.signers,
            **extra,
        )

    # -- the steps ----------------------------------------------------------------------------

    def open(self) -> bool:
        try:
            self.reader = BundleReader.open(self.path, self.limits)
        except BundleError as e:
            self.fail("container", str(e))
            return False
        r = self.reader
        missing = [m for m in (ENVELOPE, SIGNERS, MANIFEST) if m not in r.members]
        if missing:
            self.fail("container", t("evidence.verify.required_missing", members=", ".join(missing), path=self.path))
            return False
        self.ok("container", "evidence.ok.container", kind=r.kind, n=len(r.members))
        return True

    def read_small(self, name: str) -> bytes | None:
        assert self.reader is not None
        try:
            data = self.reader.read(name)
        except BundleError as e:
            self.fail(f"member:{name}", str(e))
            return None
        self.digests[name] = hashlib.sha256(data).hexdigest()
        return data

    def envelope_and_signatures(self) -> bool:
        data = self.read_small(ENVELOPE)
        if data is None:
            return False
        try:
            env = parse_envelope(data)
        except BundleError as e:
            self.fail("envelope", str(e))
            return False
        self.envelope = env
        self.ok("envelope", "evidence.ok.envelope", n=len(env.signatures))
        signers_data = self.read_small(SIGNERS)
        claimed: dict[str, PublicKey] = {}
        if signers_data is not None:
            try:
                doc = Signers.model_validate(parse_canonical(signers_data))
            except (CanonicalError, ValidationError) as e:
                self.fail("signers", t("evidence.verify.signers_bad", reason=str(e) if isinstance(e, CanonicalError) else _first_error(e)))
                doc = Signers(signers=[])
            else:
                bad = [s.name for s in doc.signers if hashlib.sha256(bytes.fromhex(s.public_key)).hexdigest() != s.keyid]
                if bad:
                    self.fail("signers", t("evidence.verify.signers_keyid", names=", ".join(bad)))
                else:
                    self.ok("signers", "evidence.ok.signers", n=len(doc.signers))
                    for s in doc.signers:
                        claimed[s.keyid] = public_key_from_hex(s.name, s.public_key)
            self.signers_doc = doc
        seen: set[str] = set()
        trusted_valid: list[str] = []
        untrusted_valid: list[str] = []
        for n, (keyid, sig) in enumerate(env.signatures, 1):
            cid = f"signature:{n}"
            if keyid in seen:
                self.fail(cid, t("evidence.verify.sig_duplicate", n=n, keyid=keyid[:16]))
                continue
            seen.add(keyid)
            trusted = self.trusted.get(keyid)
            key = trusted or claimed.get(keyid)
            if key is None:
                self.signers.append(SignerReport(keyid=keyid, fingerprint=fingerprint(keyid) if len(keyid) == 64 else keyid, name="?", valid=False, trusted=False))
                self.fail(cid, t("evidence.verify.sig_unknown_key", n=n, keyid=keyid[:16]))
                continue
            valid = signature_valid(env, sig, key)
            name = key.name
            self.signers.append(SignerReport(keyid=keyid, fingerprint=key.fingerprint, name=name, valid=valid, trusted=trusted is not None))
            if not valid:
                self.fail(cid, t("evidence.verify.sig_invalid", n=n, name=name, fingerprint=key.fingerprint))
            elif trusted is not None:
                trusted_valid.append(f"{name} ({key.fingerprint})")
                self.ok(cid, "evidence.ok.sig_trusted", n=n, name=name, fingerprint=key.fingerprint)
            else:
                untrusted_valid.append(f"{name} ({key.fingerprint})")
                self.ok(cid, "evidence.ok.sig_untrusted", n=n, name=name, fingerprint=key.fingerprint)
        if trusted_valid:
            self.ok("trust", "evidence.ok.trust", names="; ".join(trusted_valid))
        elif untrusted_valid:
            self.fail("trust", t("evidence.verify.untrusted", names="; ".join(untrusted_valid)))
        else:
            self.fail("trust", t("evidence.verify.no_valid_signature"))
        return True

    def parse_statement(self) -> bool:
        assert self.envelope is not None
        try:
            raw = parse_canonical(self.envelope.payload)
        except CanonicalError as e:
            self.fail("statement", t("evidence.verify.statement_not_canonical", reason=str(e)))
            return False
        try:
            self.statement = Statement.model_validate(raw)
        except ValidationError as e:
            self.fail("statement", t("evidence.verify.statement_bad", reason=_first_error(e)))
            return False
        self.ok("statement", "evidence.ok.statement", type=self.statement.predicateType)
        return True

    def manifest(self) -> bool:
        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        data = self.read_small(MANIFEST)
        if data is None:
            return False
        problems: list[str] = []
        want = encode(pred.manifest.model_dump(mode="json"))
        if data != want:
            try:
                parse_canonical(data)
                problems.append(t("evidence.verify.manifest_differs"))
            except CanonicalError as e:
                problems.append(t("evidence.verify.manifest_not_canonical", reason=str(e)))
        subjects = {s.name: s.digest for s in self.statement.subject}
        if subjects.get(MANIFEST) != {"sha256": hashlib.sha256(want).hexdigest()}:
            problems.append(t("evidence.verify.subject_manifest"))
        if subjects.get(RECORDS) != {MERKLE_ALGORITHM: pred.records.merkle_root} or len(subjects) != 2:
            problems.append(t("evidence.verify.subject_records"))
        names = [m.name for m in pred.manifest.members]
        if names != sorted(set(names)):
            problems.append(t("evidence.verify.manifest_order"))
        for m in names:
            try:
                check_member_name(m)
            except BundleError as e:
                problems.append(str(e))
            if m in UNSIGNED_MEMBERS or m == MANIFEST:
                problems.append(t("evidence.verify.manifest_reserved", name=m))
        if problems:
            self.fail("manifest", problems[0], problems[1:])
            return False
        self.ok("manifest", "evidence.ok.manifest", n=len(names))
        # members present = members signed
        present = set(self.reader.members) - UNSIGNED_MEMBERS - {MANIFEST}
        signed = set(names)
        issues = _Issues()
        for extra in sorted(present - signed):
            issues.add(t("evidence.verify.member_added", name=extra))
        for gone in sorted(signed - present):
            issues.add(t("evidence.verify.member_missing", name=gone))
        for entry in pred.manifest.members:
            if entry.name in present and self.reader.members[entry.name].size != entry.size:
                issues.add(t("evidence.verify.member_size", name=entry.name, size=self.reader.members[entry.name].size, signed=entry.size))
        if issues:
            self.fail("members", issues.items[0], issues.details()[1:])
        else:
            self.ok("members", "evidence.ok.members", n=len(signed))
        refs = [pred.records.member, pred.records.index, pred.run.member, *(s.member for s in pred.suites)]
        refs += [s.order_member for s in pred.suites if s.order_member] + [f.member for f in pred.frameworks]
        unlisted = [r for r in refs if r not in signed]
        if unlisted:
            self.fail("members", t("evidence.verify.member_unlisted", name=unlisted[0]))
        return True

    def member_digest(self, name: str, got: str | None, size: int | None = None) -> bool:
        """Record the outcome of a member's digest check."""
        assert self.statement is not None
        signed = {m.name: m for m in self.statement.predicate.manifest.members}.get(name)
        if signed is None:
            return False
        if got is None:
            return False
        if got != signed.sha256 or (size is not None and size != signed.size):
            self.fail(f"member:{name}", t("evidence.verify.member_changed", name=name))
            return False
        self.ok(f"member:{name}", "evidence.ok.member", name=name, size=signed.size)
        return True

    def small_member(self, name: str) -> bytes | None:
        if self.reader is None or name not in self.reader.members:
            return None
        data = self.read_small(name)
        if data is None:
            return None
        return data if self.member_digest(name, self.digests[name]) else None

    def run_json(self) -> Any:
        from accord.engine import RunManifest

        assert self.statement is not None
        pred = self.statement.predicate
        data = self.small_member(pred.run.member)
        if data is None:
            return None
        try:
            run = RunManifest.model_validate(parse_canonical(data))
        except CanonicalError as e:
            self.fail("run", t("evidence.verify.not_canonical_member", name=pred.run.member, reason=str(e)))
            return None
        except ValidationError as e:
            self.fail("run", t("evidence.verify.run_bad", reason=_first_error(e)))
            return None
        problems = []
        if run.target != pred.target.identity:
            problems.append(t("evidence.verify.run_target"))
        if not (run.target_digest == pred.target.digest == pred.target.identity.digest()):
            problems.append(t("evidence.verify.run_target_digest"))
        if (run.status, run.started, run.finished, run.accord_version) != (pred.run.status, pred.run.started, pred.run.finished, pred.run.accord_version):
            problems.append(t("evidence.verify.run_info"))
        for s in pred.suites:
            if (s.name, s.version, s.digest) != (run.suite.name, run.suite.version, run.suite.digest):
                problems.append(t("evidence.verify.run_suite", name=s.name))
        if problems:
            self.fail("run", problems[0], problems[1:])
        else:
            self.ok("run", "evidence.ok.run", target=pred.target.identity.label(), suite=run.suite.name)
        return run

    # -- suites -------------------------------------------------------------------------------

    def suite_items(self, reveal: Path | None) -> _Suite:
        """The suite's items (sorted by hash) for the records to be checked against, and how
        to finish the suite checks once they are read."""
        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        if len(pred.suites) != 1:
            self.fail("suite", t("evidence.verify.one_suite", n=len(pred.suites)))
            return _Suite()
        s = pred.suites[0]
        cid = f"suite:{s.name}"
        if s.sealed:
            data = self.small_member(s.member)
            if data is None:
                return _Suite()
            try:
                commitment = parse_commitment(data, s.member)
            except UsageError as e:
                self.fail(cid, str(e))
                return _Suite()
            if commitment.merkle_root != s.commitment_root or commitment.items != s.items or commitment.suite != s.name:
                self.fail(cid, t("evidence.verify.commitment_entry", name=s.name))
                return _Suite(commitment=commitment)
            self.ok(cid, "evidence.ok.sealed", name=s.name, items=commitment.items, root=commitment.merkle_root[:16])
            if reveal is None:
                return _Suite(commitment=commitment, sealed_only=True)
            return self.reveal_items(reveal, commitment)
        if s.order_member is None or s.order_member not in self.reader.members or s.member not in self.reader.members:
            self.fail(cid, t("evidence.verify.suite_members", name=s.name))
            return _Suite()
        # the suite order: its SHA-256 is the run's suite digest
        order_info = self.reader.members[s.order_member]
        if order_info.size != 32 * s.items or s.items > self.limits.max_member_bytes // 32:
            self.fail(cid, t("evidence.verify.order_size", name=s.order_member, items=s.items))
            return _Suite()
        try:
            order_bytes = b"".join(self.reader.stream(s.order_member))
        except BundleError as e:
            self.fail(f"member:{s.order_member}", str(e))
            return _Suite()
        od = hashlib.sha256(order_bytes).hexdigest()
        self.member_digest(s.order_member, od)
        if od != s.digest:
            self.fail(cid, t("evidence.verify.suite_digest", name=s.name))
        order_count = len(order_bytes) // 32
        unsorted = [order_bytes]
        cache: list[list[bytes]] = []
        del order_bytes

        def sorted_order() -> list[bytes]:
            if not cache:
                blob = unsorted.pop()
                hashes = [blob[i : i + 32] for i in range(0, len(blob), 32)]
                hashes.sort()
                cache.append(hashes)
            return cache[0]

        hashing = _Hashing(self.reader.stream(s.member))
        issues = _Issues()
        position = [0]

        def in_order(h: bytes, line: int) -> None:
            i = position[0]
            order = sorted_order()
            if i >= len(order) or order[i] != h:
                issues.add(t("evidence.verify.item_not_in_order", name=s.member, line=line))
            position[0] = i + 1

        checker = ItemChecker(s.member, _lines(hashing, s.member, self.limits.max_small_bytes), issues, in_order)
        suite = _Suite(items=iter(checker), open_member=s.member, sorted_order=sorted_order)

        def finish() -> None:
            if suite.parallel is not None:
                digest, size = suite.parallel
                n = suite.parallel_items
            else:
                digest, size, n = hashing.h.hexdigest(), hashing.size, checker.count
            self.member_digest(s.member, digest, size)
            if n != order_count or n != s.items:
                issues.add(t("evidence.verify.items_count", name=s.name, n=n, want=s.items))
            if issues:
                self.fail(cid, issues.items[0], issues.details()[1:])
            elif od == s.digest:
                self.ok(cid, "evidence.ok.suite", name=s.name, items=s.items, digest=s.digest[:16])

        suite.finish = finish
        return suite

    def reveal_items(self, reveal: Path, commitment: SuiteCommitment) -> _Suite:
        cid = "reveal"
        try:
            f = reveal.open("rb")
        except OSError as e:
            self.fail(cid, t("evidence.seal.unreadable", path=reveal, reason=e.strerror or str(e)))
            return _Suite(commitment=commitment)
        try:
            committed, revealed = iter_reveal(iter(f), str(reveal))
        except UsageError as e:
            f.close()
            self.fail(cid, str(e))
            return _Suite(commitment=commitment)
        if encode(committed.model_dump(mode="json")) != encode(commitment.model_dump(mode="json")):
            f.close()
            self.fail(cid, t("evidence.seal.other_commitment", path=reveal))
            return _Suite(commitment=commitment)
        tree = MerkleBuilder()
        counts: Counter[tuple[str, str]] = Counter()
        problems: list[str] = []

        def items() -> Iterator[tuple[str, Any, bool]]:
            try:
                for r in revealed:
                    tree.add(salted_leaf(r.salt, bytes.fromhex(r.item_hash)))
                    cat = r.item.get("category")
                    counts[(cat if isinstance(cat, str) else "", str(r.item.get("lang")))] += 1
                    yield r.item_hash, r.item, item_shape(r.item)
            except UsageError as e:
                problems.append(str(e))
            finally:
                f.close()

        def finish() -> None:
            f.close()
            if suite.parallel_reveal is not None:
                root, found, n = suite.parallel_reveal
            else:
                root, found, n = tree.root(), counts, tree.count
            got = sorted(found.items())
            want = sorted(((c.category or "", c.lang), c.items) for c in commitment.counts)
            if problems:
                self.fail(cid, problems[0])
            elif root.hex() != commitment.merkle_root or got != want:
                self.fail(cid, t("evidence.seal.reveal_mismatch", path=reveal))
            else:
                self.ok(cid, "evidence.ok.reveal", path=reveal, items=n)

        suite = _Suite(items=items(), finish=finish, commitment=commitment)
        # the item lines, for the parallel path to read (a regular file only)
        st = os.fstat(f.fileno())
        if stat.S_ISREG(st.st_mode):
            from accord.evidence._chunk import Source

            start = f.tell()
            suite.reveal = Source(str(reveal), start, st.st_size - start)
        return suite

    # -- records ------------------------------------------------------------------------------

    def records(self, suite: _Suite, record: str | None, workers: int | None) -> None:
        """The records phase: in worker processes for a large bundle whose records all check
        out, else (and whenever the parallel path gives up) in one streaming pass."""
        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        r = self.reader
        if pred.records.member not in r.members or pred.records.index not in r.members:
            return
        ctx = RecordContext(
            member=pred.records.member,
            target=pred.target.digest,
            suite=pred.suites[0].name if pred.suites else "",
            params=pred.target.identity.params,
            record=record,
            sealed=suite.commitment is not None,
        )
        outcome = self.records_parallel(suite, ctx, workers)
        if outcome is None:
            outcome = self.records_serial(suite, ctx)
        if outcome is not None:
            self.report_records(outcome, suite)

    def records_parallel(self, suite: _Suite, ctx: RecordContext, workers: int | None) -> _Outcome | None:
        from accord.evidence import _parallel

        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        n = _parallel.cpu_count() if workers is None else workers
        if n < 2 or not (
            suite.sealed_only
            or (suite.open_member is not None and suite.sorted_order is not None)
            or suite.reveal is not None
        ):
            return None
        signed = {m.name: (m.sha256, m.size) for m in pred.manifest.members}
        par = _parallel.check_records_parallel(
            self.reader,
            ctx,
            records=pred.records.member,
            index=pred.records.index,
            items_member=suite.open_member,
            sorted_order=suite.sorted_order,
            workers=n,
            max_line=self.limits.max_small_bytes,
            signed=signed,
            merkle_root=pred.records.merkle_root,
            count=pred.records.count,
            meanwhile=self.prepare_assessment,
            reveal=suite.reveal,
        )
        if par is None:
            return None
        if suite.reveal is not None:
            assert par.reveal_root is not None
            suite.parallel_reveal = (par.reveal_root, par.reveal_counts, par.items)
            suite.items = None  # read by the workers
        if suite.open_member is not None:
            assert par.items_digest is not None
            suite.parallel = par.items_digest
            suite.parallel_items = par.items
            suite.items = None  # read by the workers
        had_items = suite.open_member is not None or suite.reveal is not None
        return _Outcome(**par.found_fields(), checks=None, clean=True, had_items=had_items)

    def records_serial(self, suite: _Suite, ctx: RecordContext) -> _Outcome | None:
        """The one streaming pass over the records (see the module docstring)."""
        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        r = self.reader
        rec_stream = _Hashing(r.stream(pred.records.member))
        idx_stream = _Hashing(r.stream(pred.records.index, chunk=INDEX_ENTRY * 8192))
        tree = MerkleBuilder()
        checker = RecordChecker(ctx, suite.items, _fixed(idx_stream, INDEX_ENTRY), tree)
        try:
            line = checker.line
            for lineno, data in enumerate(_lines(rec_stream, pred.records.member, self.limits.max_small_bytes), 1):
                line(lineno, data)
            checker.finish()
        except BundleError as e:
            self.fail(f"member:{pred.records.member}", str(e))
            return None
        checker.missing_messages()
        return _Outcome(
            records_digest=(rec_stream.h.hexdigest(), rec_stream.size),
            index_digest=(idx_stream.h.hexdigest(), idx_stream.size),
            count=tree.count,
            root=tree.root(),
            checks=checker,
            items_without_record=checker.items_without_record,
            items_missing=checker.items_missing,
            sealed_counts=checker.sealed_counts,
            regraded=checker.regraded,
            regrade_skipped=checker.regrade_skipped,
            tally=checker.tally,
            clean=checker.clean,
            found=checker.found,
            had_items=suite.items is not None,
        )

    def report_records(self, o: _Outcome, suite: _Suite) -> None:
        assert self.statement is not None
        pred = self.statement.predicate
        self.records_done = o
        self.found_record = o.found
        none = _Issues()
        c = o.checks
        self.member_digest(pred.records.member, *o.records_digest)
        self.member_digest(pred.records.index, *o.index_digest)
        n = o.count
        self._outcome("records.canonical", c.canon if c else none, "evidence.ok.canonical", n=n)
        self._outcome("records.schema", c.schema if c else none, "evidence.ok.schema", n=n)
        self._outcome("records.order", c.order if c else none, "evidence.ok.order", n=n)
        self._outcome("records.index", c.index if c else none, "evidence.ok.index", n=n)
        root = o.root.hex()
        if root != pred.records.merkle_root or n != pred.records.count:
            self.fail("records.merkle", t("evidence.verify.merkle", n=n, count=pred.records.count, root=root[:16], signed=pred.records.merkle_root[:16]))
        else:
            self.ok("records.merkle", "evidence.ok.merkle", n=n, root=root[:16])
        self._outcome("records.target", c.target if c else none, "evidence.ok.target", n=n)
        binding = c.binding if c else none
        if o.had_items or binding:
            self._outcome("records.suite", binding, "evidence.ok.binding", n=n)
        commitment = suite.commitment
        if commitment is not None and not o.had_items:
            got = sorted(((cat, lg), k) for (cat, lg), k in o.sealed_counts.items())
            want = {(x.category or "", x.lang): x.items for x in commitment.counts}
            over = [f"{cat or '-'}/{lg}: {k} > {want.get((cat, lg), 0)}" for (cat, lg), k in got if k > want.get((cat, lg), 0)]
            if over:
                self.fail("coverage", t("evidence.verify.sealed_counts", what="; ".join(over)))
            else:
                self.ok("coverage", "evidence.ok.sealed_coverage", n=n, items=commitment.items)
        elif o.had_items:
            if o.items_without_record and pred.run.status == "complete":
                self.fail("coverage", t("evidence.verify.coverage", n=o.items_without_record, ids=", ".join(o.items_missing)))
            else:
                self.ok("coverage", "evidence.ok.coverage", n=n, items=n + o.items_without_record, status=pred.run.status)
        regrade = c.regrade if c else none
        if regrade:
            self.fail("regrade", regrade.items[0], regrade.details()[1:])
        elif suite.sealed_only and not o.regraded:
            self.ok("regrade", "evidence.ok.regrade_sealed")
        else:
            skipped = ", ".join(f"{g} ({k})" for g, k in sorted(o.regrade_skipped.items()))
            self.ok("regrade", "evidence.ok.regrade", n=o.regraded, skipped=skipped or "-")
        summary = o.tally.summary()
        signed = pred.summary.model_dump(mode="json")
        again = summary.model_dump(mode="json")
        diffs = _diff(signed, again, "summary")
        if diffs:
            self.fail("summary", t("evidence.verify.summary", first=diffs[0]), diffs[1:MAX_DETAILS])
        else:
            self.ok("summary", "evidence.ok.summary", items=summary.items)

    def _outcome(self, cid: str, issues: _Issues, ok_key: str, **params: Any) -> None:
        if issues:
            self.fail(cid, issues.items[0], issues.details()[1:])
        else:
            self.ok(cid, ok_key, **params)

    # -- frameworks ---------------------------------------------------------------------------

    def prepare_assessment(self) -> None:
        """What the verdicts will need and this process can do while workers check the
        records: import the frameworks, load the built-in frameworks the bundle names."""
        from accord.evidence._bundle import builtin_framework

        assert self.statement is not None
        import accord.frameworks._evaluate  # noqa: F401

        for entry in self.statement.predicate.frameworks:
            builtin_framework(entry.id)

    def assessment(self) -> None:
        import orjson

        from accord.evidence._bundle import evaluate_frameworks, framework_from_json

        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        if not pred.frameworks:
            if pred.assessment is not None:
                self.fail("assessment", t("evidence.verify.assessment_without_frameworks"))
            return
        frameworks = []
        for entry in pred.frameworks:
            data = self.small_member(entry.member)
            if data is None:
                return
            if hashlib.sha256(data).hexdigest() != entry.sha256:
                self.fail(f"framework:{entry.id}", t("evidence.verify.framework_entry", id=entry.id))
                return
            try:
                fw = framework_from_json(parse_canonical(data))
            except (CanonicalError, ValidationError, UsageError) as e:
                reason = _first_error(e) if isinstance(e, ValidationError) else str(e)
                self.fail(f"framework:{entry.id}", t("evidence.verify.framework_bad", id=entry.id, reason=reason))
                return
            if fw.id != entry.id:
                self.fail(f"framework:{entry.id}", t("evidence.verify.framework_entry", id=entry.id))
                return
            self.compare_builtin(fw)
            frameworks.append(fw)

        def again() -> Iterator[dict[str, Any]]:
            for line in _lines(self.reader.stream(pred.records.member), pred.records.member, self.limits.max_small_bytes):  # type: ignore[union-attr]
                yield orjson.loads(line)

        done = self.records_done
        try:
            if done is not None and done.clean:
                # counted in the records pass: no second pass over the records
                recomputed: Any = orjson.loads(done.tally.assessment(frameworks).model_dump_json())
            else:
                recomputed = evaluate_frameworks(again(), frameworks)
        except BundleError as e:
            self.fail("assessment", str(e))
            return
        except (AccordError, ValueError, KeyError, TypeError) as e:
            self.fail("assessment", t("evidence.verify.assessment_error", reason=f"{type(e).__name__}: {e}"))
            return
        if isinstance(recomputed, dict) and isinstance(pred.assessment, dict) and "accord_version" in pred.assessment:
            # which Accord computed the verdicts is metadata (also in the predicate's software),
            # not a verdict: a verifier on another version compares everything else
            recomputed["accord_version"] = pred.assessment["accord_version"]
        diffs = _diff(pred.assessment, recomputed, "assessment")
        if diffs:
            self.fail("assessment", t("evidence.verify.assessment", first=diffs[0]), diffs[1:MAX_DETAILS])
        else:
            self.ok("assessment", "evidence.ok.assessment", n=len(frameworks))

    def compare_builtin(self, fw: Any) -> None:
        """A bundled framework that claims a built-in id and version must be that framework:
        a threshold loosened before signing shows here even when the verdicts agree with it."""
        from accord.evidence._bundle import builtin_framework

        cid = f"framework:{fw.id}"
        builtin = builtin_framework(fw.id)
        if builtin is None:
            self.ok(cid, "evidence.ok.framework_custom", id=fw.id, version=fw.version)
        elif str(builtin.version) != str(fw.version):
            self.ok(cid, "evidence.ok.framework_other_version", id=fw.id, version=fw.version, builtin=builtin.version)
        else:
            diffs = _diff(builtin.model_dump(mode="json"), fw.model_dump(mode="json"), fw.id, "evidence.verify.diff_builtin")
            if diffs:
                self.fail(cid, t("evidence.verify.framework_altered", id=fw.id, version=fw.version, first=diffs[0]), diffs[1:MAX_DETAILS])
            else:
                self.ok(cid, "evidence.ok.framework_builtin", id=fw.id, version=fw.version)

    # -- inclusion proof ----------------------------------------------------------------------

    def proof(self, record: str) -> InclusionProof | None:
        assert self.statement is not None and self.reader is not None
        pred = self.statement.predicate
        if self.found_record is None:
            self.fail("proof", t("evidence.verify.no_such_record", id=record))
            return None
        index, item_id, item_hash, line = self.found_record
        size = pred.records.count
        try:
            leaves = (e[32:64] for e in _fixed(self.reader.stream(pred.records.index), INDEX_ENTRY))
            path = proof_from_leaves(index, size, leaves)
        except (BundleError, StopIteration, ValueError):
            self.fail("proof", t("evidence.verify.proof_failed", id=record))
            return None
        leaf = leaf_hash(line)
        root = root_from_proof(index, size, leaf, path)
        proof = InclusionProof(
            item_id=item_id,
            item_hash=item_hash,
            leaf_index=index,
            tree_size=size,
            leaf_hash=leaf.hex(),
            path=[p.hex() for p in path],
            merkle_root=pred.records.merkle_root,
            record=line.decode(),
            envelope=self.envelope.to_dict() if self.envelope else None,
            signers=self.signers_doc,
        )
        if root is None or root.hex() != pred.records.merkle_root:
            self.fail("proof", t("evidence.verify.proof_failed", id=record))
        else:
            self.ok("proof", "evidence.ok.proof", id=item_id, index=index, size=size, steps=len(path))
        return proof


def _diff(a: Any, b: Any, path: str, key: str = "evidence.verify.diff") -> list[str]:
    """Paths where two JSON values differ (numbers compared exactly)."""
    out: list[str] = []

    def walk(x: Any, y: Any, p: str) -> None:
        if len(out) >= MAX_DETAILS:
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for k in sorted(set(x) | set(y)):
                if k not in x or k not in y:
                    out.append(t(key, path=f"{p}.{k}", signed=_short(x.get(k)), again=_short(y.get(k))))
                else:
                    walk(x[k], y[k], f"{p}.{k}")
        elif isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                out.append(t(key, path=f"{p}[len]", signed=len(x), again=len(y)))
            for i, (u, v) in enumerate(zip(x, y, strict=False)):
                walk(u, v, f"{p}[{_row_name(u, i)}]")
        elif type(x) is not type(y) and not (isinstance(x, int | float) and isinstance(y, int | float) and not isinstance(x, bool) and not isinstance(y, bool)) or x != y:
            out.append(t(key, path=p, signed=_short(x), again=_short(y)))

    walk(a, b, path)
    return out


def _row_name(v: Any, i: int) -> str:
    if isinstance(v, dict):
        keys = [str(v[k]) for k in ("id", "category", "lang", "framework", "control") if isinstance(v.get(k), str)]
        if keys:
            return "/".join(keys)
    return str(i)


def _short(v: Any) -> str:
    s = encode(v).decode() if v is not None else "null"
    return s if len(s) <= 80 else s[:77] + "..."


def _trusted_default(keys_dir: Path | None) -> list[PublicKey]:
    return KeyStore(keys_dir).public_keys()


def verify_bundle(
    path: Path,
    *,
    trusted: Sequence[PublicKey] | None = None,
    record: str | None = None,
    reveal: Path | None = None,
    limits: Limits | None = None,
    keys_dir: Path | None = None,
    workers: int | None = None,
) -> VerifyReport:
    """Verify the bundle at ``path`` (a ``.accord`` file or an unpacked directory).

    Args:
        trusted: the public keys whose signatures count; None: every key in the local store.
        record: an item id; the report then carries that record's inclusion proof.
        reveal: the reveal file of the bundle's sealed suite, to check the records against.
        limits: bounds on the container (sizes, members, lines).
        workers: processes to check the records in; None: one per CPU for a large bundle
            (``accord.evidence._parallel``); 1: all in this process. The report is the same.

    Returns a report of every check, whether it holds or not; never raises for a bad bundle.
    """
    path = Path(path)
    keys = list(trusted) if trusted is not None else _trusted_default(keys_dir)
    # Records are parsed, checked and dropped one by one; what stays (one summary entry per
    # item) is acyclic. The cyclic collector's passes over that growing heap cost time for
    # nothing, so, as in the engine, it runs rarely during verification (restored after).
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 50_000), threshold[1], threshold[2])
    try:
        return _verify(path, keys, record, reveal, limits, workers)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _verify(path: Path, keys: list[PublicKey], record: str | None, reveal: Path | None, limits: Limits | None, workers: int | None) -> VerifyReport:
    v = _Verifier(path, keys, limits or Limits())
    proof = None
    try:
        if not v.open() or not v.envelope_and_signatures() or not v.parse_statement() or not v.manifest():
            return v.report()
        pred: BundlePredicate = v.statement.predicate  # type: ignore[union-attr]
        v.run_json()
        suite = v.suite_items(reveal)
        v.records(suite, record, workers)
        suite.finish()
        v.assessment()
        if record is not None:
            proof = v.proof(record)
        return v.report(records=pred.records.count, merkle_root=pred.records.merkle_root, proof=proof)
    except BundleError as e:
        v.fail("container", str(e))
        return v.report()
    except (UsageError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, OverflowError) as e:
        # a shape no check anticipated: still a verdict on the bundle, never a traceback
        v.fail("bundle", t("evidence.verify.unexpected", reason=f"{type(e).__name__}: {str(e)[:200]}"))
        return v.report()


def verify_proof(proof: InclusionProof, *, trusted: Sequence[PublicKey] | None = None, keys_dir: Path | None = None) -> VerifyReport:
    """Check a standalone inclusion proof: its envelope's signatures, its statement, and that
    its record leads to the signed Merkle root."""
    keys = list(trusted) if trusted is not None else _trusted_default(keys_dir)
    v = _Verifier(Path(f"proof:{proof.item_id}"), keys, Limits())
    if proof.envelope is None:
        v.fail("envelope", t("evidence.verify.proof_no_envelope"))
        return v.report()
    try:
        env = parse_envelope(encode(proof.envelope))
    except (BundleError, CanonicalError) as e:
        v.fail("envelope", str(e))
        return v.report()
    v.envelope = env
    v.ok("envelope", "evidence.ok.envelope", n=len(env.signatures))
    claimed = {s.keyid: public_key_from_hex(s.name, s.public_key) for s in (proof.signers.signers if proof.signers else [])}
    trusted_valid: list[str] = []
    for n, (keyid, sig) in enumerate(env.signatures, 1):
        key = v.trusted.get(keyid) or claimed.get(keyid)
        if key is None or key.keyid != keyid:
            v.fail(f"signature:{n}", t("evidence.verify.sig_unknown_key", n=n, keyid=keyid[:16]))
            continue
        valid = signature_valid(env, sig, key)
        is_trusted = keyid in v.trusted
        v.signers.append(SignerReport(keyid=keyid, fingerprint=key.fingerprint, name=key.name, valid=valid, trusted=is_trusted))
        if not valid:
            v.fail(f"signature:{n}", t("evidence.verify.sig_invalid", n=n, name=key.name, fingerprint=key.fingerprint))
        else:
            v.ok(f"signature:{n}", "evidence.ok.sig_trusted" if is_trusted else "evidence.ok.sig_untrusted", n=n, name=key.name, fingerprint=key.fingerprint)
            if is_trusted:
                trusted_valid.append(f"{key.name} ({key.fingerprint})")
    if trusted_valid:
        v.ok("trust", "evidence.ok.trust", names="; ".join(trusted_valid))
    else:
        v.fail("trust", t("evidence.verify.no_valid_signature"))
    if not v.parse_statement():
        return v.report()
    pred = v.statement.predicate  # type: ignore[union-attr]
    line = proof.record.encode()
    problems = []
    try:
        raw = parse_canonical(line)
        if not isinstance(raw, dict) or raw.get("item_hash") != proof.item_hash or raw.get("item_id") != proof.item_id:
            problems.append(t("evidence.verify.proof_record_fields"))
    except CanonicalError as e:
        problems.append(t("evidence.verify.line_not_canonical", name="record", line=1, reason=str(e)))
    leaf = leaf_hash(line)
    if leaf.hex() != proof.leaf_hash:
        problems.append(t("evidence.verify.proof_leaf"))
    try:
        root = root_from_proof(proof.leaf_index, proof.tree_size, leaf, [bytes.fromhex(p) for p in proof.path])
    except ValueError:
        root = None
    if proof.tree_size != pred.records.count or proof.merkle_root != pred.records.merkle_root:
        problems.append(t("evidence.verify.proof_tree"))
    if root is None or root.hex() != pred.records.merkle_root:
        problems.append(t("evidence.verify.proof_failed", id=proof.item_id))
    if problems:
        v.fail("proof", problems[0], problems[1:])
    else:
        v.ok("proof", "evidence.ok.proof", id=proof.item_id, index=proof.leaf_index, size=proof.tree_size, steps=len(proof.path))
    return v.report(records=pred.records.count, merkle_root=pred.records.merkle_root, proof=proof)
