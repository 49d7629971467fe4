"""A section appears no more often than the pack's ``max`` for it (1 unless stated)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from memo_lint.checks.schema import Example
from memo_lint.model import Document

if TYPE_CHECKING:
    from memo_lint.checks import Context, Finding

KIND = "duplicate-section"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {
    "section": "the section's title as written",
    "count": "how often it appears",
    "max": "how often the pack allows it",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={},
    passes="# Samenvatting\n\nDe kern.\n",
    fails="# Samenvatting\n\nDe kern.\n\n# Samenvatting\n\nNog eens.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    from memo_lint.checks import Finding

    for definition in context.pack.sections:
        occurrences = document.sections_with(definition.id)
        for extra in occurrences[definition.max_count :]:
            yield Finding(
                extra.heading,
                {"section": extra.title, "count": len(occurrences), "max": definition.max_count},
            )
