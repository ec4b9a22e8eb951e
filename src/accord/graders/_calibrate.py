"""Judging the judges: labelled calibration sets and how well each grader agrees with them.

The sets (``graders/data/calibration/<set>.<lang>.jsonl``) are responses written by the
project with a human label each: ``refusal`` (refusal | compliance | partial), ``pii-leak``
(leak | no_leak) and ``injection`` (hijacked | resisted), in English and Chinese. A row's
split is fixed by its id: ``test`` when the first 32 bits of SHA-256(id) modulo 100 are
below 30, else ``train`` (:func:`split_of`); tuning looks only at ``train``.

:func:`calibration_report` grades the rows and reports, per grader, language and category:
accuracy, precision and recall per label, Cohen's kappa, the confusion matrix and the time
per grade. :meth:`CalibrationReport.correct_rate` corrects an observed rate for the
grader's measured errors (Rogan-Gladen).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.errors import UsageError
from accord.graders._base import Grade, Grader, create_grader, grader_names
from accord.suites import Item

__all__ = [
    "CALIBRATION_SETS",
    "CalibrationReport",
    "CalibrationRow",
    "Figures",
    "LabelFigures",
    "calibration_report",
    "cohen_kappa",
    "compute_figures",
    "grade_items",
    "load_calibration_set",
    "read_rows",
    "row_item",
    "split_of",
]

DATA_DIR: Final = Path(__file__).parent / "data" / "calibration"
#: calibration set -> its labels
CALIBRATION_SETS: Final[dict[str, tuple[str, ...]]] = {
    "refusal": ("refusal", "compliance", "partial"),
    "pii-leak": ("leak", "no_leak"),
    "injection": ("hijacked", "resisted"),
}
#: grader -> the calibration set that measures it
GRADER_SETS: Final[dict[str, str]] = {
    "refusal": "refusal",
    "pii-leak": "pii-leak",
    "injection": "injection",
    "judge-refusal": "refusal",
    "judge-leak": "pii-leak",
    "judge-injection": "injection",
    "refusal+judge": "refusal",
    "pii-leak+judge": "pii-leak",
    "injection+judge": "injection",
}
_SET_RUBRIC: Final = {"refusal": "refusal", "pii-leak": "leak", "injection": "injection"}
TEST_PERCENT: Final = 30
_ID_SAFE: Final = re.compile(r"[^A-Za-z0-9_.:\-/]+")
_CJK: Final = re.compile(r"[\u3400-\u9fff]")


def split_of(row_id: str) -> Literal["train", "test"]:
    """The split a row belongs to, decided by its id alone (30% ``test``)."""
    bucket = int(hashlib.sha256(row_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket < TEST_PERCENT else "train"


class CalibrationRow(BaseModel):
    """One labelled response."""

    model_config = ConfigDict(frozen=True, extra="allow")

    id: str
    prompt: str
    response: str
    lang: Literal["en", "zh"]
    label: str
    category: str = ""
    split: Literal["train", "test"]
    secret: str | None = Field(default=None, description="A system prompt the model must keep secret.")
    canary: str | None = Field(default=None, description="The protected value (pii-leak).")
    document: str | None = Field(default=None, description="Material given to the model (a record, an email with an injection).")
    marker: str | None = Field(default=None, description="Written only by a model that obeyed the injection.")


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for every non-blank line of a JSONL file; a line that is
    not a JSON object is a one-line UsageError naming the file and line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; pass an existing .jsonl file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory; pass a .jsonl file") from None
    rows: list[tuple[int, dict[str, Any]]] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            raise UsageError(f"{path}:{n}: not valid JSON ({e.args[0].split(':')[0]}); write one JSON object per line") from None
        if not isinstance(obj, dict):
            raise UsageError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}; write one object per line")
        rows.append((n, obj))
    return rows


def _field(row: Mapping[str, Any], name: str, where: str, *, required: bool, hint: str = "", allow_empty: bool = False) -> str | None:
    value = row.get(name)
    if value is None or (value == "" and not allow_empty):
        if required:
            fix = hint or f'add "{name}": "..." to the row'
            raise UsageError(f"{where}: field '{name}' is missing; {fix}")
        return None
    if not isinstance(value, str):
        raise UsageError(f"{where}: field '{name}' must be a string, got {type(value).__name__}")
    return value


def row_item(row: Mapping[str, Any], where: str, *, needs: Sequence[str] = ()) -> Item:
    """Build the :class:`Item` a grader sees from a row of ``prompt``, ``response``,
    ``lang`` and, where present, ``secret`` (system prompt), ``canary`` (-> ``no-leak=``),
    ``document`` (a document of the item), ``marker`` (-> ``meta.injection_marker``),
    ``gold`` (-> ``answer=``), ``expect`` and ``meta``.

    ``needs`` names fields the grader cannot do without (``marker`` is also satisfied by
    ``secret``). Raises UsageError naming ``where`` (``file:line``) and the field."""
    prompt = _field(row, "prompt", where, required=True) or ""
    _field(row, "response", where, required=True, allow_empty=True)
    for name in needs:
        if name == "marker" and row.get("secret"):
            continue
        _field(row, name, where, required=True, hint=_NEED_HINTS.get(name, ""))
    lang = _field(row, "lang", where, required=False)
    if lang is None:
        lang = "zh" if _CJK.search(str(prompt) + str(row.get("response", ""))) else "en"
    elif lang not in ("en", "zh"):
        raise UsageError(f"{where}: field 'lang' is {lang!r}; use en or zh")
    secret = _field(row, "secret", where, required=False)
    canary = _field(row, "canary", where, required=False)
    document = _field(row, "document", where, required=False)
    marker = _field(row, "marker", where, required=False)
    gold = _field(row, "gold", where, required=False)
    expect = _field(row, "expect", where, required=False)
    if expect is None:
        if canary is not None:
            expect = f"no-leak={canary}"
        elif gold is not None:
            expect = f"answer={gold}"
        elif marker is not None:
            expect = "comply"
    meta_in = row.get("meta") or {}
    if not isinstance(meta_in, dict) or not all(isinstance(v, str) for v in meta_in.values()):
        raise UsageError(f"{where}: field 'meta' must be an object of strings")
    meta = dict(meta_in)
    if marker is not None:
        meta["injection_marker"] = marker
    messages: list[dict[str, str]] = []
    if secret is not None:
        messages.append({"role": "system", "content": secret})
    messages.append({"role": "user", "content": prompt})
    rid = row.get("id")
    item_id = _ID_SAFE.sub("-", str(rid)).strip("-") if rid else ""
    data: dict[str, Any] = {
        "id": item_id or re.sub(r"[^A-Za-z0-9]+", "-", where).strip("-") or "row",
        "lang": lang,
        "messages": messages,
        "meta": meta,
    }
    if document is not None:
        data["documents"] = [{"kind": "file", "content": document}]
    if expect is not None:
        data["expect"] = expect
    try:
        return Item.model_validate(data)
    except (ValidationError, ValueError) as e:
        first = e.errors()[0] if isinstance(e, ValidationError) else {"msg": str(e), "loc": ()}
        loc = ".".join(str(x) for x in first.get("loc", ())) or "row"
        raise UsageError(f"{where}: field '{loc}': {first['msg']}") from None


_NEED_HINTS: Final = {
    "marker": 'the injection grader needs "marker" (the string only a hijacked model writes) or "secret" (a system prompt to keep)',
    "canary": 'add "canary": "<the protected value>"',
}

#: fields each grader cannot do without in a row
GRADER_NEEDS: Final[dict[str, tuple[str, ...]]] = {
    "injection": ("marker",),
    "injection+judge": ("marker",),
    "judge-injection": ("marker",),
    "judge-leak": ("canary",),
}


def load_calibration_set(name: str, split: Literal["train", "test", "all"] = "all", *, langs: Iterable[str] = ("en", "zh")) -> list[CalibrationRow]:
    """The built-in labelled rows of set ``name`` (refusal, pii-leak, injection)."""
    if name not in CALIBRATION_SETS:
        raise UsageError(f"no calibration set {name!r}; sets: {', '.join(CALIBRATION_SETS)}")
    rows: list[CalibrationRow] = []
    for lang in langs:
        path = DATA_DIR / f"{name}.{lang}.jsonl"
        rows.extend(_rows_from(path, split))
    return rows


def _rows_from(path: Path, split: str) -> list[CalibrationRow]:
    out = []
    for n, obj in read_rows(path):
        try:
            row = CalibrationRow.model_validate(obj)
        except ValidationError as e:
            first = e.errors()[0]
            loc = ".".join(str(x) for x in first["loc"]) or "row"
            raise UsageError(f"{path}:{n}: field '{loc}': {first['msg']}") from None
        if split == "all" or row.split == split:
            out.append(row)
    return out


# ----------------------------------------------------------------------------- metrics

def cohen_kappa(gold: Sequence[str], predicted: Sequence[str]) -> float | None:
    """Cohen's kappa between two labellings of the same rows: (p_o - p_e) / (1 - p_e).
    None when undefined (no rows, or both labellings put every row in one and the same
    class, p_e = 1)."""
    n = len(gold)
    if n == 0 or n != len(predicted):
        return None
    po = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    cg, cp = Counter(gold), Counter(predicted)
    pe = sum(cg[k] * cp.get(k, 0) for k in cg) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1.0 - pe)


class LabelFigures(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    support: int = Field(description="Rows whose true label is this one.")
    predicted: int = Field(description="Rows the grader gave this label.")
    precision: float | None = Field(description="Correct / predicted; None when never predicted.")
    recall: float | None = Field(description="Correct / support; None when no support.")


class Figures(BaseModel):
    """Agreement of one grader with the labels on one slice of rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    grader: str
    set: str
    lang: str = Field(description="en, zh or all")
    category: str = Field(description="A row category, or all")
    n: int
    accuracy: float | None
    kappa: float | None
    labels: dict[str, LabelFigures]
    confusion: dict[str, dict[str, int]] = Field(description="true label -> predicted label -> rows")
    us_per_grade: float | None = Field(default=None, description="Mean grading time per row, microseconds.")


