"""Graders: turn a model's response into a labelled, scored judgement.

Rule graders (microseconds, offline): ``refusal``, ``pii-leak``, ``injection``, ``choice``,
``counterfactual``. LLM judges served by any target: ``judge``, ``judge-refusal``,
``judge-leak``, ``judge-injection``. Rules first, judge where unsure: ``refusal+judge``,
``pii-leak+judge``, ``injection+judge``. Calibration against labelled sets:
:func:`calibration_report`; counterfactual pairs: :func:`compare_pairs`.
"""

from accord.graders._base import Grade, Grader, create_grader, grader_names, register_grader
from accord.graders._calibrate import (
    CalibrationReport,
    CalibrationRow,
    Figures,
    LabelFigures,
    calibration_report,
    cohen_kappa,
    load_calibration_set,
    split_of,
)
from accord.graders._choice import extract_choice, parse_options
from accord.graders._compose import ComposedGrader
from accord.graders._counterfactual import PairResult, compare_pairs, decision_of
from accord.graders._injection import classify_injection
from accord.graders._judge import RUBRICS, JudgeConfig, JudgeGrader, Rubric, parse_verdict
from accord.graders._pii import PIIFinding, classify_leak, find_pii
from accord.graders._refusal import classify_refusal

__all__ = [
    "RUBRICS",
    "CalibrationReport",
    "CalibrationRow",
    "ComposedGrader",
    "Figures",
    "Grade",
    "Grader",
    "JudgeConfig",
    "JudgeGrader",
    "LabelFigures",
    "PIIFinding",
    "PairResult",
    "Rubric",
    "calibration_report",
    "classify_injection",
    "classify_leak",
    "classify_refusal",
    "cohen_kappa",
    "compare_pairs",
    "create_grader",
    "decision_of",
    "extract_choice",
    "find_pii",
    "grader_names",
    "load_calibration_set",
    "parse_options",
    "parse_verdict",
    "register_grader",
    "split_of",
]
