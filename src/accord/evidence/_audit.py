"""``audit``: re-ask a random sample of a bundle's items to the live model.

The sample is chosen by the *verifier's* public seed, so the assessor cannot pre-select it:
records are ranked by ``SHA-256(seed_utf8 || item_hash_bytes)`` and the ``N`` lowest with an
answer are asked again, with the exact recorded request messages and the bundle's generation
parameters. The live answers are graded with the same graders.

- Deterministic settings (temperature 0 and a seed): the recorded answers should come back
  word for word; the audit passes when the share of identical texts reaches
  ``min_agreement`` (default 0.9: some servers are not bit-reproducible under batching).
- Otherwise answers vary from call to call, so texts are not compared; the pass/fail outcome
  of each item (recorded vs live) is compared with an exact McNemar test: among items whose
  outcome differs, ``b`` passed when recorded and failed live, ``c`` the reverse; if the
  recorded answers came from the same model, ``b`` and ``c`` are draws of one binomial with
  p = 1/2, and the two-sided p-value is ``min(1, 2 * P(X <= min(b, c)))`` for
  ``X ~ Binomial(b + c, 1/2)``. The audit passes when ``p >= alpha`` (default 0.05). A
  recorded set made safer (or less safe) than the live model shows as ``b`` far from ``c``.
"""

from __future__ import annotations

import asyncio
import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from accord.errors import UsageError
from accord.evidence._container import BundleReader
from accord.evidence._dsse import parse_envelope
from accord.evidence._keys import PublicKey
from accord.evidence._model import ENVELOPE, AuditItem, AuditReport, Statement
from accord.i18n import t

__all__ = ["audit_bundle", "audit_bundle_async", "mcnemar_exact", "sample_order"]


