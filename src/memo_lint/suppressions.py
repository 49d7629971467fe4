"""Inline suppression comments in Markdown memos (DESIGN.md):

``<!-- memo-lint-disable ML101 ML401 -->`` until the end or a matching
``<!-- memo-lint-enable … -->``; ``<!-- memo-lint-disable-next-line ML701 -->``; a bare
``<!-- memo-lint-disable -->`` disables every rule. Codes may be prefixes (``ML6``) or rule
names (``required-section``), as everywhere (:mod:`memo_lint.codes`); a value that names no
rule of the memo's pack is kept in ``unknown`` and reported as an inert suppression.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

DIRECTIVE = re.compile(
    r"<!--\s*memo-lint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
ALL = "*"


@dataclass(slots=True)
class Suppression:
    line: int  # where the comment is
    codes: tuple[str, ...]
    first: int  # first suppressed line
    last: int  # last suppressed line (inclusive)
    used: set[str] = field(default_factory=set)
    unknown: tuple[str, ...] = ()  # values as written that name no rule: they suppress nothing

    def covers(self, code: str, line: int) -> bool:
        return self.first <= line <= self.last and any(
            c == ALL or code.startswith(c) for c in self.codes
        )


def parse(
    comments: list[tuple[int, str]],
    line_count: int,
    next_content: dict[int, int],
    resolve: Callable[[str], tuple[str, ...] | None] = lambda value: (value.upper(),),
) -> list[Suppression]:
    """Comment directives as line ranges; ``next_content``: a line → the next text line;
    ``resolve``: a value as written → the codes it stands for, or None (names no rule)."""
    result: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for number, text in sorted(comments):
        for match in DIRECTIVE.finditer(text):
            action = match[1].lower()
            written = match[2].replace(",", " ").split()
            resolved = [(value, resolve(value)) for value in written]
            unknown = tuple(value for value, codes in resolved if codes is None)
            codes = tuple(code for _, found in resolved for code in found or ())
            if not written:
                codes = (ALL,)
            if action == "disable-next-line":
                target = next_content.get(number, number + 1)
                result.append(Suppression(number, codes, target, target, unknown=unknown))
            elif action == "disable":
                suppression = Suppression(number, codes, number, line_count, unknown=unknown)
                open_ranges.append(suppression)
                result.append(suppression)
            else:
                for suppression in open_ranges:
                    if suppression.last == line_count and (
                        codes == (ALL,) or set(codes) & set(suppression.codes)
                    ):
                        suppression.last = number
    return result


def is_suppressed(suppressions: list[Suppression], code: str, line: int) -> bool:
    hit = False
    for suppression in suppressions:
        if suppression.covers(code, line):
            suppression.used.add(code)
            hit = True
    return hit


def baseline(
    lines: list[str], violations: list[tuple[str, int]], first_content: int, safe_lines: set[int]
) -> tuple[list[str], int]:
    """Insert suppression comments for existing violations (``check --add-suppressions``).

    A violation on a line that starts a block (``safe_lines``: after a blank line, or a
    heading) gets a ``disable-next-line`` comment right above it; one inside a table, list or
    running paragraph cannot take a comment line without changing the Markdown, so its code
    goes into one ``disable`` comment above the first line of text. Returns the new lines
    and the number of comments added.
    """
    per_line: dict[int, set[str]] = {}
    file_level: set[str] = set()
    for code, line in violations:
        if line in safe_lines and line > first_content:
            per_line.setdefault(line, set()).add(code)
        else:
            file_level.add(code)
    result = list(lines)
    for line in sorted(per_line, reverse=True):
        codes = " ".join(sorted(per_line[line]))
        indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
        result.insert(line - 1, f"{indent}<!-- memo-lint-disable-next-line {codes} -->")
    if file_level:
        comment = f"<!-- memo-lint-disable {' '.join(sorted(file_level))} -->"
        result[first_content - 1 : first_content - 1] = [comment, ""]
    return result, len(per_line) + (1 if file_level else 0)
