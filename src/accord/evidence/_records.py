"""Checking a bundle's records and suite items, one line at a time.

:class:`RecordChecker` holds everything ``verify`` checks per record (canonical form, schema,
order, the signed index, the target, the suite item and its rendering, re-grading) and what
it keeps for later (the Merkle tree, counts for the summary and the verdicts, coverage). It
works on any run of consecutive records: ``verify`` feeds it the whole member in one stream
(see ``_verify``), or worker processes feed it one chunk each (see ``_parallel``), with the
items and index entries of the chunk's item-hash range.

:class:`ItemChecker` checks a suite's item lines the same way (canonical, sorted by item
hash, once each) and hands each item on with its hash.

Fast paths (see ``_fast``) decide the common case; everything else takes the exact path
(``parse_canonical``, pydantic), so every message is the one the exact checks give.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

import orjson
from pydantic import ValidationError

from accord._canonical import CanonicalError, encode, parse_canonical
from accord._canonical import digest as messages_digest
from accord.errors import AccordError
from accord.evidence._aggregate import Key, Tally
from accord.evidence._fast import (
    canonical_line,
    item_for_record,
    item_shape,
    make_item,
    record_shape,
)
from accord.i18n import t

__all__ = [
    "MAX_DETAILS",
    "Issues",
    "ItemChecker",
    "RecordChecker",
    "RecordContext",
    "RecordsFound",
    "first_error",
]

MAX_DETAILS = 20
BATCH = 256
"""Records checked together, step by step (see :meth:`RecordChecker.lines`)."""
_ITEMS_AHEAD = BATCH
"""Items without a record a batch may read past (further ones: record by record), so what a
batch reads ahead stays bounded."""
_HEX64 = re.compile(r"[0-9a-f]{64}").fullmatch
_sha256 = hashlib.sha256
_loads = orjson.loads
_JSONError = orjson.JSONDecodeError


def first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(top)"
    return f"{loc}: {err['msg']}"


@dataclass
class Issues:
    """Failures of one check: the first few in full, then a count."""

    items: list[str] = field(default_factory=list)
    more: int = 0

    def add(self, text: str) -> None:
        if len(self.items) < MAX_DETAILS:
            self.items.append(text)
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.items)

    def details(self) -> list[str]:
        return self.items + ([t("evidence.verify.more", n=self.more)] if self.more else [])


class Tree(Protocol):
    """A Merkle tree being built leaf by leaf."""

    @property
    def count(self) -> int:
        """The next leaf's position."""
        ...

    def add(self, leaf: bytes) -> None: ...


@dataclass(frozen=True)
class RecordContext:
    """What checking a record needs besides the record (picklable: workers get a copy)."""

    member: str
    """The records member's name (for messages)."""
    target: str
    """The signed target digest every record must name."""
    suite: str
    """The suite's name, which records bound to an item must carry."""
    params: Any
    """The target's generation parameters (``accord.targets.GenerationParams``)."""
    record: str | None = None
    """An item id whose record (and its position) is kept, for an inclusion proof."""
    sealed: bool = False
    """The suite is sealed: records carry no prompt (``request.messages`` is empty; the
    request digest is checked against the revealed item's rendering), and without the reveal
    they are counted per (category, language) and not re-graded."""


@dataclass
class RecordsFound:
    """What checking all of a bundle's records found, whichever path checked them."""

    count: int
    root: bytes
    records_digest: tuple[str, int]
    index_digest: tuple[str, int]
    items_without_record: int
    items_missing: list[str]
    sealed_counts: Counter[tuple[str, str]]
    regraded: int
    regrade_skipped: Counter[str]
    tally: Tally
    found: tuple[int, str, str, bytes] | None

    def found_fields(self) -> dict[str, Any]:
        """These fields by name (to build a subclass from another)."""
        return {f.name: getattr(self, f.name) for f in fields(RecordsFound)}


def _read_line(line: bytes, shape_of: Callable[[Any], bool]) -> tuple[Any, Any, bool, CanonicalError | None]:
    """``(parsed, exact, shape, error)`` for one JSON line: ``parsed`` by orjson (None: not
    JSON), ``exact`` as RFC 8785 parsing reads it (``parsed`` itself when the fast path
    decides), whether ``shape_of`` accepts it, and why it is not canonical (None: it is)."""
    raw: Any = None
    try:  # noqa: SIM105 (a try costs nothing here; a context manager would, per line)
        raw = _loads(line)
    except _JSONError:
        pass
    shape = raw is not None and shape_of(raw)
    if shape and canonical_line(raw, line):
        return raw, raw, True, None
    try:
        return raw, parse_canonical(line), shape, None
    except CanonicalError as e:
        return raw, None, shape, e


