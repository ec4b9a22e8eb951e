"""Standards as code: frameworks, the metric registry, and verdicts from one run.

Public API (stable)::

    load_framework("tc260-003")            # a built-in by id, or a path to a YAML file
    builtin_framework_names()
    evaluate(records, frameworks, items=..., calibration=...) -> Assessment
    evaluate_counted([(record, n), ...], frameworks) -> Assessment   # records with multiplicities
    evaluate_run(run_dir, frameworks) -> Assessment
    summary_lines(assessment, lang) -> list[str]   # one line per framework, for `accord assess`
"""

from accord.frameworks._assessment import (
    Assessment,
    BandGrade,
    ControlVerdict,
    CorrectedRate,
    CoverageRow,
    FrameworkSummary,
    JudgeCalibration,
    LanguageVerdict,
    MetricRow,
)
from accord.frameworks._crosswalk import Crosswalk, CrosswalkEntry, CrosswalkRow, crosswalk
from accord.frameworks._decide import decide
from accord.frameworks._evaluate import evaluate, evaluate_counted, evaluate_run
from accord.frameworks._grading import GRADES, ailuminate_grade
from accord.frameworks._loader import (
    builtin_framework_names,
    load_framework,
    validate_framework_file,
)
from accord.frameworks._metrics import METRICS, MetricSpec, metric_ids
from accord.frameworks._plan import Plan, PlanCell, PlanControl, PlanTotal, plan
from accord.frameworks._render import (
    render_crosswalk,
    render_framework,
    render_framework_list,
    render_json,
    render_plan,
    render_table,
    summary_lines,
)
from accord.frameworks._schema import (
    CategoryMapping,
    Control,
    Framework,
    FrameworkCategory,
    Grading,
    LocalText,
    Minimum,
    Scope,
    Source,
    SourceRef,
    Threshold,
)

__all__ = [
    "GRADES",
    "METRICS",
    "Assessment",
    "BandGrade",
    "CategoryMapping",
    "Control",
    "ControlVerdict",
    "CorrectedRate",
    "CoverageRow",
    "Crosswalk",
    "CrosswalkEntry",
    "CrosswalkRow",
    "Framework",
    "FrameworkCategory",
    "FrameworkSummary",
    "Grading",
    "JudgeCalibration",
    "LanguageVerdict",
    "LocalText",
    "MetricRow",
    "MetricSpec",
    "Minimum",
    "Plan",
    "PlanCell",
    "PlanControl",
    "PlanTotal",
    "Scope",
    "Source",
    "SourceRef",
    "Threshold",
    "ailuminate_grade",
    "builtin_framework_names",
    "crosswalk",
    "decide",
    "evaluate",
    "evaluate_counted",
    "evaluate_run",
    "load_framework",
    "metric_ids",
    "plan",
    "render_crosswalk",
    "render_framework",
    "render_framework_list",
    "render_json",
    "render_plan",
    "render_table",
    "summary_lines",
    "validate_framework_file",
]
