"""GitLab Code Quality JSON: findings shown in the merge request widget and the diff.

Severity mapping (GitLab knows info, minor, major, critical, blocker): ``info`` → info,
``warning`` → minor, ``error`` → major. ``critical`` and ``blocker`` stay unused: a memo
finding blocks nothing by itself; the ``--fail-on`` level decides whether the job fails.

GitLab compares fingerprints between the base and the head of a merge request to tell new
findings from fixed ones, so a fingerprint must not change when unrelated text moves the
finding down: it hashes the path, the code, the (stripped) text of the offending line and the
occurrence index among identical triples, never the line number.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator

from memo_lint.model import Severity, Violation
from memo_lint.report import FileReport, LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import (
    json_chunks,
    placeholder,
    sorted_files,
    sorted_violations,
    source_line,
)

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def fingerprints(file: FileReport) -> list[tuple[Violation, str]]:
    """Each violation of the memo, in order, with its edit-stable fingerprint."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for violation in sorted_violations(file.violations):
        text = (source_line(file, violation.span.line, violation) or "").strip()
        key = (violation.path, violation.code, text)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join([*key, str(occurrence)]).encode("utf-8"))
        result.append((violation, digest.hexdigest()))
    return result


def issue(violation: Violation, fingerprint: str) -> dict[str, object]:
    return {
        "description": f"{violation.code} {violation.message}",
        "check_name": f"{violation.code} {violation.rule}",
        "fingerprint": fingerprint,
        "severity": SEVERITIES[violation.severity],
        "location": {"path": violation.path, "lines": {"begin": violation.span.line}},
    }


ISSUES = placeholder("issues")


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    """The array of issues, written one by one."""
    issues = (
        issue(violation, fingerprint)
        for file in sorted_files(report)
        for violation, fingerprint in fingerprints(file)
    )
    return json_chunks(ISSUES, (ISSUES, issues))
