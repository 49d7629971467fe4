"""Worker side of an audit: a batch of documents in, plain rows out.

This module imports no pyarrow: it runs in pool processes and on Dask workers, and what it
returns (lists of dicts of str/int/None) pickles cheaply and turns into an Arrow table in
the one process that writes the store. Every worker builds one :class:`Linter` per set of
options and keeps it for the batches that follow, as ``check --jobs`` does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from memo_lint.api import Linter, LintOptions
from memo_lint.errors import UnreadableFile
from memo_lint.model import Severity
from memo_lint.report import FileReport

UNREADABLE_CODE = "ML001"
NOT_A_MEMO = "not-a-memo"
UNREADABLE = "unreadable"
BASE_KINDS = ("raadsvoorstel", "informatienota", "collegevoorstel")


@dataclass(frozen=True, slots=True)
class Task:
    """One document to audit: its path as the store names it, the absolute path a worker
    reads (its working folder may differ), its bytes when the worker cannot see the path,
    and what the client knows of it (index metadata, stat) that goes into its row."""

    path: str
    location: str
    data: bytes | None = None
    meta: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Rows:
    """One batch's rows: one per document, one per finding (columns as in the store)."""

    documents: list[dict[str, object]] = field(default_factory=list)
    findings: list[dict[str, object]] = field(default_factory=list)


_LINTERS: dict[LintOptions, Linter] = {}


def linter_for(options: LintOptions) -> Linter:
    """The process's linter for these options (packs and configs loaded once per worker)."""
    if options not in _LINTERS:
        _LINTERS[options] = Linter(options)
    return _LINTERS[options]


def audit_batch(tasks: list[Task], options: LintOptions) -> Rows:
    """Lint each task's document; never raises for a bad document (it becomes ML001)."""
    linter = linter_for(options)
    rows = Rows()
    for task in tasks:
        audit_one(linter, task, rows)
    return rows


def audit_one(linter: Linter, task: Task, rows: Rows) -> None:
    memo = Path(task.location)
    data = task.data
    if data is None:
        try:
            data = linter.read(memo)
        except UnreadableFile:
            data = None  # lint_file reads again and reports why, as ML001
    report = linter.lint_file(memo, data)
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    rows.documents.append(document_row(linter, report, digest, task.meta))
    for violation in report.violations:
        rows.findings.append(
            {
                "path": task.path,
                "code": violation.code,
                "rule": violation.rule,
                "severity": violation.severity.value,
                "line": violation.span.line,
                "column": violation.span.column,
                "end_line": violation.span.end_line,
                "end_column": violation.span.end_column,
                "page": violation.page,
                "message": violation.message,
            }
        )


def document_row(
    linter: Linter, report: FileReport, digest: str, meta: dict[str, object]
) -> dict[str, object]:
    counts = {severity: 0 for severity in Severity}
    for violation in report.violations:
        counts[violation.severity] += 1
    unreadable = next((v for v in report.violations if v.code == UNREADABLE_CODE), None)
    return {
        **meta,
        "sha256": digest,
        "kind": UNREADABLE if unreadable else kind_of(linter, report),
        "template": report.pack,
        "pack_reason": report.pack_reason,
        "memo_date": report.memo_date or meta.get("index_date"),
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
        "read_error": unreadable.message if unreadable else None,
        "reader_warnings": [],
        "deps": "\n".join(f"{path}\t{sha}" for path, sha in linter.dependencies(report)),
    }


def kind_of(linter: Linter, report: FileReport) -> str:
    """The document's kind: the nearest base pack its template extends (``raadsvoorstel``
    for ``denhaag-raadsvoorstel``), from pack detection."""
    pack = linter.pack(report.pack_ref or report.pack)
    chain = [Path(path).stem for path, _ in pack.files]
    return next((name for name in chain if name in BASE_KINDS), pack.name)
