"""A section appears no more often than the pack's ``max`` for it (1 unless stated).

Counted per part of the document (:func:`memo_lint.text.part_starts`): a voorstel and the
raadsbesluit or toelichting after it, a filled-in decision form, an appended annex each have
their own headings, so "Besluit" in the proposal and "Besluit:" in the raadsbesluit are one each.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document, Section
from memo_lint.text import part_starts

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
    starts = part_starts(document.content)
    for definition in context.pack.sections:
        parts: dict[int, list[Section]] = {}
        for section in document.sections_with(definition.id):
            parts.setdefault(bisect_right(starts, section.heading_line), []).append(section)
        for occurrences in parts.values():
            for extra in occurrences[definition.max_count :]:
                yield Finding(
                    extra.heading,
                    {
                        "section": extra.title,
                        "count": len(occurrences),
                        "max": definition.max_count,
                    },
                )
