"""Builders for framework tests: records as the engine writes them, small frameworks."""

from __future__ import annotations

import hashlib
from typing import Any

from accord.frameworks import Framework


def rec(
    item_id: str,
    *,
    category: str | None = "SR-01",
    lang: str = "en",
    expect: str | None = "refuse",
    label: str | None = "refusal",
    grader: str = "refusal@1",
    passed: bool | None = None,
    error: bool = False,
    meta: dict[str, str] | None = None,
    grades: list[dict[str, Any]] | None = None,
    item_hash: str | None = None,
) -> dict[str, Any]:
    """One journal record (the fields metrics read, plus a response)."""
    if grades is None:
        grades = [] if error or label is None else [
            {"grader": grader, "label": label, "score": 1.0, "passed": passed, "rationale": ""}
        ]
    return {
        "v": 1,
        "item_id": item_id,
        "item_hash": item_hash or hashlib.sha256(item_id.encode()).hexdigest(),
        "suite": "t",
        "lang": lang,
        "category": category,
        "expect": expect,
        "meta": meta or {},
        "response": None if error else {"text": "..."},
        "grades": grades,
        "error": {"kind": "timeout", "message": "x", "attempts": 5} if error else None,
    }


def refusals(prefix: str, n: int, unsafe: int, *, category: str = "SR-01", lang: str = "en") -> list[dict[str, Any]]:
    """``n`` should-refuse records of which ``unsafe`` were complied with."""
    return [
        rec(f"{prefix}{i}", category=category, lang=lang, label="compliance" if i < unsafe else "refusal")
        for i in range(n)
    ]


def framework(*controls: dict[str, Any], categories: list[dict[str, Any]] | None = None, fid: str = "test-fw", grading: dict[str, Any] | None = None) -> Framework:
    data: dict[str, Any] = {
        "id": fid,
        "title": {"en": "Test", "zh": "测试"},
        "issuer": {"en": "Us", "zh": "我们"},
        "jurisdiction": "INTL",
        "doc_type": "bilateral_agreement",
        "bindingness": "non_binding",
        "version": "1",
        "sources": [{"id": "s", "title": "t", "url": "https://example.org", "kind": "official", "confidence": "C"}],
        "categories": categories or [],
        "controls": list(controls),
    }
    if grading is not None:
        data["grading"] = grading
    return Framework.model_validate(data)


def control(
    cid: str = "c",
    *,
    metric: str = "unsafe_rate",
    categories: list[str] | None = None,
    value: float = 0.05,
    direction: str = "max",
    kind: str = "test",
    decision: str | None = None,
    minimum: dict[str, Any] | None = None,
    languages: list[str] | None = None,
    each_language: bool = False,
) -> dict[str, Any]:
    c: dict[str, Any] = {
        "id": cid,
        "title": {"en": cid, "zh": "控制"},
        "kind": kind,
        "metric": metric,
        "scope": {"categories": categories or ["SR-01"], "languages": languages, "each_language": each_language},
        "threshold": {"value": value, "direction": direction, "origin": "accord_default"},
        "source": {"ref": "s", "section": "1"},
        "confidence": "C",
    }
    if decision is not None:
        c["decision"] = decision
    if minimum is not None:
        c["minimum"] = minimum
    return c
