"""Write the JSON Schemas of Accord's persisted formats into docs/schemas/."""

from __future__ import annotations

import json
from pathlib import Path

from accord.engine import Record, RunManifest
from accord.evidence import (
    AuditReport,
    BundlePredicate,
    InclusionProof,
    Manifest,
    Signers,
    Statement,
    SuiteCommitment,
    VerifyReport,
)
from accord.frameworks import Assessment, Framework
from accord.report import CompareData, ReportData
from accord.suites import Item

SCHEMAS = {"record": Record, "run-manifest": RunManifest, "item": Item, "framework": Framework, "assessment": Assessment, "report": ReportData, "compare": CompareData, "bundle-statement": Statement, "bundle-predicate": BundlePredicate, "bundle-manifest": Manifest, "bundle-signers": Signers, "suite-commitment": SuiteCommitment, "inclusion-proof": InclusionProof, "verify-report": VerifyReport, "audit-report": AuditReport}
OUT = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def render(model: type) -> str:
    return json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"  # type: ignore[attr-defined]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, model in SCHEMAS.items():
        (OUT / f"{name}.schema.json").write_text(render(model), encoding="utf-8")


if __name__ == "__main__":
    main()
