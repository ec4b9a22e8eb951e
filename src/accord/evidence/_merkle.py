"""RFC 6962 / RFC 9162 Merkle trees over a bundle's records.

- leaf hash: ``SHA-256(0x00 || record bytes)``
- node hash: ``SHA-256(0x01 || left || right)``
- the tree over ``n`` leaves splits at the largest power of two below ``n``; the empty tree's
  hash is ``SHA-256("")``.

:class:`MerkleBuilder` computes the root of a stream of leaves with a stack of at most
``log2(n) + 1`` hashes. Inclusion proofs are audit paths (RFC 9162 section 2.1.3): the sibling
subtree hashes from the leaf up; :func:`proof_ranges` says which leaf ranges they cover, so a
proof is computed from the stream of leaf hashes in one pass with O(log n) memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

__all__ = [
    "EMPTY_ROOT",
    "MerkleBuilder",
    "SubtreeBuilder",
    "leaf_hash",
    "merkle_root",
    "node_hash",
    "proof_from_leaves",
    "proof_ranges",
    "root_from_proof",
]

_sha256 = hashlib.sha256
EMPTY_ROOT = _sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return _sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(b"\x01" + left + right).digest()


class MerkleBuilder:
    """Streaming RFC 6962 root: ``add`` leaf hashes in order, then ``root()``.

    The stack holds the roots of the perfect subtrees of the leaves so far, largest first
    (the binary digits of the count); a new leaf merges equal-sized neighbours like a
    binary counter carrying.
    """

    __slots__ = ("_hashes", "_sizes", "count")

    def __init__(self) -> None:
        self._hashes: list[bytes] = []
        self._sizes: list[int] = []
        self.count = 0

    def add(self, leaf: bytes) -> None:
        self._push(leaf, 1)
        self.count += 1

    def add_subtree(self, size: int, h: bytes) -> None:
        """Add ``size`` leaves at once by the root ``h`` of their perfect subtree; ``size``
        is a power of two dividing :attr:`count` (an aligned subtree, as
        :class:`SubtreeBuilder` gives), so the result is as if they were added one by one."""
        if size <= 0 or size & (size - 1) or self.count % size:
            raise ValueError(f"a subtree of {size} leaves is not aligned at leaf {self.count}")
        self.count += size
        self._push(h, size)

    def _push(self, h: bytes, size: int) -> None:
        """Put the root ``h`` of ``size`` leaves on the stack, merging equal-sized subtrees."""
        hashes, sizes = self._hashes, self._sizes
        while sizes and sizes[-1] == size:
            h = _sha256(b"\x01" + hashes.pop() + h).digest()
            size += sizes.pop()
        hashes.append(h)
        sizes.append(size)

    def root(self) -> bytes:
        if not self._hashes:
            return EMPTY_ROOT
        h = self._hashes[-1]
        for left in reversed(self._hashes[:-1]):
            h = node_hash(left, h)
        return h


class SubtreeBuilder:
    """The leaves ``start, start + 1, ...`` of a larger tree, as the roots of the maximal
    aligned perfect subtrees they fill (a subtree of size ``2**k`` starting at a multiple of
    ``2**k``). A worker computes these for its run of leaves; :meth:`MerkleBuilder.add_subtree`
    assembles the root from all runs in order, with as many hashes as a full pass.

    The leaves are kept (32 bytes each: a worker's run is a few thousand) and hashed level by
    level at the end, each level in one pass, instead of merging on a stack leaf by leaf."""

    __slots__ = ("_leaves", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self._leaves: list[bytes] = []

    @property
    def count(self) -> int:
        """The position of the next leaf in the whole tree."""
        return self.start + len(self._leaves)

    def add(self, leaf: bytes) -> None:
        self._leaves.append(leaf)

    def subtrees(self) -> list[tuple[int, bytes]]:
        """(size, root) of each aligned subtree, left to right, covering the leaves added."""
        left: list[tuple[int, bytes]] = []
        right: list[tuple[int, bytes]] = []
        nodes = self._leaves
        lo, hi, size = self.start, self.start + len(nodes), 1
        # at each level, a node at an odd position on the left edge (or one at an even
        # position on the right edge) has no sibling among these leaves: it is a maximal
        # aligned subtree; the others pair up into the level above
        while lo < hi:
            if lo & 1:
                left.append((size, nodes[0]))
                nodes = nodes[1:]
                lo += 1
            if hi & 1 and lo < hi:
                right.append((size, nodes[-1]))
                nodes = nodes[:-1]
                hi -= 1
            if lo == hi:
                break
            pairs = zip(nodes[::2], nodes[1::2], strict=True)
            nodes = [_sha256(b"\x01" + a + b).digest() for a, b in pairs]
            lo, hi, size = lo // 2, hi // 2, size * 2
        return left + right[::-1]


def merkle_root(leaves: Iterable[bytes]) -> bytes:
    """Root over leaf hashes (already ``leaf_hash``-ed)."""
    b = MerkleBuilder()
    for leaf in leaves:
        b.add(leaf)
    return b.root()


def _split(n: int) -> int:
    """The largest power of two strictly below ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def proof_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """Leaf ranges ``[start, end)`` whose subtree hashes form the audit path of ``index``,
    from the leaf's sibling up to the root's other child (RFC 9162 PATH order)."""
    if not 0 <= index < size:
        raise ValueError(f"leaf index {index} outside a tree of {size} leaves")
    out: list[tuple[int, int]] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            out.append((lo + k, hi))
            hi = lo + k
        else:
            out.append((lo, lo + k))
            lo = lo + k
    out.reverse()
    return out


def proof_from_leaves(index: int, size: int, leaves: Iterator[bytes]) -> list[bytes]:
    """The audit path of leaf ``index`` computed from the stream of all ``size`` leaf hashes."""
    ranges = proof_ranges(index, size)
    by_start = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
    hashes: list[bytes] = [b""] * len(ranges)
    pos = 0
    for i in by_start:
        start, end = ranges[i]
        while pos < start:  # the proven leaf itself
            next(leaves)
            pos += 1
        b = MerkleBuilder()
        while pos < end:
            b.add(next(leaves))
            pos += 1
        hashes[i] = b.root()
    return hashes


def root_from_proof(index: int, size: int, leaf: bytes, path: list[bytes]) -> bytes | None:
    """The root implied by an audit path (RFC 9162 section 2.1.3.2), or None when the path
    has the wrong length for ``index`` in a tree of ``size`` leaves."""
    if not 0 <= index < size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None
