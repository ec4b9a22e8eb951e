"""Ed25519 signing keys: a small key store under the config directory.

Layout of the store (``$ACCORD_KEYS_DIR``, else ``$XDG_CONFIG_HOME/accord/keys``, else
``~/.config/accord/keys``; the directory is created with mode 0700)::

    <name>.key    the private key, PKCS#8 PEM, mode 0600 (only for keys made or imported here)
    <name>.pub    the public key, SubjectPublicKeyInfo PEM

A key's id is the SHA-256 of its raw 32-byte public key, in hex; its fingerprint is the same
digest written in groups of four hex digits. Every public key in the store is trusted by
``accord verify`` unless ``--key``/``--trusted-keys`` name the trusted keys instead.
Private keys are never printed.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from accord.errors import UsageError
from accord.i18n import t

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = [
    "KeyStore",
    "PublicKey",
    "SigningKey",
    "fingerprint",
    "keys_dir",
    "load_public_key_file",
    "public_key_from_hex",
]

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_KEY_FILE = 64 * 1024


def keys_dir() -> Path:
    """``$ACCORD_KEYS_DIR``, else ``$XDG_CONFIG_HOME/accord/keys``, else ``~/.config/accord/keys``."""
    env = os.environ.get("ACCORD_KEYS_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "accord" / "keys"


def fingerprint(keyid: str) -> str:
    """A key id in groups of four hex digits, for people to compare aloud."""
    return " ".join(keyid[i : i + 4] for i in range(0, len(keyid), 4))


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key with the name it is known by (here, or as claimed by a signer)."""

    name: str
    raw: bytes

    @property
    def keyid(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.keyid)

    def pem(self) -> str:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        key = Ed25519PublicKey.from_public_bytes(self.raw)
        return key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()

    def sslib_key(self) -> object:
        """This key as a ``securesystemslib`` ``SSlibKey`` (for DSSE verification)."""
        from securesystemslib.signer import SSlibKey  # type: ignore[attr-defined]

        return SSlibKey(self.keyid, "ed25519", "ed25519", {"public": self.raw.hex()})


@dataclass(frozen=True)
class SigningKey:
    """A private key from the store, able to sign DSSE envelopes."""

    public: PublicKey
    private: Ed25519PrivateKey
    path: Path

    def signer(self) -> object:
        """A ``securesystemslib`` ``CryptoSigner`` whose key id is this key's id."""
        from securesystemslib.signer import CryptoSigner  # type: ignore[attr-defined]

        return CryptoSigner(self.private, self.public.sslib_key())  # type: ignore[arg-type]


def public_key_from_hex(name: str, value: str) -> PublicKey:
    """A public key from 64 hex digits (the form ``signers.json`` uses)."""
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise UsageError(t("evidence.keys.bad_hex", name=name))
    return PublicKey(name, bytes.fromhex(value))


def _raw_public(key: object) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)  # type: ignore[attr-defined, no-any-return]


