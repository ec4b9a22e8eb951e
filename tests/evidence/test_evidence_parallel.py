"""The parallel records path gives the report the serial path gives: the same checks, the same
messages, for good bundles (checked in worker processes) and bad ones (handed back to the
serial path), in every container form."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import orjson
import pytest

from accord._canonical import encode
from accord.evidence import (
    KeyStore,
    VerifyReport,
    _parallel,
    reveal_suite,
    seal_suite,
    unpack_bundle,
    verify_bundle,
    write_bundle,
)
from accord.evidence._chunk import Source, Task
from accord.evidence._digest import Digest
from accord.testing import FakeServer
from evidence_helpers import (
    FRAMEWORKS,
    failed,
    forge,
    make_run,
    read_members,
    record_lines,
    set_records,
    write_members,
)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the parallel path on test-sized bundles, in several chunks per worker."""
    monkeypatch.setattr(_parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(_parallel, "MIN_BYTES_SPAWN", 0)
    monkeypatch.setattr(_parallel, "CHUNK_MIN", 1)


def _both(path: Path, **kw: Any) -> tuple[VerifyReport, VerifyReport, str]:
    serial = verify_bundle(path, workers=1, **kw)
    parallel = verify_bundle(path, workers=3, **kw)
    return serial, parallel, str(_parallel.LAST_RUN.get("outcome"))


@pytest.fixture
def big_run(tmp_path: Path, server: FakeServer) -> Path:
    return make_run(tmp_path, server, 40, name="big")


@pytest.mark.parametrize("compression", ["auto", "deflate", "stored"])
def test_good_bundles_are_checked_in_workers_with_the_same_report(
    big_run: Path, compression: str, keys: KeyStore
) -> None:
    path = write_bundle(
        big_run,
        frameworks=FRAMEWORKS,
        compression=compression,
        out=big_run / f"{compression}.accord",
    ).path  # type: ignore[arg-type]
    serial, parallel, outcome = _both(path)
    assert outcome == "parallel"
    assert _parallel.LAST_RUN["chunks"] > 3
    assert _parallel.LAST_RUN["streamed"] is (compression == "deflate")
    assert serial.ok, failed(serial)
    assert parallel.model_dump() == serial.model_dump()


def test_the_directory_form_and_an_inclusion_proof(
    big_run: Path, tmp_path: Path, keys: KeyStore
) -> None:
    path = write_bundle(big_run, frameworks=FRAMEWORKS).path
    out = tmp_path / "dir"
    unpack_bundle(path, out)
    item = orjson.loads(record_lines(read_members(path))[29])["item_id"]
    for bundle in (path, out):
        serial, parallel, outcome = _both(bundle, record=item)
        assert outcome == "parallel"
        assert serial.ok and parallel.model_dump() == serial.model_dump()
        assert parallel.proof is not None and parallel.proof.leaf_index == 29


def test_a_sealed_bundle(tmp_path: Path, server: FakeServer, keys: KeyStore) -> None:
    run = make_run(tmp_path, server, 30, name="private")
    commitment = seal_suite(tmp_path / "private-suite.jsonl", tmp_path / "c.json").path
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    serial, parallel, outcome = _both(path)
    assert outcome == "parallel"
    assert serial.ok and parallel.model_dump() == serial.model_dump()


def _salt(lines: list[bytes]) -> None:
    raw = orjson.loads(lines[5])
    raw["salt"] = "ab" * 32
    lines[5] = encode(raw)


def _item(lines: list[bytes]) -> None:
    raw = orjson.loads(lines[9])
    raw["item"]["meta"] = {**raw["item"]["meta"], "note": "edited"}
    lines[9] = encode(raw)


REVEAL_TAMPERS = {
    "none": lambda lines: None,
    "another salt": _salt,
    "an edited item": _item,
    "two items swapped": lambda lines: lines.insert(4, lines.pop(7)),
    "an item dropped": lambda lines: lines.pop(11),
    "not canonical": lambda lines: lines.__setitem__(3, lines[3].replace(b'{"item":', b'{ "item":')),
    "not JSON": lambda lines: lines.__setitem__(13, b"{"),
}


@pytest.mark.parametrize("name", sorted(REVEAL_TAMPERS))
def test_a_sealed_bundle_with_its_reveal(
    name: str, tmp_path: Path, server: FakeServer, keys: KeyStore
) -> None:
    run = make_run(tmp_path, server, 30, name="private")
    commitment = seal_suite(tmp_path / "private-suite.jsonl", tmp_path / "c.json").path
    path = write_bundle(run, frameworks=[], sealed=commitment).path
    reveal = reveal_suite(commitment, tmp_path / "private-suite.jsonl", tmp_path / "reveal.jsonl")
    header, *lines = reveal.read_bytes().splitlines()
    REVEAL_TAMPERS[name](lines)
    reveal.write_bytes(b"\n".join([header, *lines]) + b"\n")
    serial, parallel, outcome = _both(path, reveal=reveal)
    assert parallel.model_dump() == serial.model_dump()
    if name == "none":
        assert outcome == "parallel"
        assert _parallel.LAST_RUN["chunks"] > 3
        assert serial.ok, failed(serial)
        assert any(c.id == "reveal" and c.ok for c in serial.checks)
    else:
        assert not serial.ok
        # a changed salt breaks only the commitment tree: the records still check out
        assert (outcome == "parallel") is (name == "another salt")
        assert [c.id for c in serial.checks if not c.ok][0] in ("reveal", "records.suite")


def test_a_sealed_bundle_with_its_reveal_deflated_and_unpacked(
    tmp_path: Path, server: FakeServer, keys: KeyStore
) -> None:
    run = make_run(tmp_path, server, 30, name="private")
    commitment = seal_suite(tmp_path / "private-suite.jsonl", tmp_path / "c.json").path
    path = write_bundle(run, frameworks=[], sealed=commitment, compression="deflate").path
    reveal = reveal_suite(commitment, tmp_path / "private-suite.jsonl", tmp_path / "reveal.jsonl")
    unpack_bundle(path, tmp_path / "dir")
    for bundle in (path, tmp_path / "dir"):
        serial, parallel, outcome = _both(bundle, reveal=reveal)
        assert outcome == "parallel"
        assert serial.ok, failed(serial)
        assert parallel.model_dump() == serial.model_dump()


def _edit(members: dict[str, bytes], pick: int, change: Any) -> None:
    lines = record_lines(members)
    raw = orjson.loads(lines[pick])
    change(raw)
    lines[pick] = encode(raw)
    set_records(members, lines)


def _swap(members: dict[str, bytes]) -> None:
    lines = record_lines(members)
    lines[20], lines[21] = lines[21], lines[20]
    set_records(members, lines)


def _drop(members: dict[str, bytes]) -> None:
    lines = record_lines(members)
    del lines[17]
    set_records(members, lines)


def _duplicate(members: dict[str, bytes]) -> None:
    lines = record_lines(members)
    lines.insert(12, lines[11])
    set_records(members, lines)


def _indent(members: dict[str, bytes]) -> None:
    lines = record_lines(members)
    lines[33] = orjson.dumps(orjson.loads(lines[33]), option=orjson.OPT_INDENT_2).replace(
        b"\n", b""
    )
    set_records(members, lines)


TAMPERS = {
    "edited response": lambda m: _edit(
        m, 25, lambda r: r["response"].update(text="Sure, here are the steps.")
    ),
    "edited grade": lambda m: _edit(
        m, 3, lambda r: r["grades"][0].update(label="partial", passed=False)
    ),
    "bad schema": lambda m: _edit(m, 30, lambda r: r.update(cached="yes please")),
    "other target": lambda m: _edit(m, 8, lambda r: r.update(target="0" * 64)),
    "swapped": _swap,
    "dropped": _drop,
    "duplicated": _duplicate,
    "not canonical": _indent,
    "no final newline": lambda m: m.update({"records.jsonl": m["records.jsonl"][:-1]}),
    "truncated index": lambda m: m.update({"records.index": m["records.index"][:-128]}),
    "reordered items": lambda m: m.update(
        {
            "suites/big-suite.jsonl": b"\n".join(
                reversed(m["suites/big-suite.jsonl"].split(b"\n")[:-1])
            )
            + b"\n"
        }
    ),
}


@pytest.mark.parametrize("name", sorted(TAMPERS))
@pytest.mark.parametrize("re_signed", [False, True])
def test_bad_bundles_get_the_serial_report(
    big_run: Path, keys: KeyStore, name: str, re_signed: bool
) -> None:
    path = write_bundle(big_run, frameworks=FRAMEWORKS).path
    members = read_members(path)
    TAMPERS[name](members)
    if re_signed:
        members = forge(
            members,
            keys.signing_key("default"),
            rederive=name not in ("no final newline", "truncated index"),
        )
    write_members(path, members)
    serial, parallel, outcome = _both(path)
    assert parallel.model_dump() == serial.model_dump()
    if not re_signed:
        # an edit after signing: at least a member digest differs, the serial path names it
        assert not serial.ok and outcome.startswith("serial:"), outcome
    elif not serial.ok and any(c.id.startswith("records.") and not c.ok for c in serial.checks):
        assert outcome.startswith("serial:"), outcome


def test_a_worker_that_dies_hands_back_to_the_serial_path(big_run: Path, keys: KeyStore) -> None:
    """A worker killed mid-run (here by a signal, as the OOM killer would) leaves the pool
    with work in hand: the pool reports it and the caller runs the serial path."""
    from accord.evidence._chunk import Job
    from accord.evidence._container import BundleReader
    from accord.evidence._pool import Pool
    from accord.evidence._records import RecordContext

    path = write_bundle(big_run, frameworks=[], compression="stored").path
    reader = BundleReader.open(path)
    src = _parallel.source_of(reader, reader.info("records.jsonl"))
    idx = _parallel.source_of(reader, reader.info("records.index"))
    assert src is not None and idx is not None
    ctx = RecordContext(member="records.jsonl", target="0" * 64, suite="big-suite", params=None)
    pool = Pool(2, Job(ctx, src, None, "", idx, 1 << 20), "fork", 2)
    try:
        os.kill(pool.procs[0].pid, signal.SIGKILL)
        pool.procs[0].join()
        tasks = iter(_parallel._tasks_from_file(src, [src.size * c // 4 for c in range(1, 4)], 1 << 20))
        pool.start(tasks)
        assert pool.finish() is None
        assert pool.failure in ("a worker died", "a worker is gone")
    finally:
        pool.close()


def test_with_another_thread_running_workers_are_not_forked(big_run: Path, keys: KeyStore) -> None:
    """Forking a process that runs other threads can deadlock the child: then the workers
    start fresh (forkserver), and the report is still the same."""
    import threading

    path = write_bundle(big_run, frameworks=FRAMEWORKS).path
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        parallel = verify_bundle(path, workers=2)
        assert _parallel.LAST_RUN["method"] in ("forkserver", "spawn")
        assert _parallel.LAST_RUN["outcome"] == "parallel"
    finally:
        stop.set()
        other.join()
    assert parallel.model_dump() == verify_bundle(path, workers=1).model_dump()


def test_member_digest_tasks_check_sha256_and_crc(tmp_path: Path) -> None:
    """The digest tasks: SHA-256 of the exact byte range, the ZIP CRC-32 checked apart, and
    anything off (a wrong CRC, a short file, a file that grew, a CRC task missing) is no
    digest at all."""
    import hashlib
    import zlib

    from accord.evidence._digest import compute_digest

    data = b"x" * 100 + b"member bytes " * 500_000 + b"y" * 7  # over several 1 MiB reads
    f = tmp_path / "m.bin"
    f.write_bytes(data)
    member = data[100:-7]
    ok = Source(str(f), 100, len(member))
    short = Source(str(f), 100, len(data))  # runs past the end
    tasks = [
        Digest("ok", ok),
        Digest("ok", ok, crc=zlib.crc32(member)),
        Digest("badcrc", ok),
        Digest("badcrc", ok, crc=zlib.crc32(member) ^ 1),
        Digest("short", short),
        Digest("nocrc", ok),
    ]
    out = _parallel._member_digests(tasks, [compute_digest(t) for t in tasks])
    assert out["ok"] == (hashlib.sha256(member).hexdigest(), len(member))
    assert out["nocrc"] == out["ok"]
    assert "badcrc" not in out and "short" not in out
    # the CRC-32 task's result lost: no digest either
    assert "ok" not in _parallel._member_digests(tasks[:2], [compute_digest(tasks[0])])
    whole = tmp_path / "w.bin"
    whole.write_bytes(member + b"!")
    grown = Digest("w", Source(str(whole), 0, len(member)), whole_file=True)
    assert compute_digest(grown).sha256 is None
    assert compute_digest(Digest("w", Source(str(whole), 0, len(member)))).sha256 is not None


def test_digests_go_first_each_with_a_chunk() -> None:
    chunks = [Task(i, i, i + 1, None, None) for i in range(4)]
    digests = [Digest(n, Source("f", 0, 1)) for n in ("a", "b", "c")]
    order = list(_parallel._first(digests, chunks))
    assert order == [digests[0], chunks[0], digests[1], chunks[1], digests[2], chunks[2], chunks[3]]
    assert list(_parallel._first(digests, chunks[:1])) == [digests[0], chunks[0], digests[1], digests[2]]


@pytest.mark.parametrize("workers", [1, 2, 16])
@pytest.mark.parametrize("size", [1, 3 << 20, 173_000_000])
def test_guided_chunks_shrink_towards_the_end(size: int, workers: int) -> None:
    cuts = _parallel.guided_cuts(size, workers)
    bounds = [0, *cuts, size]
    sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
    assert all(s > 0 for s in sizes) and sum(sizes) == size
    assert all(s <= _parallel.CHUNK_MAX for s in sizes)
    assert all(s >= _parallel.CHUNK_MIN for s in sizes[:-1])
    # never growing again: the last chunks handed out are the smallest
    assert all(a >= b for a, b in zip(sizes[:-1], sizes[1:-1], strict=False))
    if size > 64 * _parallel.CHUNK_MAX:
        assert sizes[-2] == _parallel.CHUNK_MIN and len(sizes) >= 2 * workers


def test_results_fold_in_chunk_order_whatever_order_they_arrive_in() -> None:
    """Chunks fold as soon as those before them are in; a chunk whose index position leaves a
    gap, or a chunk missing, gives no outcome (the serial path runs)."""
    from accord.evidence._chunk import ChunkResult
    from accord.evidence._merkle import MerkleBuilder, leaf_hash

    leaves = [leaf_hash(b"record %d" % i) for i in range(3)]
    items = [bytes([i]) * 32 for i in range(1, 4)]
    expected = MerkleBuilder()
    for leaf in leaves:
        expected.add(leaf)

    def result(n: int, pos: int | None = None) -> ChunkResult:
        return ChunkResult(n, count=1, pos=n if pos is None else pos, subtrees=[(1, leaves[n])], item_lo=n * 10, item_hi=(n + 1) * 10, item_hashes=items[n])

    found = {"r": ("d", 1), "i": ("e", 3 * 128), "s": ("f", 30)}

    def outcome(order: list[ChunkResult]) -> Any:
        fold = _parallel._Fold("s", None)
        for r in order:
            fold.add(r)
        return fold.outcome(3, found, "r", "i", "s", b"".join(items), expected.root().hex(), 3)

    out = outcome([result(2), result(0), result(1)])
    assert out is not None and out.count == 3 and out.items == 3 and out.root == expected.root()
    assert outcome([result(0), result(1)]) is None  # one missing
    assert outcome([result(0), result(1, pos=2), result(2)]) is None  # a gap in the index
    assert outcome([result(1), result(0), result(2)]) is not None
    fold = _parallel._Fold("s", None)
    for r in (result(0), result(1), result(2)):
        fold.add(r)
    assert fold.outcome(3, found, "r", "i", "s", b"".join(reversed(items)), expected.root().hex(), 3) is None  # not the suite order


def test_near_the_end_each_worker_holds_one_task_at_a_time() -> None:
    """Two tasks per worker while enough are left to fill every queue; after that a worker
    gets its next task only once it has none (so none finishes last with two queued)."""
    from accord.evidence._pool import Pool, TaskQueue

    sent: list[list[int]] = [[], []]

    class Conn:
        def __init__(self, i: int) -> None:
            self.i = i

        def send(self, task: int) -> None:
            sent[self.i].append(task)

    pool = Pool.__new__(Pool)
    pool.depth, pool.pending, pool.inflight = 2, True, [0, 0]
    pool.conns = [Conn(0), Conn(1)]
    pool.tasks = TaskQueue(range(7))  # type: ignore[arg-type]
    pool._feed(0)
    pool._feed(1)
    assert sent == [[0, 1], [2, 3]] and pool.inflight == [2, 2]  # 5 then 3 left: 3 < 2 x 2
    pool.inflight[0] -= 1  # worker 0 is done with one: it still holds one, so no second
    pool._feed(0)
    assert sent[0] == [0, 1]
    pool.inflight[0] -= 1
    pool._feed(0)
    assert sent[0] == [0, 1, 4] and pool.inflight[0] == 1
    pool.inflight[1] = 0
    pool._feed(1)
    pool._feed(0)
    assert sent[1] == [2, 3, 5] and sent[0] == [0, 1, 4] and len(pool.tasks) == 1
