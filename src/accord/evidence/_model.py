"""The bundle's persisted shapes (pydantic v2; JSON Schemas in ``docs/schemas/``).

See ``docs/bundle-format.md`` for the format these models describe.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.results import Summary
from accord.targets import TargetIdentity

__all__ = [
    "BUNDLE_FORMAT",
    "ENVELOPE",
    "INDEX",
    "INDEX_ENTRY",
    "MANIFEST",
    "PAYLOAD_TYPE",
    "PREDICATE_TYPE",
    "RECORDS",
    "RUN",
    "SIGNERS",
    "STATEMENT_TYPE",
    "UNSIGNED_MEMBERS",
    "AuditItem",
    "AuditReport",
    "BundlePredicate",
    "Check",
    "CommitmentCount",
    "FrameworkEntry",
    "GraderIdentity",
    "InclusionProof",
    "Manifest",
    "MemberEntry",
    "RecordsInfo",
    "RevealHeader",
    "RunInfo",
    "SignerEntry",
    "SignerReport",
    "Signers",
    "Software",
    "Statement",
    "Subject",
    "SuiteCommitment",
    "SuiteEntry",
    "TargetInfo",
    "VerifyReport",
]

BUNDLE_FORMAT = 1
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://accord-eval.org/evidence-bundle/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"
MERKLE_ALGORITHM = "rfc6962-sha256"

MANIFEST = "manifest.json"
ENVELOPE = "envelope.json"
SIGNERS = "signers.json"
RECORDS = "records.jsonl"
INDEX = "records.index"
RUN = "run.json"
UNSIGNED_MEMBERS = frozenset({ENVELOPE, SIGNERS})
"""Members outside the manifest: signatures are added to them after signing (co-signing)."""

INDEX_ENTRY = 128
"""Bytes per ``records.index`` entry: item hash, leaf hash, response digest, grades digest."""

Hex64 = str
_HEX = r"^[0-9a-f]{64}$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MemberEntry(_Frozen):
    name: str
    size: int = Field(ge=0, description="Bytes (uncompressed).")
    sha256: str = Field(pattern=_HEX)


class Manifest(_Frozen):
    """``manifest.json``: every member the signature covers, sorted by name."""

    format: Literal[1] = 1
    members: list[MemberEntry]


class RecordsInfo(_Frozen):
    member: str = RECORDS
    index: str = INDEX
    count: int = Field(ge=0)
    merkle_root: str = Field(pattern=_HEX, description="RFC 6962 root over the record lines.")
    order: Literal["item_hash"] = "item_hash"


class RunInfo(_Frozen):
    member: str = RUN
    status: str
    started: str
    finished: str | None
    accord_version: str


class TargetInfo(_Frozen):
    identity: TargetIdentity
    digest: str = Field(pattern=_HEX)


class SuiteEntry(_Frozen):
    name: str
    version: str
    items: int = Field(ge=0, description="Items in the suite.")
    digest: str = Field(description="The run's suite digest: SHA-256 over the item hashes in suite order.")
    sealed: bool = False
    member: str = Field(description="suites/<name>.jsonl (items), or suites/<name>.commitment.json when sealed.")
    order_member: str | None = Field(default=None, description="suites/<name>.order: item hashes in suite order.")
    commitment_root: str | None = Field(default=None, description="The commitment's Merkle root, when sealed.")


class FrameworkEntry(_Frozen):
    id: str
    version: str
    member: str
    sha256: str = Field(pattern=_HEX)


class GraderIdentity(_Frozen):
    id: str = Field(description="name@version, as on the records' grades.")
    name: str
    version: str
    kind: Literal["rule", "judge"] = Field(description="rule: deterministic code, re-graded by verify; judge: a model.")
    code_sha256: str | None = Field(default=None, description="SHA-256 of the grader's source module.")
    prompt_sha256: str | None = Field(default=None, description="Judges: SHA-256 of the rubric/prompt template.")
    judge: dict[str, Any] | None = Field(default=None, description="Judges: the judge model's target identity.")


class Software(_Frozen):
    accord: str
    python: str
    platform: str
    packages: dict[str, str] = Field(description="Versions of the libraries that shape the evidence.")


class BundlePredicate(_Frozen):
    """The signed claim: what was assessed, how, and what came out."""

    format: Literal[1] = 1
    created: str
    manifest: Manifest
    records: RecordsInfo
    run: RunInfo
    target: TargetInfo
    suites: list[SuiteEntry]
    frameworks: list[FrameworkEntry]
    graders: list[GraderIdentity]
    software: Software
    summary: Summary
    assessment: dict[str, Any] | None = Field(
        default=None, description="accord.frameworks.evaluate(...) over the records: verdicts per control."
    )


class Subject(_Frozen):
    name: str
    digest: dict[str, str]


class Statement(BaseModel):
    """An in-toto Statement v1 whose predicate is a :class:`BundlePredicate`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    type: Literal["https://in-toto.io/Statement/v1"] = Field(default="https://in-toto.io/Statement/v1", alias="_type")
    subject: list[Subject]
    predicateType: Literal["https://accord-eval.org/evidence-bundle/v1"] = "https://accord-eval.org/evidence-bundle/v1"
    predicate: BundlePredicate


