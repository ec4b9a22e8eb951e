"""A member's SHA-256 or CRC-32, computed by one of ``verify``'s worker processes (see
``_parallel``).

The parent hands these out before the chunks, so one worker hashes a member while the others
check records. They used to run in threads of the parent, where each 4 MiB step had to win
the GIL back from the parent's own Python work (its share of the checking, the results it
unpickles): hashing 173 MB took 0.36 s instead of 0.14 s on a 16-core machine, the last thing
the parent waited for.
"""

from __future__ import annotations

import hashlib
import os
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from accord.evidence._chunk import Source

__all__ = ["Digest", "DigestResult", "compute_digest"]

_BLOCK = 1 << 20


class Digest(NamedTuple):
    """Compute the SHA-256 of member ``name`` (``crc`` None), or whether its CRC-32 is
    ``crc``. ``whole_file``: the member is a file of its own (a directory bundle), which must
    also end where the member ends."""

    name: str
    src: Source
    crc: int | None = None
    whole_file: bool = False


@dataclass(eq=False)
class DigestResult:
    """What a :class:`Digest` found: ``sha256`` (hex digest, size) or None when the read came
    up short; for a CRC task, ``crc_ok``."""

    name: str
    crc: bool
    sha256: tuple[str, int] | None = None
    crc_ok: bool = False
    busy_s: float = 0.0
    began: float = 0.0


class _ShortRead(Exception):
    pass


def _blocks(src: Source, whole_file: bool) -> Iterator[memoryview]:
    """The member's bytes in views of up to 1 MiB (each valid until the next). Raises
    ``_ShortRead`` if the file ends early or (``whole_file``) goes on past the member."""
    left = src.size
    fd = os.open(src.path, os.O_RDONLY | (getattr(os, "O_NOFOLLOW", 0) if src.nofollow else 0))
    with os.fdopen(fd, "rb", buffering=0) as f:
        f.seek(src.offset)
        view = memoryview(bytearray(_BLOCK))
        while left > 0:
            n = f.readinto(view[: min(_BLOCK, left)])
            if not n:
                raise _ShortRead
            yield view[:n]
            left -= n
        if whole_file and f.read(1):
            raise _ShortRead  # the file grew


def compute_digest(task: Digest) -> DigestResult:
    """Run ``task``. A member that cannot be read whole gives no digest (or a CRC that does
    not match): the parent then takes the serial path, which names the problem. Raises
    ``OSError`` when the file cannot be opened."""
    began = time.perf_counter()
    res = DigestResult(task.name, crc=task.crc is not None)
    try:
        if task.crc is None:
            h = hashlib.sha256()
            for view in _blocks(task.src, task.whole_file):
                h.update(view)
            res.sha256 = (h.hexdigest(), task.src.size)
        else:
            c = 0
            for view in _blocks(task.src, False):
                c = zlib.crc32(view, c)
            res.crc_ok = c == task.crc
    except _ShortRead:
        pass
    res.busy_s = time.perf_counter() - began
    res.began = began
    return res
