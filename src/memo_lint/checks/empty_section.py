"""A present section has real content: at least ``min_chars`` letters or digits.

Sub-sections belong to their parent's body, but their headings alone are not content.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document, Line

KIND = "empty-section"
OPTIONS = {
    "type": "object",
    "properties": {
        "min_chars": {
            "type": "integer",
            "minimum": 1,
            "default": 3,
            "description": "Letters or digits a section needs to count as filled in.",
        },
        "sections": {
            "type": "array",
            "items": {"type": "string", "x-references": "section"},
            "description": "Only these sections (default: every section of the pack).",
        },
    },
    "additionalProperties": False,
}
ARGUMENTS = {"section": "the empty section's title as written"}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={"min_chars": 3},
    passes="# Samenvatting\n\nDe kern van het voorstel.\n",
    fails="# Samenvatting\n\n# Kader\n\nDe Woo.\n",
)


def _has_content(lines: list[Line], minimum: int) -> bool:
    """At least ``minimum`` letters or digits; stops counting as soon as there are."""
    count = 0
    for line in lines:
        for character in line.text:
            if character.isalnum():
                count += 1
                if count >= minimum:
                    return True
    return False


def check(document: Document, context: Context) -> Iterator[Finding]:
    minimum = context.options.get("min_chars", 3)
    only = set(context.options.get("sections", ()))
    headings = {section.heading_line for section in document.sections}
    content = {line.number for line in document.content} - headings
    for section in document.sections:
        if section.id is None or (only and section.id not in only):
            continue
        body = [line for line in document.body_lines(section) if line.number in content]
        if not _has_content(body, minimum):
            yield Finding(section.heading, {"section": section.title})
