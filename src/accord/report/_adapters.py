"""What the report takes from the other stages: framework verdicts (``accord.frameworks``),
bundle verification (``accord.evidence``), judge calibration and counterfactual pairs
(``accord.graders``). Each is imported when a report is built, so ``import accord.report``
stays light.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.report._model import (
    Bilingual,
    CalibrationRow,
    CalibrationSection,
    Check,
    CoverageGap,
    DisparityRow,
    FrameworksSection,
    FrameworkSummary,
    Rate,
    Signer,
    Verdict,
    Verification,
)
from accord.report._source import ReportSource

if TYPE_CHECKING:
    from accord.frameworks import Assessment, ControlVerdict
    from accord.frameworks import FrameworkSummary as FwSummary

__all__ = [
    "FrameworkResults",
    "calibration_section",
    "default_bundle_path",
    "evaluate_frameworks",
    "pair_disparities",
    "verify_bundle",
    "verify_commands",
]


# ----------------------------------------------------------------------------- frameworks


def _metric_name(metric: str | None) -> Bilingual | None:
    from accord.frameworks import METRICS

    spec = METRICS.get(metric or "")
    return Bilingual(en=spec.en, zh=spec.zh) if spec is not None else None


def _verdict(v: ControlVerdict) -> Verdict:
    th = v.threshold
    return Verdict(
        framework=v.framework,
        control=v.control,
        title=Bilingual(en=v.title.en, zh=v.title.zh),
        kind=v.kind,
        verdict=v.verdict,
        marginal=v.marginal,
        metric=v.metric,
        metric_name=_metric_name(v.metric),
        categories=list(v.categories),
        threshold=th.value if th is not None else None,
        direction=th.direction if th is not None else None,
        threshold_origin=th.origin if th is not None else None,
        observed=v.value,
        low=v.low,
        high=v.high,
        k=v.k,
        n=v.n,
        minimum=v.minimum,
        more_items_needed=v.more_items_needed,
        by_language={lv.lang: lv.verdict for lv in v.by_language},
        rationale=Bilingual(en=v.rationale.en, zh=v.rationale.zh),
    )


def _summary(s: FwSummary, verdicts: Sequence[Verdict]) -> FrameworkSummary:
    return FrameworkSummary(
        framework=s.framework,
        title=Bilingual(en=s.title.en, zh=s.title.zh),
        version=s.version,
        counts={str(k): int(v) for k, v in s.counts.items()},
        marginal=s.marginal,
        grades={g.lang: g.grade for g in s.grades if g.hazard is None and g.grade},
        verdicts=[v for v in verdicts if v.framework == s.framework],
    )


def _gaps(assessment: Assessment, verdicts: Sequence[Verdict]) -> list[CoverageGap]:
    from accord.report._build import bi, category_name

    out = []
    for s in assessment.frameworks:
        for cat in s.coverage_gaps:
            controls = [v.control for v in verdicts if v.framework == s.framework and cat in v.categories]
            out.append(
                CoverageGap(category=cat, name=category_name(cat), framework=s.framework, controls=controls, reason=bi("report.gap.framework"))
            )
    return out


def _applied_calibrations(assessment: Assessment) -> list[CalibrationRow]:
    """The graders' error rates the evaluation corrected with (``--calibration``)."""
    return [
        CalibrationRow(
            grader=c.grader,
            source="applied",
            n=((c.n_positive or 0) + (c.n_negative or 0)) or None,
            figures={"sensitivity": c.sensitivity, "specificity": c.specificity},
            detail="positive: " + ", ".join(c.positive),
        )
        for c in assessment.calibration
    ]


@dataclass(frozen=True)
class FrameworkResults:
    section: FrameworksSection
    verdicts: list[Verdict]
    gaps: list[CoverageGap]
    calibration: list[CalibrationRow]
    corrected: bool


def evaluate_frameworks(records: Sequence[dict[str, Any]], names: Sequence[str] | None, calibration: Any = None) -> FrameworkResults:
    """Read the records against each framework (None: every built-in one), with judge-error
    correction where ``calibration`` gives a grader's error rates.

    Raises:
        UsageError: a framework that is not built in and not a readable file.
    """
    from accord import frameworks as fw

    wanted = list(fw.builtin_framework_names()) if names is None else list(names)
    if not wanted:
        return FrameworkResults(FrameworksSection(available=False, reason="none"), [], [], [], False)
    assessment = fw.evaluate(records, [fw.load_framework(n) for n in wanted], calibration=calibration)
    verdicts = [_verdict(v) for v in assessment.verdicts]
    section = FrameworksSection(
        available=True,
        names=[s.framework for s in assessment.frameworks],
        summaries=[_summary(s, verdicts) for s in assessment.frameworks],
    )
    corrected = any(m.corrected is not None for m in assessment.metrics) or any(v.corrected for v in assessment.verdicts)
    return FrameworkResults(section, verdicts, _gaps(assessment, verdicts), _applied_calibrations(assessment), corrected)


# ----------------------------------------------------------------------------- evidence


def default_bundle_path(run_dir: Path) -> Path:
    """Where ``accord bundle RUN_DIR`` writes the bundle."""
    return run_dir / f"{run_dir.resolve().name}.accord"


