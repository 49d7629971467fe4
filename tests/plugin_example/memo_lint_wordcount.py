"""An example check-kind plugin: a section must not exceed a number of words.

A package registers it with an entry point in the group ``memo_lint.checks``::

    [project.entry-points."memo_lint.checks"]
    max-words = "memo_lint_wordcount"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from memo_lint.checks import Context, Finding
from memo_lint.model import Document

KIND = "max-words"
OPTIONS: dict[str, Any] = {
    "type": "object",
    "properties": {"section": {"type": "string"}, "max": {"type": "integer", "minimum": 1}},
    "required": ["section", "max"],
    "additionalProperties": False,
}


def check(document: Document, context: Context) -> Iterator[Finding]:
    for section in document.sections_with(context.options["section"]):
        words = sum(len(line.text.split()) for line in document.body_lines(section))
        if words > context.options["max"]:
            yield Finding(section.heading, {"section": section.title, "words": words})
