"""SARIF 2.1.0, the format code-scanning dashboards (GitHub, Azure DevOps, IDEs) import.

Every rule goes into ``tool.driver.rules`` so a dashboard can show the rule's help next to a
finding; results refer to them by ``ruleIndex``. Relative memo paths are given against
``%SRCROOT%`` (GitHub resolves that to the repository root); columns count code points, as
Python strings do.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from urllib.parse import quote

from memo_lint.model import Severity, Violation
from memo_lint.report import LintReport, RuleInfo
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import (
    PROJECT_URL,
    json_chunks,
    placeholder,
    rules_in_use,
    sorted_violations,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(rule: RuleInfo) -> dict[str, object]:
    descriptor: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale or rule.summary},
        "help": {"text": rule.hint or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    return descriptor


def artifact_location(path: str) -> dict[str, str]:
    """A relative URI against the source root, or a ``file:`` URI for an absolute path."""
    pure = PurePath(path)  # the current platform's flavour: the CLI made these paths here
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": SOURCE_ROOT}


def result(violation: Violation, rule_index: int) -> dict[str, object]:
    span = violation.span
    location: dict[str, object] = {
        "physicalLocation": {
            "artifactLocation": artifact_location(violation.path),
            "region": {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
            },
        }
    }
    found: dict[str, object] = {
        "ruleId": violation.code,
        "ruleIndex": rule_index,
        "level": LEVELS[violation.severity],
        "message": {"text": violation.message},
        "locations": [location],
    }
    if violation.page is not None:
        found["properties"] = {"page": violation.page}
    return found


RESULTS = placeholder("results")


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    """The log with its results written one by one."""
    rules = rules_in_use(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    run = {
        "tool": {
            "driver": {
                "name": "memo-lint",
                "version": report.version,
                "informationUri": PROJECT_URL,
                "rules": [rule_descriptor(rule) for rule in rules],
            }
        },
        "invocations": [{"executionSuccessful": True, "exitCode": report.exit_code}],
        "columnKind": "unicodeCodePoints",
        "results": RESULTS,
    }
    results = (result(v, index[v.code]) for v in sorted_violations(report.violations))
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_chunks(log, (RESULTS, results))
