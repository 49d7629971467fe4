"""The memo's own lines under each finding, with ``^^^`` beneath the span, like ruff's output.

A writer fixing a memo needs to see *which* words are meant without opening the file at the
right line; the hint and the rule name say what to do and what to look up with ``explain``.
Word and PDF memos show their paragraphs or extracted lines, plus the page when known.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.model import Violation
from memo_lint.report import FileReport, LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import (
    Covered,
    Palette,
    covered_lines,
    phrase,
    sorted_files,
    sorted_violations,
    trailer_lines,
    visible,
)

# A span longer than this shows its first and last lines around an ellipsis.
MAX_SNIPPET_LINES = 5
_HEAD, _TAIL = 2, 2


def snippet(violation: Violation, covered: list[Covered], width: int, paint: Palette) -> list[str]:
    """The gutter block: numbered memo lines, each with its markers; the last one labelled."""
    shown: list[Covered | None] = list(covered)
    if len(covered) > MAX_SNIPPET_LINES:
        shown = [*covered[:_HEAD], None, *covered[-_TAIL:]]
    bar = paint(" " * width + " |", "blue")
    lines = [bar]
    for index, item in enumerate(shown):
        if item is None:
            lines.append(paint("." * width, "blue"))
            continue
        number, text, start, end = item
        lines.append(paint(f"{number:>{width}} |", "blue") + " " + visible(text))
        marker = "^" * (end - start)
        if index == len(shown) - 1:
            marker += f" {violation.rule} [{violation.severity.value}]"
        lines.append(f"{bar} {' ' * start}{paint.severity(marker, violation.severity, 'bold')}")
    lines.append(bar)
    return lines


def format_violation(file: FileReport, violation: Violation, lang: str, paint: Palette) -> str:
    span = violation.span
    header = (
        paint(f"{violation.path}:{span.line}:{span.column}:", "bold")
        + " "
        + paint.severity(violation.code, violation.severity, "bold")
        + " "
        + violation.message
    )
    covered = covered_lines(file, violation)
    width = len(str(covered[-1][0] if covered else span.line))
    lines = [header]
    if covered:
        lines.extend(snippet(violation, covered, width, paint))
    notes = []
    if violation.page is not None:
        notes.append(f"{phrase(lang, 'page')} {violation.page}")
    if violation.hint:
        notes.append(f"{paint(phrase(lang, 'help'), 'cyan', 'bold')}: {violation.hint}")
    lines.extend(f"{' ' * width} = {note}" for note in notes)
    return "\n".join(lines)


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    """One block per violation, a blank line between blocks, memo by memo."""
    paint = Palette(options.color)
    separator = ""
    for file in sorted_files(report):
        for violation in sorted_violations(file.violations):
            yield separator + format_violation(file, violation, report.lang, paint)
            separator = "\n\n"
    if separator:
        yield "\n"
    if not options.quiet:
        for line in trailer_lines(report, options, after_output=bool(separator)):
            yield line + "\n"
