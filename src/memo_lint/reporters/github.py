"""GitHub Actions workflow commands: findings become annotations on the pull request's diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ML301 rule-name::message``;
``info`` maps to ``notice``. GitHub accepts ``col``/``endColumn`` only for a span on one
line, so a multi-line span gives lines only. Escaping follows the Actions toolkit
(``@actions/core`` ``command.ts``): ``%``, CR and LF in the message; also ``:`` and ``,`` in
property values, where they would end the value.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.model import Severity, Violation
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import phrase, sorted_violations

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(violation: Violation, lang: str) -> str:
    span = violation.span
    properties: dict[str, object] = {
        "file": violation.path,
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "title": f"{violation.code} {violation.rule}",
    }
    if span.line != span.end_line:
        del properties["col"], properties["endColumn"]
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = violation.message
    if violation.hint:
        message += f"\n{phrase(lang, 'help')}: {violation.hint}"
    return f"::{COMMANDS[violation.severity]} {props}::{escape_data(message)}"


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    for violation in sorted_violations(report.violations):
        yield command(violation, report.lang) + "\n"
