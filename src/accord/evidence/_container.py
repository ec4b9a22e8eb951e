"""The bundle container: a ZIP file of members, or a directory holding the same members.

Reading is defensive: a bundle is evidence from someone else, so nothing in it is trusted
before it is checked. The reader

- refuses member names that are absolute, hold ``..``, backslashes or characters outside
  ``[A-Za-z0-9._-/]``, names that appear twice, symbolic links and other non-regular files;
- parses the ZIP central directory with :mod:`zipfile`, then reads each member's data itself:
  the local header must name the same member, data ranges may not overlap (no shared-data
  bombs), only *stored* and *deflate* are accepted, and no encryption;
- refuses a member whose declared size is over the limit before reading any of it, and
  inflates in fixed-size chunks, stopping as soon as the output passes the declared size
  (a lying header is a decompression bomb), so memory and time stay bounded whatever the
  bytes say;
- checks every member's CRC-32 (ZIP) at its end.

Every failure is a :class:`BundleError` with one line that says what and where.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from accord.errors import AccordError
from accord.i18n import t

__all__ = [
    "BundleError",
    "BundleReader",
    "BundleWriter",
    "Limits",
    "MemberInfo",
    "check_member_name",
]

CHUNK = 1 << 20
_NAME_RE = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIG = b"PK\x03\x04"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

Compression = Literal["auto", "deflate", "stored"]
"""``auto``: members deflated unless the caller asks for one stored; ``deflate``: the same
(the caller then asks for fewer); ``stored``: every member stored."""


class BundleError(AccordError):
    """A bundle that cannot be read or written: what, where, and what to do."""

    exit_code = 1


@dataclass(frozen=True)
class Limits:
    """Bounds on what a reader accepts; each refusal names the limit it hit."""

    max_members: int = 4096
    max_small_bytes: int = 64 << 20
    """JSON members that are read whole (envelope, manifest, run, frameworks, commitments)."""
    max_member_bytes: int = 64 << 30
    """Members that are streamed (records, index, suites)."""
    max_total_bytes: int = 256 << 30


def check_member_name(name: str) -> None:
    """Raise :class:`BundleError` unless ``name`` is a safe relative member name."""
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or re.match(r"^[A-Za-z]:", name)
        or any(part in ("..", ".") for part in name.split("/"))
    ):
        raise BundleError(t("evidence.container.traversal", name=name))
    if len(name) > 255 or not _NAME_RE.match(name):
        raise BundleError(t("evidence.container.bad_name", name=name))


@dataclass(frozen=True)
class MemberInfo:
    name: str
    size: int
    compressed: int = 0
    method: int = 0
    crc: int = 0
    data_offset: int = -1
    header_offset: int = -1


def _human(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class BundleReader:
    """Members of a bundle, by name. Open with :meth:`open`; use as a context manager."""

    def __init__(self, path: Path, kind: Literal["zip", "dir"], members: dict[str, MemberInfo], limits: Limits) -> None:
        self.path = path
        self.kind = kind
        self.members = members
        self.limits = limits

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, limits: Limits | None = None) -> BundleReader:
        limits = limits or Limits()
        try:
            st = os.lstat(path)
        except OSError as e:
            raise BundleError(t("evidence.container.missing", path=path, reason=e.strerror or str(e))) from None
        if stat.S_ISLNK(st.st_mode):
            # a symlinked bundle path is the user's own choice; follow it once
            try:
                st = os.stat(path)
            except OSError as e:
                raise BundleError(t("evidence.container.missing", path=path, reason=e.strerror or str(e))) from None
        if stat.S_ISDIR(st.st_mode):
            return cls(path, "dir", _scan_dir(path, limits), limits)
        if not stat.S_ISREG(st.st_mode):
            raise BundleError(t("evidence.container.not_file", path=path))
        if st.st_size == 0:
            raise BundleError(t("evidence.container.empty", path=path))
        return cls(path, "zip", _scan_zip(path, st.st_size, limits), limits)

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    # -- reading ----------------------------------------------------------------------------

    def info(self, name: str) -> MemberInfo:
        try:
            return self.members[name]
        except KeyError:
            raise BundleError(t("evidence.container.no_member", name=name, path=self.path)) from None

    def read(self, name: str) -> bytes:
        """A small member, whole (at most ``limits.max_small_bytes``)."""
        info = self.info(name)
        if info.size > self.limits.max_small_bytes:
            raise BundleError(
                t("evidence.container.too_big", name=name, size=_human(info.size), limit=_human(self.limits.max_small_bytes))
            )
        return b"".join(self.stream(name))

    def stream(self, name: str, chunk: int = CHUNK) -> Iterator[bytes]:
        """A member's bytes in chunks; raises BundleError on any inconsistency."""
        info = self.info(name)
        if info.size > self.limits.max_member_bytes:
            raise BundleError(
                t("evidence.container.too_big", name=name, size=_human(info.size), limit=_human(self.limits.max_member_bytes))
            )
        if self.kind == "dir":
            return self._stream_file(info, chunk)
        return self._stream_zip(info, chunk)

    def _stream_file(self, info: MemberInfo, chunk: int) -> Iterator[bytes]:
        path = self.path / info.name
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError as e:
            raise BundleError(t("evidence.container.unreadable", name=info.name, reason=e.strerror or str(e))) from None
        with os.fdopen(fd, "rb") as f:
            total = 0
            while True:
                try:
                    data = f.read(chunk)
                except OSError as e:
                    raise BundleError(t("evidence.container.unreadable", name=info.name, reason=e.strerror or str(e))) from None
                if not data:
                    break
                total += len(data)
                if total > info.size:
                    raise BundleError(t("evidence.container.grew", name=info.name))
                yield data
            if total != info.size:
                raise BundleError(t("evidence.container.truncated_member", name=info.name, got=total, size=info.size))

    def _stream_zip(self, info: MemberInfo, chunk: int) -> Iterator[bytes]:
        try:
            f = open(self.path, "rb")  # noqa: SIM115 (closed in finally of the generator)
        except OSError as e:
            raise BundleError(t("evidence.container.unreadable", name=info.name, reason=e.strerror or str(e))) from None
        try:
            f.seek(info.data_offset)
            left = info.compressed
            produced = 0
            crc = 0
            inflater = zlib.decompressobj(-15) if info.method == 8 else None
            while left > 0 or (inflater is not None and inflater.unconsumed_tail):
                if inflater is not None and inflater.unconsumed_tail:
                    raw = inflater.unconsumed_tail
                else:
                    raw = f.read(min(chunk, left))
                    if not raw:
                        raise BundleError(t("evidence.container.truncated", path=self.path))
                    left -= len(raw)
                if inflater is None:
                    out = raw
                else:
                    try:
                        # never more than one chunk past the declared size, whatever the input
                        out = inflater.decompress(raw, min(chunk, info.size - produced + 1))
                    except zlib.error as e:
                        raise BundleError(t("evidence.container.corrupt", name=info.name, reason=str(e))) from None
                produced += len(out)
                if produced > info.size:
                    raise BundleError(t("evidence.container.bomb", name=info.name, size=_human(info.size)))
                if out:
                    crc = zlib.crc32(out, crc)
                    yield out
                if inflater is not None and inflater.eof:
                    break
            if inflater is not None:
                if not inflater.eof:
                    raise BundleError(t("evidence.container.corrupt", name=info.name, reason="deflate stream ends early"))
                if left or inflater.unused_data:
                    raise BundleError(t("evidence.container.corrupt", name=info.name, reason="data after the deflate stream"))
            if produced != info.size:
                raise BundleError(t("evidence.container.truncated_member", name=info.name, got=produced, size=info.size))
            if crc != info.crc:
                raise BundleError(t("evidence.container.crc", name=info.name))
        except OSError as e:
            raise BundleError(t("evidence.container.unreadable", name=info.name, reason=e.strerror or str(e))) from None
        finally:
            f.close()


