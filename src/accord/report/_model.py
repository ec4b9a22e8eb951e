"""The report's data: everything a reader sees, as one typed, schema-exported model.

:class:`ReportData` is assembled from a run directory or an evidence bundle by
:func:`accord.report.build_report`; the HTML, Markdown and JSON outputs are three renderings
of the same object, so they carry the same content.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "REPORT_SCHEMA",
    "AttackRow",
    "BiasRow",
    "Bilingual",
    "CalibrationRow",
    "CalibrationSection",
    "CapabilityRow",
    "CapabilitySection",
    "CategoryRow",
    "Check",
    "Counts",
    "CoverageGap",
    "DisparityRow",
    "Example",
    "FairnessSection",
    "FrameworkSummary",
    "FrameworksSection",
    "Identity",
    "LangGap",
    "LangRates",
    "Rate",
    "RedLine",
    "ReportData",
    "Signer",
    "Source",
    "TradeoffRow",
    "Verdict",
    "Verification",
]

REPORT_SCHEMA = "accord.report/1"

VerdictLabel = Literal["pass", "fail", "inconclusive", "not_covered", "not_assessed"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rate(_Model):
    """k events in n trials, with Accord's 95% interval (exact for small samples, Wilson
    otherwise: :func:`accord.stats.binomial_interval`)."""

    k: int
    n: int
    value: float | None
    low: float | None
    high: float | None
    method: str | None = None

    @classmethod
    def of(cls, k: int, n: int) -> Rate:
        if n <= 0:
            return cls(k=k, n=max(n, 0), value=None, low=None, high=None)
        lo, hi, method = _interval(k, n)
        return cls(k=k, n=n, value=k / n, low=lo, high=hi, method=method)


def _interval(k: int, n: int) -> tuple[float, float, str]:
    from accord.stats import binomial_interval

    iv = binomial_interval(k, n)
    return iv.low, iv.high, iv.method


class Bilingual(_Model):
    """A sentence in both report languages."""

    en: str
    zh: str


class Source(_Model):
    kind: Literal["run", "bundle"] = Field(description="A run directory, or an evidence bundle (ZIP or unpacked).")
    path: str
    bundle: str | None = Field(default=None, description="The bundle that was verified, if any.")


class Identity(_Model):
    """What was assessed, on what, and when."""

    label: str = Field(description="provider:model")
    provider: str
    model: str
    base_url: str | None = None
    params: dict[str, Any] = Field(default_factory=dict, description="Generation parameters.")
    weights_sha256: str | None = None
    backend: str | None = None
    target_digest: str
    suite: str
    suite_version: str
    suite_digest: str
    suite_items: int
    graders: list[str]
    status: str = Field(description="Run status: running | complete | interrupted | failed.")
    started: str | None
    finished: str | None
    accord_version: str
    platform: str | None = None


class Check(_Model):
    name: str
    ok: bool
    detail: str = ""


class Signer(_Model):
    name: str = Field(description="The trusted key's local name, or the name the signer claims.")
    key_id: str | None = None
    fingerprint: str | None = None
    ok: bool | None = Field(default=None, description="Whether this signature verified.")
    trusted: bool | None = Field(default=None, description="Whether the key is one this machine trusts.")


class Verification(_Model):
    status: Literal["verified", "untrusted", "failed", "stale", "unsigned", "unavailable"] = Field(
        description="verified: a bundle whose every check passed; untrusted: intact and validly "
        "signed, but by no key this machine trusts; failed: a bundle with a failed check; stale: "
        "the run directory's bundle was made before the run last changed; unsigned: no bundle "
        "found; unavailable: the bundle was not checked."
    )
    bundle: str | None = None
    bundle_sha256: str | None = Field(default=None, description="SHA-256 of the bundle file, to compare with a published digest.")
    checks: list[Check] = Field(default_factory=list)
    signers: list[Signer] = Field(default_factory=list)
    detail: str = ""
    commands: list[str] = Field(description="Exact commands a reader runs to verify it themselves.")


class Counts(_Model):
    items: int
    answered: int
    errors: int
    cached: int
    error_kinds: dict[str, int]
    langs: list[str]
    categories: list[str]


class Verdict(_Model):
    """One framework control read against the run (from :mod:`accord.frameworks`)."""

    framework: str
    control: str
    title: Bilingual
    kind: str = Field(description="test | red_line | threshold_trigger | documentation | process")
    verdict: VerdictLabel
    marginal: bool = Field(default=False, description="Decided while the 95% interval straddles the threshold.")
    metric: str | None = None
    metric_name: Bilingual | None = None
    categories: list[str] = Field(default_factory=list)
    threshold: float | None = None
    direction: Literal["max", "min"] | None = Field(default=None, description="max: must not exceed; min: must reach.")
    threshold_origin: str | None = Field(default=None, description="framework, or accord_default when the framework gives no number.")
    observed: float | None = None
    low: float | None = None
    high: float | None = None
    k: int | None = None
    n: int | None = None
    minimum: int | None = None
    more_items_needed: int | None = None
    by_language: dict[str, str] = Field(default_factory=dict, description="Verdict per language, when judged per language.")
    rationale: Bilingual


class FrameworkSummary(_Model):
    framework: str
    title: Bilingual
    version: str | None = None
    counts: dict[str, int] = Field(description="Verdicts by label: pass, fail, inconclusive, not_covered.")
    marginal: int = 0
    grades: dict[str, str] = Field(default_factory=dict, description="Overall AILuminate-style grade per language, where the framework grades.")
    verdicts: list[Verdict]


class FrameworksSection(_Model):
    available: bool
    reason: str = ""
    names: list[str] = Field(default_factory=list)
    summaries: list[FrameworkSummary] = Field(default_factory=list)


class RedLine(_Model):
    """A shared bottom line: the run's unsafe rate on it, and the verdict of the framework
    control that names it (the strictest, when several do)."""

    category: str
    name: Bilingual
    unsafe: Rate = Field(description="Should-refuse items the model complied with, all languages.")
    by_lang: dict[str, Rate]
    verdict: VerdictLabel
    framework: str | None = None
    control: str | None = None
    metric: str | None = None
    metric_name: Bilingual | None = None
    observed: float | None = Field(default=None, description="The control's metric value (its own scope).")
    low: float | None = None
    high: float | None = None
    k: int | None = None
    n: int | None = Field(default=None, description="Graded items behind the control's value.")
    threshold: float | None = None
    direction: Literal["max", "min"] | None = None
    threshold_origin: str | None = None


class LangRates(_Model):
    items: int
    errors: int
    unsafe: Rate
    over_refusal: Rate
    failed: Rate


class LangGap(_Model):
    """The difference of a category's main rate between two languages."""

    metric: Literal["unsafe", "failed"]
    a: str
    b: str
    difference: float = Field(description="rate(b) - rate(a), in [-1, 1].")
    p_value: float = Field(description="Fisher's exact test, two-sided.")
    p_adjusted: float = Field(description="Holm-adjusted over every category's gap in this report.")
    large: bool = Field(description="|difference| >= the report's gap threshold.")
    significant: bool = Field(description="p_adjusted < 0.05.")


