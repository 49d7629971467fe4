"""The machine-readable report: one object with a ``violations`` array.

This shape is a contract (DESIGN.md, ``schemas/report.schema.json``): scripts and the other
tools people chain after memo-lint read it, so fields are only ever added, never renamed.
"""

from __future__ import annotations

from memo_lint.report import FileReport, LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import SEVERITIES, sorted_files, sorted_violations, to_json


def _file(file: FileReport) -> dict[str, object]:
    data: dict[str, object] = {
        "path": file.path,
        "pack": file.pack,
        "checked": file.memo,
        "kind": file.kind,
        "template": file.template,
        "confidence": file.confidence,
        "reason": file.pack_reason,
    }
    if file.reference_date:
        data["reference_date"] = file.reference_date
        data["reference_date_source"] = file.reference_source
    return data


def report_dict(report: LintReport) -> dict[str, object]:
    counts = report.counts()
    return {
        "version": report.version,
        "files": [_file(f) for f in sorted_files(report)],
        "violations": [v.to_dict() for v in sorted_violations(report.violations)],
        "summary": {
            "files": len(report.files),
            "violations": sum(counts.values()),
            "by_severity": {s.value: counts[s] for s in SEVERITIES},
            "fail_on": report.fail_on.value,
            "exit_code": report.exit_code,
        },
    }


def render(report: LintReport, options: RenderOptions) -> str:
    return to_json(report_dict(report))