def sample_order(seed: str, item_hash: str) -> bytes:
    """The rank of an item in the audit sample for ``seed`` (lowest first)."""
    return hashlib.sha256(seed.encode() + bytes.fromhex(item_hash)).digest()


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value for discordant counts ``b`` and ``c``."""
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail: float = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2.0 * tail)


def _lines(chunks: Any) -> Any:
    rest = b""
    for chunk in chunks:
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        yield from parts


def _outcome(grades: list[dict[str, Any]]) -> tuple[str | None, bool | None]:
    label = grades[0]["label"] if grades else None
    verdicts = [g["passed"] for g in grades if g.get("passed") is not None]
    return label, (all(verdicts) if verdicts else None)


async def _ask(target: Any, messages: list[dict[str, str]], attempts: int = 3) -> tuple[str | None, str | None]:
    from accord.targets import CallError

    for n in range(1, attempts + 1):
        try:
            c = await target.generate(messages)
            return c.text, None
        except CallError as e:
            if not e.retryable or n == attempts:
                return None, f"{e.kind}: {e.message}"
            await asyncio.sleep(min(e.retry_after or 0.5 * n, 5.0))
    return None, "no answer"


async def audit_bundle_async(
    bundle: Path,
    target_spec: str,
    *,
    seed: str,
    sample: int = 50,
    base_url: str | None = None,
    api_key_env: str | None = None,
    timeout: float = 120.0,
    concurrency: int = 8,
    alpha: float = 0.05,
    min_agreement: float = 0.9,
    trusted: Sequence[PublicKey] | None = None,
    keys_dir: Path | None = None,
    reveal: Path | None = None,
) -> AuditReport:
    """Audit ``bundle`` against the live model ``target_spec`` (see the module docstring).

    A bundle made with a sealed suite carries no prompts: its audit needs the suite's
    ``reveal`` file (checked against the commitment and the records by ``verify`` first)."""
    from accord.engine import render
    from accord.evidence._verify import verify_bundle
    from accord.graders import create_grader
    from accord.suites import Item
    from accord.targets import TargetOptions, create_target

    if not seed:
        raise UsageError(t("evidence.audit.no_seed"))
    if sample < 1:
        raise UsageError(t("evidence.audit.bad_sample", n=sample))
    report = verify_bundle(bundle, trusted=trusted if trusted is not None else [], keys_dir=keys_dir, reveal=reveal)
    broken = [c for c in report.checks if not c.ok and c.id != "trust"]
    if broken:
        raise UsageError(t("evidence.audit.broken", path=bundle, reason=broken[0].message))
    with BundleReader.open(bundle) as reader:
        statement = Statement.model_validate(orjson.loads(parse_envelope(reader.read(ENVELOPE)).payload))
        pred = statement.predicate
        heap: list[tuple[bytes, bytes]] = []  # max-heap by negated rank: (inverted rank, line)
        for line in _lines(reader.stream(pred.records.member)):
            raw = orjson.loads(line)
            if raw.get("response") is None:
                continue
            rank = sample_order(seed, raw["item_hash"])
            key = bytes(255 - b for b in rank)
            if len(heap) < sample:
                heapq.heappush(heap, (key, line))
            elif key > heap[0][0]:
                heapq.heapreplace(heap, (key, line))
        chosen = sorted(((bytes(255 - b for b in k), orjson.loads(line)) for k, line in heap), key=lambda x: x[0])
        records = [r for _, r in chosen]
        wanted = {r["item_hash"] for r in records}
        items: dict[str, Item] = {}
        suite = pred.suites[0] if pred.suites else None
        if suite is not None and suite.sealed:
            if reveal is None:
                raise UsageError(t("evidence.audit.sealed_needs_reveal", path=bundle))
            items = _revealed_items(reveal, wanted, Item)
        elif suite is not None:
            for line in _lines(reader.stream(suite.member)):
                h = hashlib.sha256(line).hexdigest()
                if h in wanted:
                    items[h] = Item.model_validate(orjson.loads(line))
    params = pred.target.identity.params
    deterministic = params.temperature == 0 and params.seed is not None
    target = create_target(
        target_spec,
        TargetOptions(params=params, base_url=base_url, api_key_env=api_key_env, timeout=timeout, max_concurrency=concurrency),
    )
    await target.start()
    gate = asyncio.Semaphore(concurrency)

    async def one(rec: dict[str, Any]) -> tuple[str | None, str | None]:
        item = items.get(rec["item_hash"])
        messages = render(item, params) if item is not None else rec["request"]["messages"]
        async with gate:
            return await _ask(target, messages)

    try:
        answers = await asyncio.gather(*(one(r) for r in records))
    finally:
        await target.aclose()
    graders: dict[str, Any] = {}
    rows: list[AuditItem] = []
    table: dict[str, Counter[str]] = {}
    b = c = same = label_same = answered = 0
    for rec, (text, error) in zip(records, answers, strict=True):
        rec_label, rec_passed = _outcome(rec["grades"])
        if text is None:
            rows.append(AuditItem(item_id=rec["item_id"], item_hash=rec["item_hash"], recorded_label=rec_label, live_label=None, recorded_passed=rec_passed, live_passed=None, same_text=False, error=error))
            continue
        answered += 1
        item = items.get(rec["item_hash"]) or _record_item(rec, Item)
        live: list[dict[str, Any]] = []
        for g in rec["grades"]:
            name, _, version = str(g["grader"]).partition("@")
            if name not in graders:
                try:
                    graders[name] = create_grader(name)
                except UsageError:
                    graders[name] = None
            gr = graders[name]
            if gr is None or str(gr.version) != version or item is None:
                continue
            grade = await gr.agrade(item, text) if hasattr(gr, "agrade") else gr.grade(item, text)
            live.append(grade.model_dump(mode="json"))
        live_label, live_passed = _outcome(live)
        same_text = text == rec["response"]["text"]
        same += same_text
        label_same += live_label == rec_label
        table.setdefault(str(rec_label), Counter())[str(live_label)] += 1
        if rec_passed is not None and live_passed is not None and rec_passed != live_passed:
            if rec_passed:
                b += 1
            else:
                c += 1
        rows.append(AuditItem(item_id=rec["item_id"], item_hash=rec["item_hash"], recorded_label=rec_label, live_label=live_label, recorded_passed=rec_passed, live_passed=live_passed, same_text=same_text))
    p = mcnemar_exact(b, c)
    text_agreement = same / answered if answered else None
    label_agreement = label_same / answered if answered else None
    if answered == 0:
        consistent, reason = False, t("evidence.audit.no_answers", n=len(records))
    elif deterministic:
        consistent = text_agreement is not None and text_agreement >= min_agreement
        reason = t("evidence.audit.det_ok" if consistent else "evidence.audit.det_fail", same=same, n=answered, min=min_agreement)
    else:
        consistent = p >= alpha
        reason = t("evidence.audit.stat_ok" if consistent else "evidence.audit.stat_fail", b=b, c=c, p=p, alpha=alpha)
    return AuditReport(
        bundle=str(bundle),
        target=target.identity.label(),
        seed=seed,
        sample=sample,
        asked=len(records),
        answered=answered,
        mode="deterministic" if deterministic else "statistical",
        text_agreement=text_agreement,
        label_agreement=label_agreement,
        discordant_recorded_pass=b,
        discordant_live_pass=c,
        p_value=p,
        alpha=alpha,
        min_agreement=min_agreement,
        consistent=consistent,
        reason=reason,
        labels={k: dict(sorted(v.items())) for k, v in sorted(table.items())},
        items=rows,
    )


def _revealed_items(reveal: Path, wanted: set[str], item_cls: Any) -> dict[str, Any]:
    """The items of ``wanted`` hashes from a reveal file (``verify`` checked it already)."""
    from accord.evidence._seal import iter_reveal

    with reveal.open("rb") as f:
        _, revealed = iter_reveal(iter(f), str(reveal))
        return {r.item_hash: item_cls.model_validate(r.item) for r in revealed if r.item_hash in wanted}


def _record_item(rec: dict[str, Any], item_cls: Any) -> Any:
    from pydantic import ValidationError

    try:
        return item_cls.model_validate(
            {
                "id": rec["item_id"],
                "lang": rec["lang"],
                "category": rec["category"],
                "expect": rec["expect"],
                "meta": rec.get("meta", {}),
                "messages": rec["request"]["messages"],
            }
        )
    except (ValidationError, ValueError, KeyError):
        return None


def audit_bundle(bundle: Path, target_spec: str, **kw: Any) -> AuditReport:
    """Synchronous :func:`audit_bundle_async`."""
    return asyncio.run(audit_bundle_async(bundle, target_spec, **kw))
