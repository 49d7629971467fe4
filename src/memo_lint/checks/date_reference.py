"""Dates in a scope (the Kader) are not after the memo's reference date.

Impossible dates are the date-validity kind's (ML704) to report, once, not here as well.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "date-reference"
OPTIONS = {
    "type": "object",
    "properties": {
        "scope": {
            "type": "string",
            "x-references": "section",
            "description": "The section whose dates must not lie after the memo date.",
        }
    },
    "required": ["scope"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "date": "the date as written",
    "reference": "the memo's reference date (ISO)",
    "reference_label": "the reference date and its source: the memo's date, --today or today "
    "when the memo has no readable date",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={"scope": "kader"},
    passes="---\ndatum: 2024-03-01\n---\n# Kader\n\nCollegevoorstel 31-05-2022.\n",
    fails="---\ndatum: 2024-03-01\n---\n# Kader\n\nCollegevoorstel 31-05-2025.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    lines = {line.number for line in context.scope_lines(document, context.options["scope"])}
    for mention in document.dates:
        if mention.span.line not in lines:
            continue
        if mention.value is not None and mention.value > context.reference_date:
            yield Finding(
                mention.span,
                {
                    "date": mention.text,
                    "reference": context.reference_date.isoformat(),
                    "reference_label": context.reference_label(),
                },
            )
