"""The result of a lint run, as handed to the reporters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from memo_lint.model import FrozenRecord, Record, Severity, Violation, field
from memo_lint.pack import RuleSource


class RuleInfo(FrozenRecord):
    """What a reporter may say about a rule (SARIF rules, HTML legends, JUnit cases)."""

    code: str
    name: str
    severity: Severity
    summary: str  # one line, in the report's language
    hint: str | None
    rationale: str
    sources: tuple[RuleSource, ...] = ()  # the rule's legal or standard sources


class FileReport(Record):
    path: str
    violations: list[Violation]
    pack: str
    pack_reason: str = ""
    # The memo's text, for context and HTML (a run's reports keep it on disk: memo_lint.spool).
    lines: Sequence[str] = field(default_factory=list)
    rules_checked: list[str] = field(default_factory=list)  # codes run on this file
    pack_ref: str = ""  # what the pack was loaded by: a built-in name or a path
    memo_date: str | None = None  # ISO date the memo states (front matter or header), if any
    # The date deadline rules measured against (ISO) and where it came from: "memo" (its own
    # date), "option" (--today) or "today"; empty for a file that could not be read.
    reference_date: str = ""
    reference_source: str = ""
    # What the document was recognised as (memo_lint.recognition): None = not recognised.
    kind: str | None = None
    template: str | None = None  # the template pack, when the template is known
    confidence: float = 1.0
    memo: bool = True  # False: not a decision memo (or not recognised), so not checked
    reader_warnings: list[str] = field(default_factory=list)  # Source.reader_warnings()

    def __init__(
        self,
        path: str,
        violations: list[Violation],
        pack: str,
        pack_reason: str = "",
        lines: Sequence[str] | None = None,
        rules_checked: list[str] | None = None,
        pack_ref: str = "",
        memo_date: str | None = None,
        reference_date: str = "",
        reference_source: str = "",
        kind: str | None = None,
        template: str | None = None,
        confidence: float = 1.0,
        memo: bool = True,
        reader_warnings: list[str] | None = None,
    ) -> None:
        """Written out (one per memo; a cached re-run makes 10,000 in a row): the generic
        record ``__init__`` took three times as long."""
        self.path = path
        self.violations = violations
        self.pack = pack
        self.pack_reason = pack_reason
        self.lines = [] if lines is None else lines
        self.rules_checked = [] if rules_checked is None else rules_checked
        self.pack_ref = pack_ref
        self.memo_date = memo_date
        self.reference_date = reference_date
        self.reference_source = reference_source
        self.kind = kind
        self.template = template
        self.confidence = confidence
        self.memo = memo
        self.reader_warnings = [] if reader_warnings is None else reader_warnings

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the result cache and for worker processes."""
        return {
            "path": self.path,
            "pack": self.pack,
            "pack_reason": self.pack_reason,
            "lines": list(self.lines),
            "rules_checked": self.rules_checked,
            "pack_ref": self.pack_ref,
            "memo_date": self.memo_date,
            "reference_date": self.reference_date,
            "reference_source": self.reference_source,
            "kind": self.kind,
            "template": self.template,
            "confidence": self.confidence,
            "memo": self.memo,
            "reader_warnings": self.reader_warnings,
            "violations": [v.to_dict() | {"source_line": v.source_line} for v in self.violations],
        }

    def of_memo(self, path: str, violations: list[Violation], pack_reason: str) -> FileReport:
        """This report for another memo of the same shape (a cache folder entry's record): all
        but the path, the findings and why the pack was chosen shared; no text."""
        return FileReport(
            path,
            violations,
            self.pack,
            pack_reason,
            None,
            self.rules_checked,
            self.pack_ref,
            self.memo_date,
            self.reference_date,
            self.reference_source,
            self.kind,
            self.template,
            self.confidence,
            self.memo,
            self.reader_warnings,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileReport:
        return cls(
            path=data["path"],
            violations=[Violation.from_dict(v) for v in data["violations"]],
            pack=data["pack"],
            pack_reason=data["pack_reason"],
            lines=data["lines"],
            rules_checked=data["rules_checked"],
            pack_ref=data["pack_ref"],
            memo_date=data.get("memo_date"),
            reference_date=data.get("reference_date", ""),
            reference_source=data.get("reference_source", ""),
            kind=data.get("kind"),
            template=data.get("template"),
            confidence=data.get("confidence", 1.0),
            memo=data.get("memo", True),
            reader_warnings=data.get("reader_warnings", []),
        )


def describe_choice(file: FileReport) -> str:
    """One line for ``--show-pack``: pack, kind, template, confidence and why."""
    kind = file.kind or "not recognised"
    if not file.memo:
        return f"not checked (kind {kind}, confidence {file.confidence:.2f}; {file.pack_reason})"
    what = f"kind {kind}, template {file.template or 'unknown'}"
    return f"pack {file.pack} ({what}, confidence {file.confidence:.2f}; {file.pack_reason})"


class LintReport(Record):
    files: list[FileReport]
    rules: dict[str, RuleInfo]
    fail_on: Severity
    lang: str
    version: str
    # The memos read by this process, by their path as reported: the file each was (device,
    # inode) when it was read. What a report may not replace (memo_lint.writes.Protected).
    read: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

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