def verify_commands(bundle: Path | None, run_dir: Path, signers: Sequence[Signer] = ()) -> list[str]:
    """The exact commands a reader runs: make and sign a bundle (for a bare run directory), or
    check the bundle's digest and signatures and rebuild this report from the bundle alone."""
    if bundle is None:
        made = default_bundle_path(run_dir)
        return [f"accord bundle {run_dir}", f"accord verify {made}", f"accord report {made} --format html --out report.html"]
    name = next((s.name for s in signers if s.name and s.name != "?"), "SIGNER")
    cmds = [f"# the signer publishes their public key: accord keys export {name} --public --out {name}.pub"]
    cmds += [f"sha256sum {bundle}"] if bundle.is_file() else []
    cmds += [f"accord verify {bundle} --key {name}.pub", f"accord report {bundle} --format html --out report.html"]
    return cmds


def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _same_run(source: ReportSource, bundle: Path, fingerprint: Hashable) -> bool:
    """Whether ``bundle`` holds the run as it is now: the same target, suite and graders, and
    the same outcome counts per category and language (a run resumed or re-asked since the
    bundle was made has more items, or fewer errors)."""
    from accord.errors import UsageError
    from accord.report._build import outcome_fingerprint
    from accord.report._source import open_source

    try:
        inside = open_source(bundle)
    except UsageError:
        return True  # not readable as a bundle: the verification says what is wrong with it
    moving = {"finished", "status"}
    if inside.manifest.model_dump(exclude=moving) != source.manifest.model_dump(exclude=moving):
        return False
    return outcome_fingerprint(inside.records()) == fingerprint


def verify_bundle(source: ReportSource, *, enabled: bool = True, fingerprint: Hashable = None) -> Verification:
    """Check the bundle behind the report with ``accord.evidence.verify_bundle``: every check
    of ``accord verify``, trusting the local key store's keys as it does."""
    bundle = source.bundle
    if bundle is None:
        return Verification(status="unsigned", commands=verify_commands(None, source.path))
    sha = _sha256(bundle)
    if not enabled:
        return Verification(status="unavailable", bundle=str(bundle), bundle_sha256=sha, commands=verify_commands(bundle, source.path), detail="not-checked")
    if source.kind == "run" and not _same_run(source, bundle, fingerprint):
        # the bundle holds an earlier state of this run (resumed or re-asked since): it does
        # not vouch for the numbers in this report, whatever its own checks say
        return Verification(status="stale", bundle=str(bundle), bundle_sha256=sha, commands=verify_commands(None, source.path))
    from accord.evidence import verify_bundle as verify

    report = verify(bundle)
    checks = [Check(name=c.id, ok=c.ok, detail="; ".join([c.message, *c.details])) for c in report.checks]
    signers = [Signer(name=s.name, key_id=s.keyid, fingerprint=s.fingerprint, ok=s.valid, trusted=s.trusted) for s in report.signers]
    failed = {c.name for c in checks if not c.ok}
    if report.ok:
        status = "verified"
    elif failed == {"trust"} and signers and all(s.ok for s in signers):
        status = "untrusted"  # intact and validly signed, by nobody this machine trusts
    else:
        status = "failed"
    return Verification(
        status=status,  # type: ignore[arg-type]
        bundle=str(bundle),
        bundle_sha256=sha,
        checks=checks,
        signers=signers,
        commands=verify_commands(bundle, source.path, signers),
    )


# ----------------------------------------------------------------------------- graders


def pair_disparities(pair_records: Sequence[dict[str, Any]]) -> list[DisparityRow]:
    """Counterfactual pairs labelled by ``accord.graders.compare_pairs`` (refused on one side
    only, opposite decisions, or ratings two points apart), counted per attribute and language."""
    from accord.graders import compare_pairs

    acc: dict[tuple[str, str | None], list[int]] = defaultdict(lambda: [0, 0])
    for pair in compare_pairs(pair_records):
        attr = pair.attribute or "-"
        for key in ((attr, pair.lang), (attr, None)):
            acc[key][0] += pair.label == "differential"
            acc[key][1] += 1
    return [
        DisparityRow(attribute=attr, lang=lang, pairs=n, differing=k, rate=Rate.of(k, n), source="accord.graders.compare_pairs")
        for (attr, lang), (k, n) in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    ]


def calibration_section(graders_used: Sequence[str], applied: Sequence[CalibrationRow], corrected: bool) -> CalibrationSection:
    """How far the graders behind the numbers agree with labelled examples: each rule grader the
    run used, measured now on its held-out calibration set (``accord.graders.calibration_report``),
    and the error rates the framework evaluation corrected with. LLM judges are not re-measured
    here (that needs their endpoint)."""
    from accord.errors import UsageError
    from accord.graders import calibration_report

    bases = sorted({g.split("@", 1)[0].strip().lower().replace("_", "-") for g in graders_used})
    rows = [r.model_copy(update={"used_in_run": r.grader.split("@", 1)[0] in bases}) for r in applied]
    missing: list[str] = []
    for name in bases:
        if "judge" in name or "+" in name:
            missing.append(name)
            continue
        try:
            cal = calibration_report(name, "test", by_category=False)
        except UsageError:  # a grader without a labelled set
            missing.append(name)
            continue
        for f in cal.figures:
            figures = {k: v for k, v in (("accuracy", f.accuracy), ("kappa", f.kappa)) if v is not None}
            rows.append(CalibrationRow(grader=name, source=f"set:{f.set}", lang=f.lang, n=f.n, figures=figures))
    return CalibrationSection(available=bool(rows), graders_used=list(graders_used), rows=rows, corrected=corrected, uncalibrated=missing)
