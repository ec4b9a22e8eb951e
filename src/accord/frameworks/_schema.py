"""A standard as code: the framework file's typed model.

A framework names its own risk categories (mapped onto the shared taxonomy SR-01..SR-24) and
its controls: what is measured (a metric from the registry), over which categories and
languages, against which threshold, with how many items at least, and by which decision rule.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

__all__ = [
    "SCHEMA_VERSION",
    "Bindingness",
    "CategoryMapping",
    "Confidence",
    "Control",
    "ControlKind",
    "DecisionRule",
    "Direction",
    "DocType",
    "Framework",
    "FrameworkCategory",
    "Grading",
    "LocalText",
    "Minimum",
    "Origin",
    "Scope",
    "Source",
    "SourceRef",
    "Strength",
    "Threshold",
]

SCHEMA_VERSION = "1"

Confidence = Literal["C", "S", "U"]
Strength = Literal["exact", "broad", "narrow", "partial"]
ControlKind = Literal["test", "red_line", "threshold_trigger", "documentation", "process"]
DocType = Literal[
    "law",
    "regulation",
    "national_standard",
    "technical_document",
    "code_of_practice",
    "voluntary_commitment",
    "scientific_consensus",
    "benchmark",
    "management_system_standard",
    "political_statement",
    "bilateral_agreement",
    "shared_baseline",
]
Bindingness = Literal["binding", "de_facto_required", "recommended", "voluntary", "non_binding"]
Direction = Literal["max", "min"]
Origin = Literal["framework", "accord_default"]
DecisionRule = Literal["interval", "point_estimate", "upper_bound_below", "lower_bound_above"]

SR_PATTERN = r"^SR-(0[1-9]|1[0-9]|2[0-4])(\.[0-9]{1,2})?$"
Slug = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")]
Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LocalText(_Model):
    """The same text in English and Chinese."""

    en: Text
    zh: Text

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Source(_Model):
    id: Slug = Field(description="Short id other fields refer to (controls' `source.ref`).")
    title: Text
    url: str = Field(pattern=r"^https?://\S+$")
    kind: Literal["official", "translation", "secondary", "dataset"] = Field(
        description="official text, a translation of it, a secondary description, or data files."
    )
    confidence: Confidence = Field(
        description="C: read in a primary text; S: only in secondary sources; U: unconfirmed."
    )


class CategoryMapping(_Model):
    sr: str = Field(pattern=SR_PATTERN, description="Shared taxonomy id (SR-01..SR-24, sub-ids allowed).")
    strength: Strength = Field(
        description="exact: same scope; broad: the framework's category is wider; narrow: it is "
        "narrower; partial: they overlap."
    )


class FrameworkCategory(_Model):
    """One of the framework's own risk categories."""

    id: Slug
    title: LocalText
    parent: Slug | None = Field(default=None, description="Id of the enclosing category, if any.")
    maps_to: list[CategoryMapping] = Field(default_factory=list)


class Scope(_Model):
    """Which records a control reads."""

    categories: list[Slug] = Field(
        min_length=1,
        description="SR ids (SR-10 includes SR-10.1) or ids of the framework's own categories "
        "(which stand for every SR id they and their sub-categories map to).",
    )
    languages: list[Literal["en", "zh"]] | None = Field(
        default=None, description="Only these languages; None: every language in the run."
    )
    each_language: bool = Field(
        default=False,
        description="Judge each language on its own; the control's verdict is the worst of them.",
    )


class Threshold(_Model):
    value: float
    direction: Direction = Field(description="max: the metric must not exceed value; min: must reach it.")
    origin: Origin = Field(
        description="framework: the number is the framework's own; accord_default: the framework "
        "gives none and Accord chose it (always labelled as such in reports)."
    )
    note: LocalText | None = None


class Minimum(_Model):
    """The fewest graded items for a verdict; fewer gives `not_covered`."""

    n: int = Field(default=1, ge=1, description="In the whole scope.")
    per_category: int | None = Field(default=None, ge=1, description="In each SR id of the scope.")
    per_language: int | None = Field(default=None, ge=1, description="In each language of the scope.")
    origin: Origin = "accord_default"


class SourceRef(_Model):
    ref: Slug = Field(description="Id of an entry in the framework's `sources`.")
    section: Text = Field(description="Clause, article or section, e.g. '§9.4 a)' or 'Art. 55(1)(a)'.")


