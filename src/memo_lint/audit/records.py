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
from memo_lint.reporters import shown_path

UNREADABLE_CODE = "ML001"
UNREADABLE = "unreadable"  # the kind of a document that could not be read (ML001)
UNRECOGNISED = "unrecognised"  # the kind when recognition abstains (ML003, no kind)


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
    row = document_row(report, seen, config_of(linter, memo), task.meta)
    rows.documents.append(row)
    if not (row["memo"] or row["kind"] == UNREADABLE):  # not checked: its row says why
        return
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
    return shown_path("\t".join(found)) if found else None


def document_row(
    report: FileReport,
    seen: Fingerprint | None,
    config: str | None,
    meta: dict[str, object],
) -> dict[str, object]:
    """The document's row; ``seen`` (None for an unreadable file) is what its findings
    depended on, stored so that a later run knows when they still hold.

    Kind, template and confidence are what the linter recognised (the engine's
    :mod:`memo_lint.recognition`, as ``check`` uses it): a document that is no decision memo
    is a row of its own kind (``motie``, ``brief``, or ``unrecognised`` when memo-lint
    abstains) with ``memo`` false and no findings, so it never counts as a memo that passed.
    """
    unreadable = next((v for v in report.violations if v.code == UNREADABLE_CODE), None)
    memo = report.memo and unreadable is None
    counts = {severity: 0 for severity in Severity}
    for violation in report.violations if memo or unreadable else ():
        counts[violation.severity] += 1
    if unreadable:
        kind: str = UNREADABLE
    else:
        kind = report.kind or UNRECOGNISED
    return {
        **meta,
        "sha256": seen.digest if seen else "",
        "config": config,
        "today": seen.today if seen else None,
        "deps": "\n".join(f"{shown_path(path)}\t{sha}" for path, sha in seen.deps) if seen else "",
        "kind": kind,
        "memo": memo,
        "template": report.template if memo else None,
        "confidence": report.confidence if unreadable is None else None,
        "pack": report.pack if memo else None,
        "pack_reason": report.pack_reason,
        "memo_date": report.memo_date or meta.get("index_date"),
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
        "read_error": unreadable.message if unreadable else None,
        "reader_warnings": report.reader_warnings,
    }
