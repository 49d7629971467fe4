"""A heading that is a near miss of a known section name ("Finacien" for "Financiën").

The analyser already treats such a heading as the section it resembles, so a typo does not
also produce a missing-section error; this check makes the author fix the spelling.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "heading-typo"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {"written": "the heading as written", "section": "the section title it resembles"}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={},
    passes="# Samenvatting\n\nDe kern.\n",
    fails="# Samenvating\n\nDe kern.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    for section in document.sections:
        written = document.typo_headings.get(section.heading_line)
        if written is not None and section.id is not None:
            yield Finding(
                section.heading,
                {"written": written, "section": context.section_title(section.id)},
            )
