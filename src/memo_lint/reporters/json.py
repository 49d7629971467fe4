"""The machine-readable report: one object with a ``violations`` array.

This shape is a contract (DESIGN.md, ``schemas/report.schema.json``): scripts and the other
tools people chain after memo-lint read it, so fields are only ever added, never renamed.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.report import FileReport, LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import (
    SEVERITIES,
    json_chunks,
    placeholder,
    sorted_files,
    sorted_violations,
)


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


FILES, VIOLATIONS = placeholder("files"), placeholder("violations")


def report_dict(report: LintReport) -> dict[str, object]:
    """The report's object with placeholders for its two long arrays (see :func:`chunks`)."""
    counts = report.counts()
    return {
        "version": report.version,
        "files": FILES,
        "violations": VIOLATIONS,
        "summary": {
            "files": len(report.files),
            "violations": sum(counts.values()),
            "by_severity": {s.value: counts[s] for s in SEVERITIES},
            "fail_on": report.fail_on.value,
            "exit_code": report.exit_code,
        },
    }


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    """The object with ``files`` and ``violations`` written item by item."""
    return json_chunks(
        report_dict(report),
        (FILES, (_file(f) for f in sorted_files(report))),
        (VIOLATIONS, (v.to_dict() for v in sorted_violations(report.violations))),
    )
