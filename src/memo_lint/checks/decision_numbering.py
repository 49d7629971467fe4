"""Decision points are numbered 1..n without gaps or repeats."""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "decision-numbering"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {"found": "the number found", "expected": "the number expected there"}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={},
    passes="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het plan vast te stellen.\n"
    "2. De raad te informeren.\n",
    fails="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het plan vast te stellen.\n"
    "3. De raad te informeren.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    for expected, point in enumerate(document.decisions, start=1):
        if point.number != expected:
            yield Finding(point.span, {"found": point.number, "expected": expected})
            return