def _scan_zip(path: Path, file_size: int, limits: Limits) -> dict[str, MemberInfo]:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as e:
        raise BundleError(t("evidence.container.not_zip", path=path, reason=str(e))) from None
    except Exception as e:  # zipfile raises many types on hostile bytes
        raise BundleError(t("evidence.container.not_zip", path=path, reason=f"{type(e).__name__}: {e}")) from None
    if len(infos) > limits.max_members:
        raise BundleError(t("evidence.container.too_many", path=path, n=len(infos), limit=limits.max_members))
    members: dict[str, MemberInfo] = {}
    total = 0
    spans: list[tuple[int, int, str]] = []
    try:
        f = open(path, "rb")  # noqa: SIM115
    except OSError as e:
        raise BundleError(t("evidence.container.missing", path=path, reason=e.strerror or str(e))) from None
    with f:
        for zi in infos:
            name = zi.filename
            mode = (zi.external_attr >> 16) & 0xFFFF
            if name.endswith("/") and not stat.S_ISLNK(mode):
                if zi.file_size:
                    raise BundleError(t("evidence.container.not_regular", name=name))
                continue  # a directory entry, as zip tools add
            check_member_name(name)
            if mode and stat.S_ISLNK(mode):
                raise BundleError(t("evidence.container.symlink", name=name))
            if mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                raise BundleError(t("evidence.container.not_regular", name=name))
            if name in members:
                raise BundleError(t("evidence.container.duplicate", name=name))
            if zi.flag_bits & 0x1:
                raise BundleError(t("evidence.container.encrypted", name=name))
            if zi.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise BundleError(t("evidence.container.method", name=name, method=zi.compress_type))
            if zi.file_size > limits.max_member_bytes:
                raise BundleError(
                    t("evidence.container.too_big", name=name, size=_human(zi.file_size), limit=_human(limits.max_member_bytes))
                )
            if zi.compress_type == zipfile.ZIP_STORED and zi.compress_size != zi.file_size:
                raise BundleError(t("evidence.container.corrupt", name=name, reason="stored sizes differ"))
            total += zi.file_size
            if total > limits.max_total_bytes:
                raise BundleError(
                    t("evidence.container.too_big", name=name, size=_human(total), limit=_human(limits.max_total_bytes))
                )
            # the local header must agree with the central directory
            if zi.header_offset < 0 or zi.header_offset + _LOCAL_HEADER.size > file_size:
                raise BundleError(t("evidence.container.truncated", path=path))
            f.seek(zi.header_offset)
            head = f.read(_LOCAL_HEADER.size)
            if len(head) != _LOCAL_HEADER.size:
                raise BundleError(t("evidence.container.truncated", path=path))
            sig, _ver, _flags, method, _tm, _dt, _crc, _cs, _us, nlen, xlen = _LOCAL_HEADER.unpack(head)
            if sig != _LOCAL_SIG:
                raise BundleError(t("evidence.container.corrupt", name=name, reason="no local header"))
            local_name = f.read(nlen)
            if local_name.decode("utf-8", "replace") != name and local_name.decode("cp437", "replace") != name:
                raise BundleError(t("evidence.container.corrupt", name=name, reason="local header names another member"))
            if method != zi.compress_type:
                raise BundleError(t("evidence.container.corrupt", name=name, reason="compression methods differ"))
            data_offset = zi.header_offset + _LOCAL_HEADER.size + nlen + xlen
            end = data_offset + zi.compress_size
            if end > file_size:
                raise BundleError(t("evidence.container.truncated", path=path))
            spans.append((zi.header_offset, end, name))
            members[name] = MemberInfo(
                name=name,
                size=zi.file_size,
                compressed=zi.compress_size,
                method=zi.compress_type,
                crc=zi.CRC,
                data_offset=data_offset,
                header_offset=zi.header_offset,
            )
    spans.sort()
    for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            raise BundleError(t("evidence.container.overlap", a=n1, b=n2))
    return members