class CategoryRow(_Model):
    category: str | None
    name: Bilingual
    hazardous: bool
    by_lang: dict[str, LangRates]
    gap: LangGap | None = None


class TradeoffRow(_Model):
    category: str | None
    name: Bilingual
    harm_refusal: Rate = Field(description="Should-refuse items refused (higher is safer).")
    over_refusal: Rate = Field(description="Should-answer items refused (lower is more helpful).")


class BiasRow(_Model):
    attribute: str
    lang: str | None
    context: str | None = Field(default=None, description="ambiguous | disambiguated (BBQ), when known.")
    score: float | None = Field(description="-1 (counter-stereotyped) .. 0 (none) .. +1 (stereotyped).")
    n: int
    low: float | None = None
    high: float | None = None
    source: str


class DisparityRow(_Model):
    attribute: str
    lang: str | None
    pairs: int
    differing: int
    rate: Rate = Field(description="Pairs whose two answers were treated differently.")
    source: str


class FairnessSection(_Model):
    available: bool
    reason: str = ""
    bias: list[BiasRow] = Field(default_factory=list)
    disparities: list[DisparityRow] = Field(default_factory=list)


class AttackRow(_Model):
    attack: str
    lang: str | None
    failure: Rate = Field(description="Leaks (privacy) or successful attacks (security).")


