"""RFC 6962 Merkle trees: the streaming root and audit paths against a direct recursion."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.evidence._merkle import (
    EMPTY_ROOT,
    MerkleBuilder,
    leaf_hash,
    merkle_root,
    node_hash,
    proof_from_leaves,
    proof_ranges,
    root_from_proof,
)


def mth(leaves: list[bytes]) -> bytes:
    """RFC 6962 section 2.1, as written."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m: int, leaves: list[bytes]) -> list[bytes]:
    """RFC 6962 section 2.1.1 PATH(m, D[n])."""
    n = len(leaves)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return [*path(m, leaves[:k]), mth(leaves[k:])]
    return [*path(m - k, leaves[k:]), mth(leaves[:k])]


def _leaves(n: int) -> list[bytes]:
    return [leaf_hash(f"record {i}".encode()) for i in range(n)]


def test_hash_prefixes() -> None:
    assert leaf_hash(b"abc") == hashlib.sha256(b"\x00abc").digest()
    assert node_hash(b"L", b"R") == hashlib.sha256(b"\x01LR").digest()
    assert merkle_root([]) == EMPTY_ROOT == hashlib.sha256(b"").digest()


@pytest.mark.parametrize("n", list(range(1, 70)))
def test_streaming_root_and_every_proof(n: int) -> None:
    leaves = _leaves(n)
    b = MerkleBuilder()
    for x in leaves:
        b.add(x)
    root = b.root()
    assert root == mth(leaves) and b.count == n
    for m in range(n):
        p = proof_from_leaves(m, n, iter(leaves))
        assert p == path(m, leaves)
        assert len(proof_ranges(m, n)) == len(p)
        assert root_from_proof(m, n, leaves[m], p) == root
        # a wrong leaf, a wrong index or a truncated path never reaches the root
        assert root_from_proof(m, n, leaf_hash(b"other"), p) != root
        if n > 1:
            assert root_from_proof((m + 1) % n, n, leaves[m], p) != root
            assert root_from_proof(m, n, leaves[m], p[:-1]) != root


def test_worked_example_from_the_docs() -> None:
    """The example in docs/bundle-format.md: three records "a", "b", "c"."""
    a, b, c = (leaf_hash(x) for x in (b"a", b"b", b"c"))
    assert a.hex() == "022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c"
    assert b.hex() == "57eb35615d47f34ec714cacdf5fd74608a5e8e102724e80b24b287c0c27b6a31"
    assert c.hex() == "597fcb31282d34654c200d3418fca5705c648ebf326ec73d8ddef11841f876d8"
    ab = node_hash(a, b)
    assert ab.hex() == "b137985ff484fb600db93107c77b0365c80d78f5b429ded0fd97361d077999eb"
    root = node_hash(ab, c)
    assert merkle_root([a, b, c]) == root
    assert root.hex() == "36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1"
    assert proof_from_leaves(2, 3, iter([a, b, c])) == [ab]
    assert proof_from_leaves(0, 3, iter([a, b, c])) == [b, c]


@given(st.integers(min_value=1, max_value=3000), st.data())
@settings(max_examples=60, deadline=None)
def test_large_trees(n: int, data: st.DataObject) -> None:
    leaves = _leaves(n)
    m = data.draw(st.integers(min_value=0, max_value=n - 1))
    root = merkle_root(leaves)
    assert root == mth(leaves)
    assert root_from_proof(m, n, leaves[m], proof_from_leaves(m, n, iter(leaves))) == root


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        proof_ranges(3, 3)
    assert root_from_proof(5, 3, b"x" * 32, []) is None


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 300), st.lists(st.integers(0, 300), max_size=6))
def test_runs_of_leaves_fold_into_the_same_root(n: int, cuts: list[int]) -> None:
    """Leaves cut into runs anywhere: each run's aligned subtrees (maximal, left to right),
    folded in order, give the root of one pass over all the leaves."""
    from accord.evidence._merkle import SubtreeBuilder

    leaves = [leaf_hash(b"%d" % i) for i in range(n)]
    bounds = sorted({0, n, *(c for c in cuts if c < n)})
    whole = MerkleBuilder()
    for leaf in leaves:
        whole.add(leaf)
    folded = MerkleBuilder()
    for a, b in zip(bounds, bounds[1:], strict=False):
        run = SubtreeBuilder(a)
        for leaf in leaves[a:b]:
            run.add(leaf)
        assert run.count == b
        subtrees = run.subtrees()
        pos = a
        for size, h in subtrees:
            assert size & (size - 1) == 0 and pos % size == 0  # aligned, perfect
            assert h == merkle_root(leaves[pos : pos + size])
            pos += size
            folded.add_subtree(size, h)
        assert pos == b
        # maximal: no two neighbours of one size form an aligned subtree of twice the size
        sizes = [size for size, _ in subtrees]
        starts = [a + sum(sizes[:i]) for i in range(len(sizes))]
        assert not any(sizes[i] == sizes[i + 1] and starts[i] % (2 * sizes[i]) == 0 for i in range(len(sizes) - 1))
    assert folded.count == n and folded.root() == whole.root()
