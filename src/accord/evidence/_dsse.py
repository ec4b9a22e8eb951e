"""DSSE envelopes (the in-toto signing envelope): signed via ``securesystemslib``, the
reference implementation, over the pre-authentication encoding
``"DSSEv1" SP len(type) SP type SP len(payload) SP payload`` that each Ed25519 signature
covers; checked with ``cryptography``'s Ed25519 (see :func:`signature_valid`).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from accord._canonical import CanonicalError, encode, parse_canonical
from accord.evidence._container import BundleError
from accord.evidence._keys import PublicKey, SigningKey
from accord.evidence._model import PAYLOAD_TYPE
from accord.i18n import t

__all__ = [
    "ParsedEnvelope",
    "add_signature",
    "envelope_bytes",
    "new_envelope",
    "pae",
    "parse_envelope",
    "signature_valid",
]


def pae(payload_type: str, payload: bytes) -> bytes:
    """DSSE v1 pre-authentication encoding."""
    pt = payload_type.encode()
    return b"DSSEv1 %d %b %d %b" % (len(pt), pt, len(payload), payload)


@dataclass(frozen=True)
class ParsedEnvelope:
    payload: bytes
    payload_type: str
    signatures: list[tuple[str, bytes]]
    """(keyid, signature bytes) in envelope order."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "payload": base64.b64encode(self.payload).decode(),
            "payloadType": self.payload_type,
            "signatures": [{"keyid": k, "sig": base64.b64encode(s).decode()} for k, s in self.signatures],
        }


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise BundleError(t("evidence.envelope.bad", reason=what))
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BundleError(t("evidence.envelope.bad", reason=what)) from None


def parse_envelope(data: bytes) -> ParsedEnvelope:
    """Parse ``envelope.json`` (canonical JSON) into its parts, checking every shape."""
    try:
        raw = parse_canonical(data)
    except CanonicalError as e:
        raise BundleError(t("evidence.envelope.not_canonical", reason=str(e))) from None
    if not isinstance(raw, dict) or set(raw) != {"payload", "payloadType", "signatures"}:
        raise BundleError(t("evidence.envelope.bad", reason="fields must be payload, payloadType, signatures"))
    if raw["payloadType"] != PAYLOAD_TYPE:
        raise BundleError(t("evidence.envelope.payload_type", got=str(raw["payloadType"])[:80], want=PAYLOAD_TYPE))
    sigs = raw["signatures"]
    if not isinstance(sigs, list) or not sigs:
        raise BundleError(t("evidence.envelope.unsigned"))
    out: list[tuple[str, bytes]] = []
    for s in sigs:
        if not isinstance(s, dict) or set(s) != {"keyid", "sig"} or not isinstance(s["keyid"], str):
            raise BundleError(t("evidence.envelope.bad", reason="each signature is {keyid, sig}"))
        out.append((s["keyid"], _b64(s["sig"], "sig is not base64")))
    return ParsedEnvelope(_b64(raw["payload"], "payload is not base64"), PAYLOAD_TYPE, out)


def new_envelope(payload: bytes, key: SigningKey) -> ParsedEnvelope:
    """An envelope over ``payload`` with one signature, made by securesystemslib."""
    return add_signature(ParsedEnvelope(payload, PAYLOAD_TYPE, []), key)


def add_signature(env: ParsedEnvelope, key: SigningKey) -> ParsedEnvelope:
    """``env`` with one more signature (a co-signature), made by securesystemslib."""
    from securesystemslib.dsse import Envelope

    e = Envelope(env.payload, env.payload_type, {})
    sig = e.sign(key.signer())  # type: ignore[arg-type]
    return ParsedEnvelope(env.payload, env.payload_type, [*env.signatures, (sig.keyid, bytes.fromhex(sig.signature))])


def signature_valid(env: ParsedEnvelope, sig: bytes, key: PublicKey) -> bool:
    """Whether ``sig`` is ``key``'s Ed25519 signature over the envelope's PAE.

    Checked with ``cryptography`` (what securesystemslib's ``SSlibKey.verify_signature`` calls
    for an Ed25519 key), which ``verify`` has loaded already: importing
    ``securesystemslib.signer`` costs ~50 ms before any record is read. A test checks that
    securesystemslib's own DSSE verifier accepts Accord's envelopes."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(key.raw).verify(sig, pae(env.payload_type, env.payload))
    except (InvalidSignature, ValueError):
        return False
    return True


def envelope_bytes(env: ParsedEnvelope) -> bytes:
    return encode(env.to_dict())