def _scan_dir(root: Path, limits: Limits) -> dict[str, MemberInfo]:
    members: dict[str, MemberInfo] = {}
    total = 0

    def walk(d: Path, prefix: str) -> None:
        nonlocal total
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as err:
            raise BundleError(t("evidence.container.unreadable", name=prefix or ".", reason=err.strerror or str(err))) from None
        for entry in entries:
            name = f"{prefix}{entry.name}"
            if entry.is_symlink():
                raise BundleError(t("evidence.container.symlink", name=name))
            if entry.is_dir(follow_symlinks=False):
                check_member_name(name)
                walk(Path(entry.path), name + "/")
                continue
            check_member_name(name)
            if not entry.is_file(follow_symlinks=False):
                raise BundleError(t("evidence.container.not_regular", name=name))
            size = entry.stat(follow_symlinks=False).st_size
            if size > limits.max_member_bytes:
                raise BundleError(
                    t("evidence.container.too_big", name=name, size=_human(size), limit=_human(limits.max_member_bytes))
                )
            total += size
            members[name] = MemberInfo(name=name, size=size)
            if len(members) > limits.max_members:
                raise BundleError(t("evidence.container.too_many", path=root, n=len(members), limit=limits.max_members))

    walk(root, "")
    if not members:
        raise BundleError(t("evidence.container.empty", path=root))
    return members


