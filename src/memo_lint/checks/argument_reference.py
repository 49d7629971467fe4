"""Argument headings ``N.M`` refer to an existing decision point N."""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "argument-reference"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {
    "argument": "the argument's number as written (N.M)",
    "decision": "the decision point N it refers to",
    "count": "how many decision points there are",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={},
    passes="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het plan vast te stellen.\n\n"
    "# Argumenten\n\n1.1 Het plan helpt\n\nZo is het.\n",
    fails="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het plan vast te stellen.\n\n"
    "# Argumenten\n\n2.1 Het plan helpt\n\nZo is het.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    if not document.decisions:
        return  # decision-present reports the missing points
    numbers = {point.number for point in document.decisions}
    for argument in document.arguments:
        if argument.decision not in numbers:
            yield Finding(
                argument.span,
                {
                    "argument": f"{argument.decision}.{argument.index}",
                    "decision": argument.decision,
                    "count": len(numbers),
                },
            )