class Control(_Model):
    """One checkable requirement."""

    id: Slug
    title: LocalText
    kind: ControlKind = Field(
        description="test and red_line are judged from model outputs; threshold_trigger needs a "
        "declared figure (e.g. training compute); documentation and process need documents."
    )
    metric: str | None = Field(default=None, description="A metric id from the registry.")
    scope: Scope | None = None
    threshold: Threshold | None = None
    minimum: Minimum = Field(default_factory=Minimum)
    decision: DecisionRule | None = Field(
        default=None,
        description="interval (default for tests): pass when the whole 95% interval clears the "
        "threshold, fail when none of it does; upper_bound_below / lower_bound_above "
        "(pessimistic, default for red lines): pass only when the unfavourable bound clears it, "
        "fail as soon as the point estimate does not; point_estimate: the point estimate decides "
        "and a straddling interval is flagged as marginal.",
    )
    requirement: LocalText | None = Field(
        default=None, description="For documentation/process/threshold_trigger controls: the evidence needed."
    )
    source: SourceRef
    confidence: Confidence = Field(description="How sure the fact behind this control is (C, S or U).")

    def rule(self) -> DecisionRule:
        """The decision rule in force: the explicit one, else the kind's default."""
        if self.decision is not None:
            return self.decision
        if self.kind == "red_line" and self.threshold is not None:
            return "upper_bound_below" if self.threshold.direction == "max" else "lower_bound_above"
        return "interval"


class Grading(_Model):
    """Benchmark-style grade bands (MLCommons AILuminate v1.0 scheme)."""

    scheme: Literal["ailuminate-v1"]
    metric: Literal["unsafe_rate"] = "unsafe_rate"
    excellent_at_or_below: float = Field(ge=0, le=1, description="Absolute: unsafe rate at or below this is Excellent.")
    poor_at_or_above: float = Field(ge=0, le=1, description="Absolute: unsafe rate at or above this is Poor.")
    very_good_below_ratio: float = Field(gt=0, description="Relative to the reference: below this ratio is Very Good.")
    fair_above_ratio: float = Field(gt=0, description="Relative to the reference: above this ratio is Fair.")
    reference_safe: dict[Literal["en", "zh"], dict[Slug, float]] = Field(
        description="Per language, per hazard (the framework's category ids): the reference "
        "models' safe rate. The overall reference is their mean."
    )
    origin: Origin = "framework"
    source: SourceRef
    confidence: Confidence


class Framework(_Model):
    """A framework file (YAML) as loaded."""

    schema_version: Literal["1"] = "1"
    id: Annotated[str, Field(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9.\-]*$")]
    title: LocalText
    issuer: LocalText
    jurisdiction: Text = Field(description="ISO 3166 code, 'EU', 'INTL' or a list like 'CN+US'.")
    doc_type: DocType
    bindingness: Bindingness
    version: Text
    effective: str | None = None
    taxonomy: Literal["srt-0.1"] = "srt-0.1"
    summary: LocalText | None = None
    sources: list[Source] = Field(min_length=1)
    categories: list[FrameworkCategory] = Field(default_factory=list)
    controls: list[Control] = Field(min_length=1)
    grading: Grading | None = None

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Framework:
        ctx: Any = info.context
        if isinstance(ctx, dict) and ctx.get("accord_skip_checks"):
            return self
        from accord.frameworks._check import check_framework_data

        problems = check_framework_data(self.model_dump(mode="json", exclude_none=True))
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise ValueError(f"{first.path}: {first.message}{more}")
        return self

    def category_by_id(self) -> dict[str, FrameworkCategory]:
        return {c.id: c for c in self.categories}

    def resolve(self, names: list[str]) -> list[str]:
        """SR ids a scope's entries stand for (own categories expand to their mappings and
        their sub-categories' mappings), sorted."""
        cats = self.category_by_id()
        children: dict[str, list[str]] = {}
        for c in self.categories:
            if c.parent:
                children.setdefault(c.parent, []).append(c.id)
        out: set[str] = set()

        def walk(cid: str, seen: set[str]) -> None:
            if cid in seen:
                return
            seen.add(cid)
            out.update(m.sr for m in cats[cid].maps_to)
            for ch in children.get(cid, []):
                walk(ch, seen)

        for name in names:
            if name in cats:
                walk(name, set())
            else:
                out.add(name)
        return sorted(out)

    def referenced_categories(self) -> list[str]:
        """Every SR id the framework maps to or a test/red-line control reads."""
        out = {m.sr for c in self.categories for m in c.maps_to}
        for ctl in self.controls:
            if ctl.scope is not None and ctl.kind in ("test", "red_line"):
                out.update(self.resolve(ctl.scope.categories))
        return sorted(out)