# -- writing ------------------------------------------------------------------------------


@dataclass
class _Entry:
    name: str
    size: int = 0
    sha256: str = ""


class _MemberSink:
    """A file-like object for one member being written; hashes what passes through."""

    def __init__(self, raw: IO[bytes], entry: _Entry) -> None:
        self._raw = raw
        self._h = hashlib.sha256()
        self.entry = entry

    def write(self, data: bytes) -> int:
        self._raw.write(data)
        self._h.update(data)
        self.entry.size += len(data)
        return len(data)

    def close(self) -> None:
        self._raw.close()
        self.entry.sha256 = self._h.hexdigest()

    def __enter__(self) -> _MemberSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class BundleWriter:
    """Writes members to a ZIP file (``unpacked=False``) or a directory, atomically: the
    result appears at ``path`` only when :meth:`finish` succeeds."""

    path: Path
    unpacked: bool = False
    compression: Compression = "auto"
    entries: dict[str, _Entry] = field(default_factory=dict)
    _tmp: Path | None = None
    _zip: Any = None

    def __post_init__(self) -> None:
        import tempfile
        import zipfile

        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.unpacked:
            self._tmp = Path(tempfile.mkdtemp(prefix=".accord-", dir=self.path.parent))
        else:
            fd, tmp = tempfile.mkstemp(prefix=".accord-", suffix=".tmp", dir=self.path.parent)
            os.close(fd)
            self._tmp = Path(tmp)
            self._zip = zipfile.ZipFile(self._tmp, "w", allowZip64=True)

    def open(self, name: str, *, compress: bool = True) -> _MemberSink:
        import zipfile

        check_member_name(name)
        if name in self.entries:
            raise BundleError(t("evidence.container.duplicate", name=name))
        entry = self.entries[name] = _Entry(name)
        assert self._tmp is not None
        if self.unpacked:
            target = self._tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            return _MemberSink(target.open("wb"), entry)
        zi = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
        zi.external_attr = (stat.S_IFREG | 0o644) << 16
        deflate = compress and self.compression != "stored"
        zi.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        if deflate:
            zi._compresslevel = 6  # type: ignore[attr-defined]
        return _MemberSink(self._zip.open(zi, "w", force_zip64=True), entry)

    def add(self, name: str, data: bytes, *, compress: bool = True) -> _Entry:
        with self.open(name, compress=compress) as sink:
            sink.write(data)
        return self.entries[name]

    def finish(self) -> Path:
        import shutil

        assert self._tmp is not None
        if self.unpacked:
            if self.path.exists():
                shutil.rmtree(self.path) if self.path.is_dir() else self.path.unlink()
            os.replace(self._tmp, self.path)
        else:
            self._zip.close()
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.path)
        self._tmp = None
        return self.path

    def abort(self) -> None:
        import shutil

        if self._zip is not None:
            with contextlib.suppress(Exception):
                self._zip.close()
        if self._tmp is not None:
            if self._tmp.is_dir():
                shutil.rmtree(self._tmp, ignore_errors=True)
            else:
                self._tmp.unlink(missing_ok=True)
            self._tmp = None
