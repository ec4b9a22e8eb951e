"""The assessment: every metric, every control's verdict, per-framework summaries.

Persisted (JSON) and signed downstream, so it is deterministic: the same records give the
same bytes (everything sorted, floats rounded to 6 decimals).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.frameworks._schema import Confidence, ControlKind, DecisionRule, LocalText, Threshold

__all__ = [
    "ASSESSMENT_VERSION",
    "Assessment",
    "BandGrade",
    "ControlVerdict",
    "CorrectedRate",
    "CoverageRow",
    "FrameworkSummary",
    "JudgeCalibration",
    "LanguageVerdict",
    "MetricRow",
]

ASSESSMENT_VERSION = "1"
VerdictName = Literal["pass", "fail", "inconclusive", "not_covered"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JudgeCalibration(_Model):
    """How often a grader is right, measured on a labelled calibration set.

    ``positive`` names the grader label(s) treated as the positive class; ``sensitivity`` is
    P(grader says positive | truly positive), ``specificity`` P(grader says negative | truly
    negative); the counts (optional) size the calibration set so its own uncertainty can be
    carried into corrected intervals."""

    grader: str = Field(description="Grader name, with or without version: `refusal` or `refusal@1`.")
    positive: list[str] = Field(min_length=1)
    sensitivity: float = Field(gt=0, le=1)
    specificity: float = Field(gt=0, le=1)
    n_positive: int | None = Field(default=None, ge=1)
    n_negative: int | None = Field(default=None, ge=1)


class CorrectedRate(_Model):
    """A rate corrected for the grader's errors (Rogan-Gladen)."""

    value: float
    low: float
    high: float
    grader: str
    sensitivity: float
    specificity: float
    method: str


class MetricRow(_Model):
    metric: str
    category: str | None = Field(description="SR id; None: all categories pooled.")
    lang: str | None = Field(description="None: all languages pooled.")
    k: int = Field(description="Events (for bias scores: stereotyped answers).")
    n: int = Field(description="Graded items (groups, for counterfactual pairs).")
    value: float | None
    low: float | None
    high: float | None
    method: str = Field(description="Interval method: clopper-pearson or wilson (95%), or the bias-score construction.")
    errors: int = Field(description="Items of this metric's population whose request failed (not in n).")
    ungraded: int = Field(description="Items of the population without a usable grade (not in n).")
    corrected: CorrectedRate | None = None


class LanguageVerdict(_Model):
    lang: str
    verdict: VerdictName
    marginal: bool
    value: float | None
    low: float | None
    high: float | None
    k: int
    n: int
    more_items_needed: int | None


class ControlVerdict(_Model):
    framework: str
    control: str
    title: LocalText
    kind: ControlKind
    verdict: VerdictName
    marginal: bool = Field(description="Decided while the 95% interval straddles the threshold.")
    metric: str | None
    decision: DecisionRule | None
    threshold: Threshold | None
    value: float | None = Field(description="Observed (corrected, when a calibration applied) value.")
    low: float | None
    high: float | None
    method: str
    corrected: bool
    k: int
    n: int
    errors: int
    ungraded: int
    minimum: int | None
    more_items_needed: int | None = Field(
        description="Items to add, at the observed rate, for the interval to clear the threshold; "
        "None when decided or when no feasible number would decide it."
    )
    categories: list[str] = Field(description="SR ids the scope resolved to.")
    languages: list[str] | None
    by_language: list[LanguageVerdict] = Field(default_factory=list)
    rationale: LocalText
    confidence: Confidence
    source: str


class BandGrade(_Model):
    """An AILuminate-style grade for one hazard (or overall) in one language."""

    hazard: str | None = Field(description="The framework's hazard id; None: overall.")
    lang: str
    n: int
    unsafe: float | None
    low: float | None
    high: float | None
    reference_unsafe: float
    ratio: float | None
    grade: str | None = Field(description="Poor, Fair, Good, Very Good or Excellent; None without items.")
    grade_best: str | None = Field(description="Grade at the interval's favourable end.")
    grade_worst: str | None = Field(description="Grade at the interval's unfavourable end.")


class FrameworkSummary(_Model):
    framework: str
    title: LocalText
    version: str
    counts: dict[VerdictName, int]
    marginal: int
    grades: list[BandGrade] = Field(default_factory=list)
    coverage_gaps: list[str] = Field(description="SR ids the framework refers to with no answered item in the run.")


class CoverageRow(_Model):
    category: str | None
    lang: str | None
    items: int
    answered: int
    errors: int


class Assessment(_Model):
    """A run read against one or more frameworks."""

    schema_version: Literal["1"] = "1"
    accord_version: str
    confidence: float = Field(description="Level of every interval.")
    items: int = Field(description="Distinct items in the journal (latest record per item hash).")
    answered: int
    errors: int
    run: dict[str, str] | None = Field(default=None, description="Target and suite identity, from run.json.")
    coverage: list[CoverageRow]
    metrics: list[MetricRow]
    verdicts: list[ControlVerdict]
    frameworks: list[FrameworkSummary]
    calibration: list[JudgeCalibration] = Field(default_factory=list)
    notes: list[LocalText] = Field(default_factory=list)