class ItemChecker:
    """A suite member's item lines, checked: canonical JSON, strictly increasing item hash.

    Iterating yields ``(item hash hex, item JSON, shape)`` for each item that passes (with
    ``shape`` True when ``_fast.item_shape`` holds, so the item is valid without pydantic);
    ``on_item`` sees each such item's raw hash and line number. Failures go to ``issues``."""

    def __init__(
        self,
        member: str,
        lines: Iterable[bytes],
        issues: Issues,
        on_item: Callable[[bytes, int], None] | None = None,
    ) -> None:
        self.member = member
        self.lines = lines
        self.issues = issues
        self.on_item = on_item
        self.count = 0

    def __iter__(self) -> Iterator[tuple[str, Any, bool]]:
        prev = ""
        issues = self.issues
        for n, line in enumerate(self.lines, 1):
            _, raw, shape, error = _read_line(line, item_shape)
            if error is not None:
                issues.add(
                    t(
                        "evidence.verify.line_not_canonical",
                        name=self.member,
                        line=n,
                        reason=str(error),
                    )
                )
                continue
            digest = _sha256(line).digest()
            h = digest.hex()
            if h <= prev:
                issues.add(t("evidence.verify.items_order", name=self.member, line=n))
                continue
            prev = h
            self.count += 1
            if self.on_item is not None:
                self.on_item(digest, n)
            yield h, raw, shape


def _same_grade(again: Any, g: dict[str, Any]) -> bool:
    """Whether the Grade ``again`` equals the grade JSON ``g`` (every field, as ``==`` on two
    Grade models compares them)."""
    return bool(
        again.grader == g["grader"]
        and again.label == g["label"]
        and again.score == g["score"]
        and again.passed == g["passed"]
        and again.rationale == g["rationale"]
    )


