"""Headings are headings to software too, and their levels do not skip (WCAG 1.3.1, 2.4.6).

A bold line in Word looks like a heading but a screen reader's heading list, the navigation
pane and the PDF export's tags do not see it (``visual``); a tagged PDF without a single
heading tag, whose text has headings (sections the pack knows, written as a heading of at
most six words), has the same problem (``untagged``; a motie or a memo without headings,
whose only section is its operative formula, is not reported). A heading that jumps a level (1 → 3)
breaks the outline (``skip``): Word and ODT styles give the levels, a tagged PDF its
H1-H6 tags.
"""

from __future__ import annotations

from collections.abc import Iterator

import memo_lint.checks._publication as _publication
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document, Span

KIND = "heading-structure"
OPTIONS = {
    "type": "object",
    "properties": dict(_publication.OPTIONS),
    "additionalProperties": False,
}
ARGUMENTS = {
    "heading": "the bold line's text (visual)",
    "level": "the heading's level (skip)",
    "previous": "the level before it (skip)",
}
VARIANTS = {
    "visual": "bold body text used as a heading (Word)",
    "untagged": "a tagged PDF without heading tags",
    "skip": "a heading level skipped",
}
EXAMPLE = Example(
    options={"unstated": "check"},
    passes="# Inleiding\n\n## Aanleiding\n\nTekst.\n",
    fails="# Inleiding\n\n### Aanleiding\n\nTekst.\n",
    passes_file={},
    fails_file={},
)


# A section the pack finds at a sentence ("Gezien het vorenstaande stelt het college de raad
# voor …") is a formula, not a heading: a Den Haag memo without headings has only that.
_HEADING_WORDS = 6


def check(document: Document, context: Context) -> Iterator[Finding]:
    info = document.file_info
    if info is None or not _publication.published(document, context.options):
        return
    for number in info.visual_headings:
        line = document.line(number)
        start = len(line.text) - len(line.text.lstrip())
        text = line.text.strip()
        yield Finding(Span.of_line(line, start, start + len(text)), {"heading": text}, "visual")
    if info.heading_tags is not None:  # a tagged PDF
        if not info.heading_tags:
            headings = [s for s in document.sections if len(s.title.split()) <= _HEADING_WORDS]
            if headings:  # the text has headings: they are only formatted as such
                yield Finding(headings[0].heading, {}, variant="untagged")
            return
        levels = [(level, document.start()) for level in info.heading_tags]
    else:
        levels = [
            (line.heading_level, Span.of_line(line, 0, len(line.text.rstrip())))
            for line in document.lines
            if line.heading_level and line.text.strip()
        ]
    previous = 0
    for level, span in levels:
        if previous and level > previous + 1:
            yield Finding(span, {"level": level, "previous": previous}, variant="skip")
            if info.heading_tags is not None:
                return  # a PDF's tags have no line: one finding says it
        previous = level
