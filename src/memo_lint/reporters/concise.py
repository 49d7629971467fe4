"""One line per violation, ``path:line:col: CODE [severity] message``, for grep and editors.

The ``path:line:col:`` prefix is what editors' problem matchers and ``grep -n`` users expect;
the closing summary and ``--statistics`` table are for people and are dropped in quiet mode.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.model import Violation
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import Palette, sorted_violations, trailer_lines


def format_violation(violation: Violation, paint: Palette) -> str:
    span = violation.span
    location = paint(f"{violation.path}:{span.line}:{span.column}:", "bold")
    code = paint.severity(violation.code, violation.severity, "bold")
    return f"{location} {code} [{violation.severity.value}] {violation.message}"


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    paint = Palette(options.color)
    violations = sorted_violations(report.violations)
    for violation in violations:
        yield format_violation(violation, paint) + "\n"
    if not options.quiet:
        for line in trailer_lines(report, options, after_output=bool(violations)):
            yield line + "\n"
