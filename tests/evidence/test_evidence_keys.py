"""The key store and ``accord keys``: Ed25519, 0600 private keys, never printed."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from accord.errors import UsageError
from accord.evidence import KeyStore, load_public_key_file
from helpers import accord_cli


def _mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_generate_list_export_import(keys: KeyStore, tmp_path: Path) -> None:
    pub = keys.generate("lab-a")
    assert _mode(keys.private_path("lab-a")) == 0o600 and _mode(keys.root) == 0o700
    assert pub.keyid == hashlib.sha256(pub.raw).hexdigest() and len(pub.raw) == 32
    assert pub.fingerprint.replace(" ", "") == pub.keyid and len(pub.fingerprint.split()) == 16
    assert keys.names() == ["lab-a"] and keys.has_private("lab-a")
    # public export round-trips through PEM, into another party's store
    pem = tmp_path / "lab-a.pub.pem"
    pem.write_text(pub.pem())
    theirs = KeyStore(tmp_path / "theirs")
    got = theirs.import_file(pem, name="lab-a")
    assert got.raw == pub.raw and not theirs.has_private("lab-a")
    with pytest.raises(UsageError, match="public key only"):
        theirs.signing_key("lab-a")
    # private export: 0600, refused over an existing file
    out = keys.export_private("lab-a", tmp_path / "backup.key")
    assert _mode(out) == 0o600 and b"PRIVATE KEY" in out.read_bytes()
    with pytest.raises(UsageError, match="never written over"):
        keys.export_private("lab-a", out)
    # importing a private key makes a signing key
    third = KeyStore(tmp_path / "third")
    assert third.import_file(out, name="restored").raw == pub.raw and third.has_private("restored")
    assert _mode(third.private_path("restored")) == 0o600


def test_bad_names_duplicates_and_loose_modes(keys: KeyStore, tmp_path: Path) -> None:
    for bad in ("../x", "a/b", "", ".hidden", "x" * 65):
        with pytest.raises(UsageError, match="not allowed"):
            keys.generate(bad)
    keys.generate("k")
    with pytest.raises(UsageError, match="already exists"):
        keys.generate("k")
    os.chmod(keys.private_path("k"), 0o644)
    with pytest.raises(UsageError, match="chmod 600"):
        keys.signing_key("k")
    with pytest.raises(UsageError, match="no key called nope"):
        keys.public("nope")
    pem = tmp_path / "k.pem"
    pem.write_text(keys.public("k").pem())
    with pytest.raises(UsageError, match="already in the store as k"):
        keys.import_file(pem, name="other")


def test_foreign_key_types_are_refused(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    p = tmp_path / "ec.pem"
    p.write_bytes(ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    with pytest.raises(UsageError, match="not Ed25519"):
        load_public_key_file(p)
    junk = tmp_path / "junk.pem"
    junk.write_text("hello")
    with pytest.raises(UsageError, match="cannot read the key"):
        load_public_key_file(junk)


def test_cli_keys(tmp_path: Path) -> None:
    env = {"ACCORD_KEYS_DIR": str(tmp_path / "k"), "ACCORD_LANG": "en"}
    gen = accord_cli("keys", "generate", "lab-a", env=env)
    assert gen.returncode == 0, gen.stderr
    assert "mode 0600, never printed" in gen.stdout and "PRIVATE" not in gen.stdout
    listed = accord_cli("keys", "list", env=env)
    fp = KeyStore(tmp_path / "k").public("lab-a").fingerprint
    assert "lab-a" in listed.stdout and fp in listed.stdout and "can sign" in listed.stdout
    public = accord_cli("keys", "export", "lab-a", "--public", env=env)
    assert public.stdout.startswith("-----BEGIN PUBLIC KEY-----")
    # the private key is never printed
    private = accord_cli("keys", "export", "lab-a", env=env)
    assert private.returncode == 2 and "never printed" in private.stderr
    assert "PRIVATE KEY" not in private.stdout + private.stderr
    saved = accord_cli("keys", "export", "lab-a", "--out", str(tmp_path / "lab-a.key"), env=env)
    assert saved.returncode == 0 and "PRIVATE KEY" not in saved.stdout + saved.stderr
    assert _mode(tmp_path / "lab-a.key") == 0o600
    (tmp_path / "peer.pub").write_text(public.stdout)
    env2 = {"ACCORD_KEYS_DIR": str(tmp_path / "k2"), "ACCORD_LANG": "en"}
    imp = accord_cli("keys", "import", str(tmp_path / "peer.pub"), "--name", "peer", env=env2)
    assert imp.returncode == 0 and "bundles it signs are now trusted" in imp.stdout and fp in imp.stdout
    js = accord_cli("keys", "list", "--format", "json", env=env2)
    import json

    assert json.loads(js.stdout)["keys"][0]["can_sign"] is False
    zh = accord_cli("--lang", "zh", "keys", "list", env=env2)
    assert "仅公钥" in zh.stdout


def test_evidence_package_is_lazy() -> None:
    import subprocess
    import sys

    import accord.evidence as ev

    assert set(ev.__all__) == set(ev._LAZY)
    code = "import sys, accord.evidence as e; e.KeyStore; print([m for m in ('accord.engine', 'accord.results', 'pydantic') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