class RecordChecker:
    """The per-record checks of ``verify`` over a run of consecutive records.

    ``items`` yields the suite's items (hash, JSON, shape) sorted by hash, covering at least
    the records' hashes (None: no items to bind to); ``index`` yields the signed index's
    entries for these records (None: no index); ``tree`` takes each record's leaf hash.
    """

    def __init__(
        self,
        ctx: RecordContext,
        items: Iterator[tuple[str, Any, bool]] | None,
        index: Iterator[bytes] | None,
        tree: Tree,
    ) -> None:
        from accord.engine import render
        from accord.suites import Item

        self.ctx = ctx
        self._render = render
        self._item_cls = Item
        self.items = items
        self.index_entries = index
        self.tree = tree
        self.canon, self.schema, self.order, self.index, self.binding, self.regrade, self.target = (
            Issues() for _ in range(7)
        )
        self.tally = Tally()
        self.clean = True
        """Every record parsed, valid and in strictly increasing order with distinct 96-bit
        hash prefixes, all counted in :attr:`tally` (which then gives the verdicts too)."""
        self.count = 0
        self.prev = ""
        self.order_broken = False
        self.pending_missing: dict[bytes, int] = {}
        self.idx_pos = -1
        self.items_without_record = 0
        self.items_missing: list[str] = []
        self.sealed_counts: Counter[tuple[str, str]] = Counter()
        self.regraded = 0
        self.regrade_skipped: Counter[str] = Counter()
        self.found: tuple[int, str, str, bytes] | None = None
        self.graders: dict[str, Any | None] = {}
        self._fed: tuple[str, Key] | None = None
        self._idx_ahead: deque[bytes] = deque()
        """Index entries read ahead by a batch (at most one per record of the batch)."""
        self._items_ahead: deque[tuple[str, Any, bool]] = deque()
        """Items read ahead by a batch (at most one per record and ``_ITEMS_AHEAD`` more)."""
        self.cur = self._next_idx()
        self.item_cur = next(items, None) if items is not None else None

    # -- helpers ------------------------------------------------------------------------------

    def _next_idx(self) -> bytes | None:
        if self.index_entries is None:
            return None
        ahead = self._idx_ahead
        e = ahead.popleft() if ahead else next(self.index_entries, None)
        if e is not None:
            self.idx_pos += 1
        return e

    def _next_item(self) -> tuple[str, Any, bool] | None:
        if self.items is None:
            return None
        ahead = self._items_ahead
        return ahead.popleft() if ahead else next(self.items, None)

    def grader(self, grader_id: str) -> Any | None:
        """The rule grader to re-grade the grades of ``grader_id`` (``name@version``) with;
        None when there is none here (an unknown name, another version, or a judge, whose
        grades are taken as recorded)."""
        if grader_id in self.graders:
            return self.graders[grader_id]
        from accord.graders import create_grader

        name, _, version = grader_id.partition("@")
        g: Any
        try:
            g = create_grader(name)
        except AccordError:
            g = None
        if g is not None and (str(g.version) != version or hasattr(g, "agrade")):
            g = None
        self.graders[grader_id] = g
        return g

    def _skip_item(self) -> None:
        assert self.item_cur is not None
        self.items_without_record += 1
        if len(self.items_missing) < MAX_DETAILS:
            self.items_missing.append(str(self.item_cur[1].get("id", self.item_cur[0][:12])))
        self.item_cur = self._next_item()

    # -- records in batches -------------------------------------------------------------------

    def lines(self, first: int, lines: Sequence[bytes]) -> None:
        """Check consecutive record lines (without their newlines), the first at 1-based line
        ``first``: exactly as :meth:`line` for each, in batches of :data:`BATCH`.

        Each batch goes step by step over all its records (parse, shape, canonical, order,
        index, items, rendering, request digest, re-grade, then the counts), so each step's
        code stays in the CPU caches across records instead of running cold once per record
        (~20% less CPU per record on the development machine). Only records that pass every
        check are taken this way: from the first one that does not, the rest of the batch
        goes through :meth:`line`, which names every problem as it always does.

        Items and index entries are read up to a batch ahead (see ``_clean_prefix``), so an
        error raised by those iterators may surface a few records earlier than with
        :meth:`line`: the workers (in-memory data, any error ends the chunk) use this, the
        serial pass over streamed members uses :meth:`line`."""
        line = self.line
        for s in range(0, len(lines), BATCH):
            batch = lines[s : s + BATCH]
            k = self._clean_prefix(batch)
            for j in range(k, len(batch)):
                line(first + s + j, batch[j])

    def _clean_prefix(self, batch: Sequence[bytes]) -> int:
        """Take the longest run of records at the start of ``batch`` that pass every check
        (with exactly the effect :meth:`line` has on them); how many were taken.

        Every step before the last only reads (items and index entries it looks at are kept
        for :meth:`line` in ``_items_ahead`` / ``_idx_ahead``); the last takes the records."""
        ctx = self.ctx
        # parse, shape, canonical
        raws: list[Any] = []
        loads = _loads
        try:
            for x in batch:
                raws.append(loads(x))
        except _JSONError:
            pass
        k = len(raws)
        for j in range(k):
            if not record_shape(raws[j]):
                k = j
                break
        for j in range(k):
            if not canonical_line(raws[j], batch[j]):
                k = j
                break
        # hex hashes and target, strictly increasing with distinct 96-bit prefixes
        target = ctx.target
        prev = self.prev
        hashes: list[str] = []
        for j in range(k):
            r = raws[j]
            h = r["item_hash"]
            if r["target"] != target or h <= prev or h[:24] == prev[:24] or _HEX64(h) is None:
                k = j
                break
            hashes.append(h)
            prev = h
        if not k:
            return 0
        leaves = [_sha256(b"\x00" + x).digest() for x in batch[:k]]
        # the signed index: the next entries are these records', one each
        if self.index_entries is not None:
            ahead = self._idx_ahead
            entries = self.index_entries
            while len(ahead) < k - 1:
                e = next(entries, None)
                if e is None:
                    break
                ahead.append(e)
            cur = self.cur
            for j in range(k):
                if j:
                    if j > len(ahead):
                        k = j
                        break
                    cur = ahead[j - 1]
                if cur is None or cur[32:64] != leaves[j] or cur[:32] != bytes.fromhex(hashes[j]):
                    k = j
                    break
            if not k:
                return 0
        # the suite: each record's item, in order, past items without a record
        objs: list[Any] = []
        items = self.items
        bound = items is not None
        if items is not None:
            seen: deque[tuple[str, Any, bool]] = self._items_ahead
            ic = self.item_cur
            at = -1  # ic is seen[at] (-1: self.item_cur)
            skips = 0
            for j in range(k):
                h = hashes[j]
                while ic is not None and ic[0] < h:  # items without a record
                    if skips == _ITEMS_AHEAD:
                        ic = None  # read no further ahead: line() goes on from here
                        break
                    skips += 1
                    at += 1
                    if at == len(seen):
                        nxt = next(items, None)
                        if nxt is None:
                            ic = None
                            break
                        seen.append(nxt)
                    ic = seen[at]
                if ic is None or ic[0] != h or not ic[2]:
                    k = j
                    break
                objs.append(ic[1])
                at += 1
                if at == len(seen):
                    nxt = next(items, None)
                    if nxt is None:
                        ic = None
                        continue
                    seen.append(nxt)
                ic = seen[at]
            try:
                objs = [make_item(d) for d in objs[:k]]
            except ValidationError:
                return 0
            # the record agrees with its item, and is rendered the same way
            problem = self._binding_problem
            for j in range(k):
                r = raws[j]
                if problem(r, r["request"], objs[j]) is not None:
                    k = j
                    break
        # the request digest (sealed: no prompt; the binding above checked the digest)
        no_prompt = ctx.sealed
        for j in range(k):
            req = raws[j]["request"]
            if no_prompt:
                if req["messages"]:
                    k = j
                    break
            elif req["hash"] != messages_digest(req["messages"], trusted=True):
                k = j
                break
        # re-grade deterministic graders
        regraded = 0
        skipped: list[str] = []
        graders = self.graders
        for j in range(k):
            r = raws[j]
            response = r["response"]
            grades = r["grades"]
            if response is None or not grades:
                continue
            obj = objs[j] if bound else None if no_prompt else self._item_from_record(r, r["request"]["messages"])
            n_skipped = len(skipped)
            n_regraded = regraded
            for g in grades:
                gid = g["grader"]
                gr = graders[gid] if gid in graders else self.grader(gid)
                if gr is None or obj is None:
                    skipped.append(gid)
                    continue
                regraded += 1
                if not _same_grade(gr.grade(obj, response["text"]), g):
                    break
            else:
                continue
            del skipped[n_skipped:]
            regraded = n_regraded
            k = j
            break
        if not k:
            return 0
        # take the k records
        self.count += k
        tree = self.tree
        for leaf in leaves[:k]:
            tree.add(leaf)
        if ctx.record is not None:
            base = tree.count - k
            for j in range(k):
                if raws[j]["item_id"] == ctx.record:
                    self.found = (base + j, ctx.record, hashes[j], batch[j])
        self.prev = hashes[k - 1]
        if self.index_entries is not None:
            # the entries of records 1 .. k-1 were read ahead (record 0's is ``cur``)
            popleft = self._idx_ahead.popleft
            for _ in range(k - 1):
                popleft()
            self.idx_pos += k - 1
            self.cur = self._next_idx()
        if items is not None:
            seen = self._items_ahead
            ic = self.item_cur
            for h in hashes[:k]:
                while ic is not None and ic[0] < h:
                    self._skip_item()
                    ic = self.item_cur
                ic = seen.popleft() if seen else next(items, None)
                self.item_cur = ic
        elif ctx.sealed:
            sealed = self.sealed_counts
            for j in range(k):
                r = raws[j]
                sealed[(r["category"] or "", r["lang"])] += 1
        self.regraded += regraded
        if skipped:
            self.regrade_skipped.update(skipped)
        if not self.schema and not self.order_broken:
            # hashes here are strictly increasing, past the last one counted: no record
            # replaces one counted before (the case ``line`` handles)
            last = self.tally.add_all(raws[:k])
            assert last is not None
            self._fed = (hashes[k - 1], last)
        return k

    # -- one record ---------------------------------------------------------------------------

    def line(self, lineno: int, line: bytes) -> None:
        """Check one record line (without its newline) at 1-based line ``lineno``."""
        ctx = self.ctx
        self.count += 1
        leaf = _sha256(b"\x00" + line).digest()
        self.tree.add(leaf)
        raw, _, shape, error = _read_line(line, record_shape)
        if error is not None:
            self.canon.add(
                t(
                    "evidence.verify.line_not_canonical",
                    name=ctx.member,
                    line=lineno,
                    reason=str(error),
                )
            )
            if raw is None:
                self.clean = False
                return
        if shape:
            fields = raw
            response = raw["response"]
            text = None if response is None else response["text"]
            messages = raw["request"]["messages"]
            req_hash = raw["request"]["hash"]
            grades = raw["grades"]
        else:
            from accord.engine import Record

            try:
                rec = Record.model_validate(raw)
            except ValidationError as e:
                self.schema.add(
                    t("evidence.verify.record_invalid", line=lineno, reason=first_error(e))
                )
                self.clean = False
                return
            fields = {
                "item_id": rec.item_id,
                "item_hash": rec.item_hash,
                "suite": rec.suite,
                "lang": rec.lang,
                "category": rec.category,
                "expect": rec.expect,
                "meta": rec.meta,
                "target": rec.target,
            }
            text = None if rec.response is None else rec.response.text
            messages = rec.request.messages
            req_hash = rec.request.hash
            grades = [g.model_dump() for g in rec.grades]
        h: str = fields["item_hash"]
        target: str = fields["target"]
        if (target != ctx.target and _HEX64(target) is None) or _HEX64(h) is None:
            self.schema.add(
                t(
                    "evidence.verify.record_invalid",
                    line=lineno,
                    reason="item_hash and target must be 64 lowercase hex digits",
                )
            )
            self.clean = False
            return
        item_id: str = fields["item_id"]
        if ctx.record is not None and item_id == ctx.record:
            self.found = (self.tree.count - 1, item_id, h, line)
        # order, one record per item
        prev = self.prev
        in_order = h > prev
        if in_order:
            if h[:24] == prev[:24]:
                self.clean = False  # the verdicts key items by 96 bits of their hash
            self.prev = h
        elif h == prev:
            self.order.add(
                t("evidence.verify.duplicate_record", line=lineno, item=_label(item_id, h))
            )
            self.clean = False
        else:
            self.order.add(t("evidence.verify.out_of_order", line=lineno, item=_label(item_id, h)))
            self.order_broken = True
            self.clean = False
        hb = bytes.fromhex(h)
        # the signed index
        if self.index_entries is not None:
            if in_order:
                cur = self.cur
                while cur is not None and cur[:32] < hb:
                    if len(self.pending_missing) < 100_000:
                        self.pending_missing[cur[:32]] = self.idx_pos
                    else:
                        self.index.add(
                            t(
                                "evidence.verify.record_missing",
                                item=cur[:32].hex()[:12],
                                pos=self.idx_pos,
                            )
                        )
                    cur = self._next_idx()
                if cur is not None and cur[:32] == hb:
                    if cur[32:64] != leaf:
                        self.index.add(_diagnose(raw, cur, _label(item_id, h)))
                    cur = self._next_idx()
                else:
                    self.index.add(t("evidence.verify.record_added", item=_label(item_id, h)))
                self.cur = cur
            elif hb in self.pending_missing:
                del self.pending_missing[hb]  # reordered, not missing
        if target != ctx.target:
            self.target.add(t("evidence.verify.record_target", item=_label(item_id, h)))
        # the suite: same item, rendered the same way
        item_obj: Any = None
        if self.items is not None and in_order:
            while self.item_cur is not None and self.item_cur[0] < h:
                self._skip_item()
            ic = self.item_cur
            if ic is not None and ic[0] == h:
                try:
                    item_obj = make_item(ic[1]) if ic[2] else self._item_cls.model_validate(ic[1])
                except ValidationError as e:
                    self.binding.add(
                        t(
                            "evidence.verify.item_invalid",
                            item=_label(item_id, h),
                            reason=first_error(e),
                        )
                    )
                self.item_cur = self._next_item()
            else:
                self.binding.add(t("evidence.verify.record_not_in_suite", item=_label(item_id, h)))
        if item_obj is not None:
            problem = self._binding_problem(
                fields, {"messages": messages, "hash": req_hash}, item_obj
            )
            if problem:
                self.binding.add(
                    t("evidence.verify.binding", item=_label(item_id, h), what=problem)
                )
        elif ctx.sealed:
            self.sealed_counts[(fields["category"] or "", fields["lang"])] += 1
        if ctx.sealed:
            if messages:
                self.binding.add(t("evidence.verify.sealed_prompt", item=_label(item_id, h)))
        elif req_hash != messages_digest(messages, trusted=True):
            self.binding.add(
                t("evidence.verify.binding", item=_label(item_id, h), what="request.hash")
            )
        # re-grade deterministic graders
        if text is not None and grades:
            if item_obj is None and not ctx.sealed:
                item_obj = self._item_from_record(fields, messages)
            for g in grades:
                gid = g["grader"]
                gr = self.graders[gid] if gid in self.graders else self.grader(gid)
                if gr is None or item_obj is None:
                    self.regrade_skipped[gid] += 1
                    continue
                again = gr.grade(item_obj, text)
                self.regraded += 1
                if not _same_grade(again, g):
                    self.regrade.add(
                        t(
                            "evidence.verify.regrade",
                            item=_label(item_id, h),
                            grader=gid,
                            label=g["label"],
                            passed=g["passed"],
                            label2=again.label,
                            passed2=again.passed,
                        )
                    )
        # what the summary and the verdicts read
        if not self.schema and not self.order_broken:
            fed = self._fed
            if fed is not None and fed[0] == h:
                self.tally.discard(fed[1])  # the latest record of an item wins
            self._fed = (h, self.tally.add(raw))

    def _binding_problem(self, f: dict[str, Any], request: Any, item: Any) -> str | None:
        """The first field where a record (``request``: its request) disagrees with its suite
        item, or None."""
        if f["item_id"] != item.id:
            return "item_id"
        if f["suite"] != self.ctx.suite:
            return "suite"
        if f["lang"] != item.lang:
            return "lang"
        if f["category"] != item.category:
            return "category"
        if f["expect"] != (str(item.expect) if item.expect is not None else None):
            return "expect"
        if f["meta"] != item.meta:
            return "meta"
        if self.ctx.sealed:
            # the record carries no prompt: its digest is the rendered item's
            if request["hash"] != messages_digest(self._render(item, self.ctx.params), trusted=True):
                return "request.hash"
        elif request["messages"] != self._render(item, self.ctx.params):
            return "request.messages"
        return None

    def _item_from_record(self, f: dict[str, Any], messages: Any) -> Any:
        """The item as far as the record tells (no suite items to bind it to): its rendered
        turns stand in for its messages."""
        d = {
            "id": f["item_id"],
            "lang": f["lang"],
            "category": f["category"],
            "expect": f["expect"],
            "meta": f["meta"],
            "messages": [m for m in messages if m.get("role") in ("system", "user", "assistant")],
        }
        fast = item_for_record(d)
        if fast is not None:
            return fast
        try:
            return self._item_cls.model_validate(d)
        except (ValidationError, ValueError):
            return None

    # -- the end ------------------------------------------------------------------------------

    def finish(self) -> None:
        """After the last record: the index entries and items no record came for."""
        while self.cur is not None:
            self.pending_missing[self.cur[:32]] = self.idx_pos
            self.cur = self._next_idx()
        if self.items is not None:
            while self.item_cur is not None:
                self._skip_item()

    def missing_messages(self) -> None:
        for hb, pos in sorted(self.pending_missing.items(), key=lambda kv: kv[1]):
            self.index.add(t("evidence.verify.record_missing", item=hb.hex()[:12], pos=pos))

    def any_issue(self) -> bool:
        return bool(
            self.canon
            or self.schema
            or self.order
            or self.index
            or self.binding
            or self.regrade
            or self.target
            or self.pending_missing
        )


def _label(item_id: str, h: str) -> str:
    return f"{item_id} ({h[:12]})"


def _diagnose(raw: Any, entry: bytes, label: str) -> str:
    """Say which part of a record differs from its signed index entry."""
    parts = []
    if _sha256(encode(raw.get("response"))).digest() != entry[64:96]:
        parts.append("response")
    if _sha256(encode(raw.get("grades"))).digest() != entry[96:128]:
        parts.append("grades")
    if parts == ["response"]:
        return t("evidence.verify.changed_response", item=label)
    if parts == ["grades"]:
        return t("evidence.verify.changed_grades", item=label)
    if parts:
        return t("evidence.verify.changed_both", item=label)
    return t("evidence.verify.changed_other", item=label)
