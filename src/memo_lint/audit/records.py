"""Worker side of an audit: a batch of documents in, plain rows out.

This module imports no pyarrow: it runs in pool processes and on Dask workers, and what it
returns (lists of dicts of str/int/None) pickles cheaply and turns into an Arrow table in
the one process that writes the store. Every worker builds one :class:`Linter` per set of
options and keeps it for the batches that follow, as ``check --jobs`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from memo_lint.api import Linter, LintOptions
from memo_lint.cache import Fingerprint
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


@dataclass(frozen=True, slots=True)
class Job:
    """What every batch of one audit run shares: the lint options and the run's id."""

    lint: LintOptions
    run: str


_LINTER: dict[str, Linter] = {}  # the current run's linter, in this process


def linter_for(job: Job) -> Linter:
    """The process's linter for this run: packs and configs are loaded once per worker and
    run, and a config edited between two runs is read again."""
    if job.run not in _LINTER:
        _LINTER.clear()
        _LINTER[job.run] = Linter(job.lint)
    return _LINTER[job.run]


def audit_batch(tasks: list[Task], job: Job) -> Rows:
    """Lint each task's document; never raises for a bad document (it becomes ML001)."""
    linter = linter_for(job)
    rows = Rows()
    for task in tasks:
        audit_one(linter, task, rows)
    return rows


def audit_one(linter: Linter, task: Task, rows: Rows) -> None:
    memo = Path(task.location)
    report, seen = linter.lint_checked(memo, task.data)
    rows.documents.append(document_row(linter, report, seen, config_of(linter, memo), task.meta))
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


def config_of(linter: Linter, memo: Path) -> str | None:
    """The config file found for the memo and its digest, as stored ("path\tsha256")."""
    try:
        found = Linter.config_fingerprint(linter.config_for(memo))
    except OSError:  # a broken path (a symlink loop): linted again on every run
        return "?"
    return "\t".join(found) if found else None


def document_row(
    linter: Linter,
    report: FileReport,
    seen: Fingerprint | None,
    config: str | None,
    meta: dict[str, object],
) -> dict[str, object]:
    """The document's row; ``seen`` (None for an unreadable file) is what its findings
    depended on, stored so that a later run knows when they still hold."""
    counts = {severity: 0 for severity in Severity}
    for violation in report.violations:
        counts[violation.severity] += 1
    unreadable = next((v for v in report.violations if v.code == UNREADABLE_CODE), None)
    return {
        **meta,
        "sha256": seen.digest if seen else "",
        "config": config,
        "today": seen.today if seen else None,
        "deps": "\n".join(f"{path}\t{sha}" for path, sha in seen.deps) if seen else "",
        "kind": UNREADABLE if unreadable else kind_of(linter, report),
        "template": report.pack,
        "pack_reason": report.pack_reason,
        "memo_date": report.memo_date or meta.get("index_date"),
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
        "read_error": unreadable.message if unreadable else None,
        "reader_warnings": [],
    }


def kind_of(linter: Linter, report: FileReport) -> str:
    """The document's kind: the nearest base pack its template extends (``raadsvoorstel``
    for ``denhaag-raadsvoorstel``), from pack detection."""
    pack = linter.pack(report.pack_ref or report.pack)
    chain = [Path(path).stem for path, _ in pack.files]
    return next((name for name in chain if name in BASE_KINDS), pack.name)
