"""Every "bijlage N" the text refers to is listed under the attachments section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from memo_lint.model import Document, Span

if TYPE_CHECKING:
    from memo_lint.checks import Context, Finding

KIND = "attachment-reference"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {"attachment": "the reference as written ('bijlage 3')"}
VARIANTS: dict[str, str] = {}

REFERENCE = re.compile(r"\bbijlage\s+(\d{1,2}|[IVX]{1,4}|[A-H])\b", re.IGNORECASE)
LISTED = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:bijlage\s+)?(\d{1,2}|[IVX]{1,4}|[A-H])\b[.):]?", re.IGNORECASE
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    from memo_lint.checks import Finding

    section_id = context.pack.structure.get("attachment_section")
    listed_lines = context.scope_lines(document, section_id) if section_id else []
    listed = {
        match[1].upper() for line in listed_lines for match in [LISTED.match(line.text)] if match
    }
    listed_numbers = {line.number for line in listed_lines}
    for line in document.content:
        if line.number in listed_numbers:
            continue
        for match in REFERENCE.finditer(line.text):
            if match[1].upper() not in listed:
                yield Finding(
                    Span.of_line(line, match.start(), match.end()), {"attachment": match[0]}
                )