class SignerEntry(_Frozen):
    keyid: str = Field(pattern=_HEX, description="SHA-256 of the raw public key.")
    name: str = Field(max_length=200, description="The name the signer gave (a claim, not a proof).")
    public_key: str = Field(pattern=_HEX, description="Raw Ed25519 public key, hex.")
    algorithm: Literal["ed25519"] = "ed25519"


class Signers(_Frozen):
    """``signers.json``: the public keys of the envelope's signatures."""

    signers: list[SignerEntry]


# -- sealed suites ----------------------------------------------------------------------------


class CommitmentCount(_Frozen):
    category: str | None
    lang: str
    items: int = Field(ge=1)


class SuiteCommitment(_Frozen):
    """A sealed suite: how many items of which kind, bound by a Merkle root over salted item
    hashes, without the items."""

    format: Literal["accord-suite-commitment/v1"] = "accord-suite-commitment/v1"
    suite: str
    version: str
    items: int = Field(ge=1)
    counts: list[CommitmentCount] = Field(description="Items per (category, language), sorted.")
    graders: list[str]
    merkle_root: str = Field(
        pattern=_HEX,
        description="RFC 6962 root over SHA-256(salt || item hash) for the items sorted by item hash.",
    )
    created: str


class RevealHeader(_Frozen):
    """First line of a reveal file; each later line is ``{"salt": hex, "item": {...}}``."""

    format: Literal["accord-suite-reveal/v1"] = "accord-suite-reveal/v1"
    commitment: SuiteCommitment


# -- reports ----------------------------------------------------------------------------------


class Check(BaseModel):
    id: str = Field(description="Stable id, e.g. signature, member:records.jsonl, records.merkle, summary.")
    ok: bool
    message: str
    details: list[str] = Field(default_factory=list)


class SignerReport(BaseModel):
    keyid: str
    fingerprint: str
    name: str = Field(description="The trusted key's local name, or the signer's claimed name.")
    valid: bool
    trusted: bool


class InclusionProof(BaseModel):
    """One record, proven to be in a bundle without the other records (RFC 9162 audit path)."""

    format: Literal["accord-inclusion-proof/v1"] = "accord-inclusion-proof/v1"
    item_id: str
    item_hash: str
    leaf_index: int
    tree_size: int
    leaf_hash: str
    path: list[str]
    merkle_root: str
    record: str = Field(description="The record's canonical JSON line (without the newline).")
    envelope: dict[str, Any] | None = Field(
        default=None, description="The bundle's DSSE envelope, whose signed statement holds the root."
    )
    signers: Signers | None = None


class VerifyReport(BaseModel):
    bundle: str
    ok: bool
    checks: list[Check]
    signers: list[SignerReport]
    records: int | None = None
    merkle_root: str | None = None
    proof: InclusionProof | None = None


class AuditItem(BaseModel):
    item_id: str
    item_hash: str
    recorded_label: str | None
    live_label: str | None
    recorded_passed: bool | None
    live_passed: bool | None
    same_text: bool
    error: str | None = None


class AuditReport(BaseModel):
    bundle: str
    target: str
    seed: str
    sample: int = Field(description="Items asked for.")
    asked: int
    answered: int
    mode: Literal["deterministic", "statistical"]
    text_agreement: float | None = Field(description="Share of answered items whose live text equals the recorded text.")
    label_agreement: float | None = Field(description="Share of answered items whose live grade label equals the recorded one.")
    discordant_recorded_pass: int = Field(description="McNemar b: recorded passed, live failed.")
    discordant_live_pass: int = Field(description="McNemar c: recorded failed, live passed.")
    p_value: float = Field(description="Exact two-sided McNemar (binomial) test of b against c.")
    alpha: float
    min_agreement: float
    consistent: bool
    reason: str
    labels: dict[str, dict[str, int]] = Field(description="recorded label -> live label -> items.")
    items: list[AuditItem]
