"""The result of a lint run, as handed to the reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from memo_lint.model import Severity, Violation


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter may say about a rule (SARIF rules, HTML legends, JUnit cases)."""

    code: str
    name: str
    severity: Severity
    summary: str  # one line, in the report's language
    hint: str | None
    rationale: str
    help_uri: str | None = None


@dataclass(slots=True)
class FileReport:
    path: str
    violations: list[Violation]
    pack: str
    pack_reason: str = ""
    lines: list[str] = field(default_factory=list)  # the memo's text, for context and HTML
    rules_checked: list[str] = field(default_factory=list)  # codes run on this file


@dataclass(slots=True)
class LintReport:
    files: list[FileReport]
    rules: dict[str, RuleInfo]
    fail_on: Severity
    lang: str
    version: str

    @property
    def violations(self) -> list[Violation]:
        return [v for f in self.files for v in f.violations]

    @property
    def exit_code(self) -> int:
        """0 when nothing is at or above the fail level, else 1."""
        threshold = self.fail_on.rank
        return 1 if any(v.severity.rank >= threshold for v in self.violations) else 0

    def counts(self) -> dict[Severity, int]:
        counts = {severity: 0 for severity in Severity}
        for violation in self.violations:
            counts[violation.severity] += 1
        return counts
