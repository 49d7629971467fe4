"""One line per violation, ``path:line:col: CODE [severity] message``, for grep and editors.

The ``path:line:col:`` prefix is what editors' problem matchers and ``grep -n`` users expect;
the closing summary and ``--statistics`` table are for people and are dropped in quiet mode.
"""

from __future__ import annotations

from memo_lint.model import Violation
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import Palette, sorted_violations, trailer_lines


def format_violation(violation: Violation, paint: Palette) -> str:
    span = violation.span
    location = paint(f"{violation.path}:{span.line}:{span.column}:", "bold")
    code = paint.severity(violation.code, violation.severity, "bold")
    return f"{location} {code} [{violation.severity.value}] {violation.message}"


def render(report: LintReport, options: RenderOptions) -> str:
    paint = Palette(options.color)
    lines = [format_violation(v, paint) for v in sorted_violations(report.violations)]
    if not options.quiet:
        lines.extend(trailer_lines(report, options, after_output=bool(lines)))
    return "".join(line + "\n" for line in lines)