def _parse_pem(data: bytes, where: str) -> tuple[bytes, Ed25519PrivateKey | None]:
    """Raw public key and, for a private key file, the private key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives.serialization import (
        load_pem_private_key,
        load_pem_public_key,
    )

    text = data.strip()
    if b"PRIVATE KEY" in text:
        try:
            priv = load_pem_private_key(text, password=None)
        except (ValueError, TypeError) as e:
            raise UsageError(t("evidence.keys.unreadable", path=where, reason=str(e).splitlines()[0])) from None
        if not isinstance(priv, Ed25519PrivateKey):
            raise UsageError(t("evidence.keys.not_ed25519", path=where))
        return _raw_public(priv.public_key()), priv
    if b"PUBLIC KEY" in text:
        try:
            pub = load_pem_public_key(text)
        except (ValueError, TypeError) as e:
            raise UsageError(t("evidence.keys.unreadable", path=where, reason=str(e).splitlines()[0])) from None
        if not isinstance(pub, Ed25519PublicKey):
            raise UsageError(t("evidence.keys.not_ed25519", path=where))
        return _raw_public(pub), None
    raw = text.decode("ascii", "replace").strip().lower()
    if re.fullmatch(r"[0-9a-f]{64}", raw):
        return bytes.fromhex(raw), None
    raise UsageError(t("evidence.keys.unreadable", path=where, reason=t("evidence.keys.no_pem")))


def _read_key_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise UsageError(t("evidence.keys.unreadable", path=path, reason=t("evidence.keys.too_big")))
        return path.read_bytes()
    except OSError as e:
        raise UsageError(t("evidence.keys.unreadable", path=path, reason=e.strerror or str(e))) from None


def load_public_key_file(path: Path, name: str | None = None) -> PublicKey:
    """A public key from a PEM file (public or private: only the public half is kept) or a
    file holding 64 hex digits."""
    raw, _ = _parse_pem(_read_key_file(path), str(path))
    return PublicKey(name or path.stem, raw)


def _write_private(path: Path, pem: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)


class KeyStore:
    """The local key store (see the module docstring for its layout)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or keys_dir()

    def _ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)

    def _check_name(self, name: str) -> None:
        if not NAME_RE.match(name):
            raise UsageError(t("evidence.keys.bad_name", name=name))

    def private_path(self, name: str) -> Path:
        return self.root / f"{name}.key"

    def public_path(self, name: str) -> Path:
        return self.root / f"{name}.pub"

    def exists(self, name: str) -> bool:
        return self.public_path(name).exists() or self.private_path(name).exists()

    def generate(self, name: str) -> PublicKey:
        """Make a new Ed25519 key pair called ``name``."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )

        self._check_name(name)
        if self.exists(name):
            raise UsageError(t("evidence.keys.exists", name=name, path=self.root))
        self._ensure()
        priv = Ed25519PrivateKey.generate()
        pem = priv.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        _write_private(self.private_path(name), pem)
        pub = PublicKey(name, _raw_public(priv.public_key()))
        self.public_path(name).write_text(pub.pem(), encoding="ascii")
        return pub

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        found = {p.stem for p in self.root.iterdir() if p.suffix in (".pub", ".key") and NAME_RE.match(p.stem)}
        return sorted(found)

    def has_private(self, name: str) -> bool:
        return self.private_path(name).exists()

    def public(self, name: str) -> PublicKey:
        """The public key called ``name``."""
        self._check_name(name)
        pub, priv = self.public_path(name), self.private_path(name)
        if pub.exists():
            return load_public_key_file(pub, name)
        if priv.exists():
            return load_public_key_file(priv, name)
        raise UsageError(t("evidence.keys.unknown", name=name, path=self.root, names=", ".join(self.names()) or "-"))

    def public_keys(self) -> list[PublicKey]:
        return [self.public(n) for n in self.names()]

    def signing_key(self, name: str) -> SigningKey:
        """The private key called ``name``; refuses a key file others can read (like ssh)."""
        self._check_name(name)
        path = self.private_path(name)
        if not path.exists():
            if self.public_path(name).exists():
                raise UsageError(t("evidence.keys.public_only", name=name))
            raise UsageError(t("evidence.keys.unknown", name=name, path=self.root, names=", ".join(self.names()) or "-"))
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise UsageError(t("evidence.keys.loose_mode", path=path, mode=f"{mode:04o}"))
        raw, priv = _parse_pem(_read_key_file(path), str(path))
        assert priv is not None
        return SigningKey(PublicKey(name, raw), priv, path)

    def export_private(self, name: str, out: Path) -> Path:
        """Copy the private key to ``out`` (mode 0600, never over an existing file)."""
        key = self.signing_key(name)
        if out.exists():
            raise UsageError(t("evidence.keys.out_exists", path=out))
        _write_private(out, key.path.read_bytes())
        return out

    def import_file(self, path: Path, name: str | None = None) -> PublicKey:
        """Add the key in ``path`` (public, or private: then it can sign here too)."""
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )

        data = _read_key_file(path)
        raw, priv = _parse_pem(data, str(path))
        name = name or re.sub(r"[^A-Za-z0-9._-]", "-", path.stem).lstrip("._-") or "imported"
        self._check_name(name)
        if self.exists(name):
            raise UsageError(t("evidence.keys.exists", name=name, path=self.root))
        for other in self.public_keys():
            if other.raw == raw:
                raise UsageError(t("evidence.keys.duplicate", name=other.name))
        self._ensure()
        pub = PublicKey(name, raw)
        if priv is not None:
            _write_private(
                self.private_path(name),
                priv.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()),
            )
        self.public_path(name).write_text(pub.pem(), encoding="ascii")
        return pub
