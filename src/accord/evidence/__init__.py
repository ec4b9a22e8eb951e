"""Evidence a rival can verify: signed bundles, offline verification, live audit, sealed suites.

- :func:`write_bundle` turns a run directory into one signed ``.accord`` file (a ZIP of
  members; or a directory): records, suite (or its commitment), frameworks, identities,
  summary and verdicts, a Merkle root over the records, and a DSSE-signed in-toto statement.
- :func:`verify_bundle` checks one offline and re-derives every metric and verdict;
  :func:`verify_proof` checks a single record's inclusion proof.
- :func:`cosign_bundle` adds another party's signature to the same statement.
- :func:`audit_bundle` re-asks a verifier-seeded sample of items to the live model.
- :func:`seal_suite` / :func:`reveal_suite` / :func:`check_reveal`: commit to a private
  suite, and reveal it later.
- :class:`KeyStore`: Ed25519 keys under ``~/.config/accord/keys`` (or ``ACCORD_KEYS_DIR``).

The format is specified in ``docs/bundle-format.md``.

Names are loaded on first use: ``accord keys`` needs only the key store, not the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY = {
    "AuditReport": "accord.evidence._model",
    "BundleError": "accord.evidence._container",
    "BundlePredicate": "accord.evidence._model",
    "BundleResult": "accord.evidence._bundle",
    "CanonicalError": "accord._canonical",
    "Check": "accord.evidence._model",
    "CosignResult": "accord.evidence._bundle",
    "DEFAULT_KEY": "accord.evidence._bundle",
    "InclusionProof": "accord.evidence._model",
    "KeyStore": "accord.evidence._keys",
    "Limits": "accord.evidence._container",
    "Manifest": "accord.evidence._model",
    "PREDICATE_TYPE": "accord.evidence._model",
    "PublicKey": "accord.evidence._keys",
    "SealResult": "accord.evidence._seal",
    "Signers": "accord.evidence._model",
    "Statement": "accord.evidence._model",
    "SuiteCommitment": "accord.evidence._model",
    "VerifyReport": "accord.evidence._model",
    "audit_bundle": "accord.evidence._audit",
    "audit_bundle_async": "accord.evidence._audit",
    "check_reveal": "accord.evidence._seal",
    "check_sealed_suite": "accord.evidence._seal",
    "cosign_bundle": "accord.evidence._bundle",
    "keys_dir": "accord.evidence._keys",
    "leaf_hash": "accord.evidence._merkle",
    "load_public_key_file": "accord.evidence._keys",
    "mcnemar_exact": "accord.evidence._audit",
    "merkle_root": "accord.evidence._merkle",
    "node_hash": "accord.evidence._merkle",
    "reveal_suite": "accord.evidence._seal",
    "root_from_proof": "accord.evidence._merkle",
    "sample_order": "accord.evidence._audit",
    "seal_suite": "accord.evidence._seal",
    "unpack_bundle": "accord.evidence._bundle",
    "verify_bundle": "accord.evidence._verify",
    "verify_proof": "accord.evidence._verify",
    "write_bundle": "accord.evidence._bundle",
}

__all__ = [
    "DEFAULT_KEY",
    "PREDICATE_TYPE",
    "AuditReport",
    "BundleError",
    "BundlePredicate",
    "BundleResult",
    "CanonicalError",
    "Check",
    "CosignResult",
    "InclusionProof",
    "KeyStore",
    "Limits",
    "Manifest",
    "PublicKey",
    "SealResult",
    "Signers",
    "Statement",
    "SuiteCommitment",
    "VerifyReport",
    "audit_bundle",
    "audit_bundle_async",
    "check_reveal",
    "check_sealed_suite",
    "cosign_bundle",
    "keys_dir",
    "leaf_hash",
    "load_public_key_file",
    "mcnemar_exact",
    "merkle_root",
    "node_hash",
    "reveal_suite",
    "root_from_proof",
    "sample_order",
    "seal_suite",
    "unpack_bundle",
    "verify_bundle",
    "verify_proof",
    "write_bundle",
]

if TYPE_CHECKING:
    from accord._canonical import CanonicalError
    from accord.evidence._audit import audit_bundle, audit_bundle_async, mcnemar_exact, sample_order
    from accord.evidence._bundle import (
        DEFAULT_KEY,
        BundleResult,
        CosignResult,
        cosign_bundle,
        unpack_bundle,
        write_bundle,
    )
    from accord.evidence._container import BundleError, Limits
    from accord.evidence._keys import KeyStore, PublicKey, keys_dir, load_public_key_file
    from accord.evidence._merkle import leaf_hash, merkle_root, node_hash, root_from_proof
    from accord.evidence._model import (
        PREDICATE_TYPE,
        AuditReport,
        BundlePredicate,
        Check,
        InclusionProof,
        Manifest,
        Signers,
        Statement,
        SuiteCommitment,
        VerifyReport,
    )
    from accord.evidence._seal import (
        SealResult,
        check_reveal,
        check_sealed_suite,
        reveal_suite,
        seal_suite,
    )
    from accord.evidence._verify import verify_bundle, verify_proof


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'accord.evidence' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