def compute_figures(
    gold: Sequence[str],
    predicted: Sequence[str],
    *,
    labels: Sequence[str] = (),
    grader: str = "",
    set: str = "",
    lang: str = "all",
    category: str = "all",
    us_per_grade: float | None = None,
) -> Figures:
    """Accuracy, per-label precision/recall, kappa and confusion of ``predicted`` against
    ``gold``."""
    n = len(gold)
    names = list(dict.fromkeys([*labels, *gold, *predicted]))
    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    per: dict[str, LabelFigures] = {}
    for lb in names:
        support = sum(1 for g in gold if g == lb)
        pred = sum(1 for p in predicted if p == lb)
        hit = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == lb)
        per[lb] = LabelFigures(
            support=support,
            predicted=pred,
            precision=hit / pred if pred else None,
            recall=hit / support if support else None,
        )
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return Figures(
        grader=grader,
        set=set,
        lang=lang,
        category=category,
        n=n,
        accuracy=correct / n if n else None,
        kappa=cohen_kappa(gold, predicted),
        labels=per,
        confusion=confusion,
        us_per_grade=us_per_grade,
    )


class CalibrationReport(BaseModel):
    """Every figure of a calibration run, with helpers to use them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    split: str
    graders: list[str]
    figures: list[Figures]

    def figure(self, grader: str, lang: str = "all", category: str = "all", *, set: str | None = None) -> Figures:
        """The figures of ``grader`` on one slice (``set`` picks one of a judge's sets)."""
        for f in self.figures:
            if f.grader == grader and f.lang == lang and f.category == category and (set is None or f.set == set):
                return f
        raise KeyError((grader, lang, category, set))

    def sensitivity_specificity(self, grader: str, positive: str, lang: str = "all", *, set: str | None = None) -> tuple[float, float]:
        """The grader's sensitivity P(says positive | positive) and specificity
        P(says other | other) for label ``positive``, from the confusion matrix."""
        f = self.figure(grader, lang, set=set)
        conf = f.confusion
        tp = conf.get(positive, {}).get(positive, 0)
        pos = sum(conf.get(positive, {}).values())
        neg_rows = {g: row for g, row in conf.items() if g != positive}
        neg = sum(sum(row.values()) for row in neg_rows.values())
        tn = sum(c for row in neg_rows.values() for p, c in row.items() if p != positive)
        if pos == 0 or neg == 0:
            raise ValueError(f"{grader} ({lang}): need rows with and without label {positive!r}")
        return tp / pos, tn / neg

    def correct_rate(self, observed: float, grader: str, positive: str, lang: str = "all", *, set: str | None = None) -> float:
        """Correct an observed rate of label ``positive`` for this grader's errors
        (Rogan-Gladen: ``(p_obs + spec - 1) / (sens + spec - 1)``, clipped to [0, 1]).

        Raises:
            ValueError: when the grader is no better than chance on this label
                (sensitivity + specificity <= 1), or the slice lacks either class.
        """
        from accord.stats import rogan_gladen

        sens, spec = self.sensitivity_specificity(grader, positive, lang, set=set)
        return rogan_gladen(observed, sens, spec)


# ----------------------------------------------------------------------------- grading

def grade_items(grader: Grader, items: Sequence[Item], responses: Sequence[str], *, concurrency: int = 16) -> tuple[list[Grade], float]:
    """Grade every (item, response); judges run concurrently. Returns the grades and the
    mean time per grade in microseconds (wall time for async graders)."""
    agrade = getattr(grader, "agrade", None)
    t0 = time.perf_counter()
    if agrade is None:
        grades = [grader.grade(it, r) for it, r in zip(items, responses, strict=True)]
    else:
        grades = asyncio.run(_agrade_all(grader, items, responses, concurrency))
    elapsed = time.perf_counter() - t0
    return grades, (elapsed / len(items) * 1e6 if items else 0.0)


async def _agrade_all(grader: Any, items: Sequence[Item], responses: Sequence[str], concurrency: int) -> list[Grade]:
    sem = asyncio.Semaphore(concurrency)

    async def one(i: int) -> Grade:
        async with sem:
            grade: Grade = await grader.agrade(items[i], responses[i])
            return grade

    try:
        return list(await asyncio.gather(*(one(i) for i in range(len(items)))))
    finally:
        close = getattr(grader, "aclose", None)
        if close is not None:
            await close()


def _grader_for_set(name: str, set_name: str) -> Grader:
    if name == "judge":
        from accord.graders._judge import JudgeGrader

        return JudgeGrader(rubric=_SET_RUBRIC[set_name], name="judge")
    return create_grader(name)


def calibration_report(
    grader: str | Sequence[str] | None = None,
    split: Literal["train", "test", "all"] = "test",
    *,
    rows: Path | Sequence[CalibrationRow] | None = None,
    set_name: str | None = None,
    by_category: bool = True,
    concurrency: int = 16,
) -> CalibrationReport:
    """Grade calibration rows and report how each grader agrees with the labels.

    Args:
        grader: a grader name, several, or None for the rule graders that have a set
            (refusal, pii-leak, injection). ``judge`` is measured on all three sets with
            the matching rubric.
        split: ``test`` (held out, the default), ``train`` or ``all``.
        rows: labelled rows to use instead of the built-in sets (a JSONL path or rows);
            then ``set_name`` says what they measure (default: the grader's own set).
        by_category: also report every category.
        concurrency: judge calls in flight.
    """
    names = [grader] if isinstance(grader, str) else list(grader or ("refusal", "pii-leak", "injection"))
    known = set(grader_names())
    figures: list[Figures] = []
    for name in names:
        if name not in known:
            create_grader(name)  # raises UsageError with a suggestion
        if name == "judge" and set_name is None and rows is not None:
            raise UsageError("the judge grader needs to know what labelled rows measure: pass --set refusal, pii-leak or injection with --input")
        sets = list(CALIBRATION_SETS) if name == "judge" and set_name is None else [set_name or GRADER_SETS.get(name, "")]
        if not sets[0]:
            raise UsageError(
                f"grader {name!r} has no calibration set; calibrate one of: {', '.join(sorted(GRADER_SETS))}, judge"
                " (or pass --input with labelled rows and --set)"
            )
        for sname in sets:
            if sname not in CALIBRATION_SETS:
                raise UsageError(f"no calibration set {sname!r}; sets: {', '.join(CALIBRATION_SETS)}")
            if rows is None:
                data = load_calibration_set(sname, split)
            elif isinstance(rows, Path):
                data = _rows_from(rows, split)
            else:
                data = [r for r in rows if split == "all" or r.split == split]
            figures.extend(_measure(name, sname, data, by_category=by_category, concurrency=concurrency))
    return CalibrationReport(split=split, graders=names, figures=figures)


def _measure(name: str, set_name: str, data: Sequence[CalibrationRow], *, by_category: bool, concurrency: int) -> list[Figures]:
    if not data:
        return []
    g = _grader_for_set(name, set_name)
    items = [row_item(r.model_dump(), f"{set_name}:{r.id}") for r in data]
    grades, us = grade_items(g, items, [r.response for r in data], concurrency=concurrency)
    labels = CALIBRATION_SETS[set_name]
    gold = [r.label for r in data]
    pred = [gr.label for gr in grades]
    out = [compute_figures(gold, pred, labels=labels, grader=name, set=set_name, us_per_grade=round(us, 1))]
    for lang in sorted({r.lang for r in data}):
        idx = [i for i, r in enumerate(data) if r.lang == lang]
        out.append(compute_figures([gold[i] for i in idx], [pred[i] for i in idx], labels=labels, grader=name, set=set_name, lang=lang))
        if by_category:
            for cat in sorted({data[i].category for i in idx}):
                sub = [i for i in idx if data[i].category == cat]
                out.append(
                    compute_figures(
                        [gold[i] for i in sub], [pred[i] for i in sub], labels=labels, grader=name, set=set_name, lang=lang, category=cat
                    )
                )
    return out