class CapabilityRow(_Model):
    group: str = Field(description="A subject (meta `subject`), a category, or `all`.")
    lang: str | None
    accuracy: Rate


class CapabilitySection(_Model):
    rows: list[CapabilityRow] = Field(default_factory=list)
    safety_by_lang: dict[str, Rate] = Field(
        default_factory=dict, description="Harm refusal per language, to read next to capability."
    )


class CalibrationRow(_Model):
    grader: str
    source: str = Field(description="`set:<name>`: measured on that held-out labelled set when the report was built; "
                        "`applied`: the error rates the framework evaluation corrected with.")
    lang: str = Field(default="all", description="en, zh, or all")
    n: int | None = Field(default=None, description="Labelled examples behind the figures.")
    figures: dict[str, float] = Field(default_factory=dict, description="accuracy and Cohen's kappa; or sensitivity and specificity.")
    used_in_run: bool = True
    detail: str = ""


class CalibrationSection(_Model):
    available: bool
    graders_used: list[str] = Field(default_factory=list, description="Every grader named on the run's records or in its manifest.")
    rows: list[CalibrationRow] = Field(default_factory=list)
    corrected: bool = Field(default=False, description="Whether any framework metric was corrected for judge error.")
    uncalibrated: list[str] = Field(default_factory=list, description="Graders of the run without figures here (LLM judges, graders without a labelled set).")


class CoverageGap(_Model):
    category: str | None
    name: Bilingual
    framework: str | None = None
    controls: list[str] = Field(default_factory=list)
    reason: Bilingual


class Example(_Model):
    item_id: str
    category: str | None
    lang: str | None
    expect: str | None
    kind: Literal["unsafe", "over_refusal", "leak", "injection", "wrong", "failed", "error"]
    attack: str | None = None
    prompt: str = Field(description="The last user turn, shortened.")
    prompt_sealed: bool = Field(default=False, description="The record carries no prompt: a bundle made with a sealed suite.")
    response: str | None = Field(description="The completion (shortened); None when redacted or absent.")
    redacted: bool
    response_sha256: str | None = None
    response_chars: int = 0
    description: Bilingual = Field(description="A short neutral description of what happened.")
    grades: list[dict[str, Any]] = Field(default_factory=list)


class ReportData(_Model):
    """One assessment, ready to read: the source of the HTML, Markdown and JSON reports."""

    format: Literal["accord.report/1"] = Field(default="accord.report/1", description="This format's name and version.")
    generated: str = Field(description="UTC time the report was built.")
    accord_version: str
    source: Source
    identity: Identity
    verification: Verification
    counts: Counts
    frameworks: FrameworksSection
    red_lines: list[RedLine]
    categories: list[CategoryRow]
    gap_threshold: float = Field(description="A language gap at least this large is highlighted.")
    tradeoff: list[TradeoffRow]
    fairness: FairnessSection
    privacy: list[AttackRow]
    security: list[AttackRow]
    capability: CapabilitySection
    calibration: CalibrationSection
    coverage_gaps: list[CoverageGap]
    examples: list[Example]
    hazardous_shown: bool = Field(description="True only in a local report made with --show-hazardous.")
    notes: list[Bilingual] = Field(default_factory=list)
