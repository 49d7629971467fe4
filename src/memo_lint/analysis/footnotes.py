"""Footnotes and their markers: the reader's, else those PDF extraction left in the text."""

from __future__ import annotations

import re

from memo_lint.analysis.lines import plain
from memo_lint.model import (
    Footnote,
    Source,
    Span,
)

FOOTNOTE_TEXT = re.compile(r"^\s*(\d{1,2})\s*([A-Z\u00c0-\u00de‘'\"“(].*)$")


GLUED_MARKER = re.compile(r"(?<=[a-zà-ÿ][a-zà-ÿ)’'])([1-9]\d?)(?=[\s.,;:)]|$)")
# What a glued marker needs, found fast: GLUED_MARKER's look-behind is tried at every
# character, and a pattern opening with letters (most of a line) would be too; re scans fast
# for a digit, and looks back at the two characters before it.
_GLUED = re.compile(r"[1-9](?<=[a-zà-ÿ][a-zà-ÿ)’'][1-9])")


def _numbered(text: str) -> bool:
    """What both readings of a footnote's text need: a digit first after white space (``\\d``
    is a digit to ``isdigit``). Most lines have none, and are not matched at all."""
    return text.lstrip()[:1].isdigit()


def find_footnotes(
    source: Source, skipped: set[int]
) -> tuple[list[Footnote], list[tuple[str, Span]]]:
    """Footnotes the reader knew, else those PDF extraction left in the text.

    In extracted text a footnote is a line starting with its number ("1 In het project …",
    "1Op deze brief …", or "1" alone with the text on the next line) whose number also
    appears glued to a word before it ("kaart1"). Requiring both, in order 1, 2, 3, keeps
    numbered prose and page numbers from being taken for footnotes.
    """
    if source.footnotes is not None:
        return list(source.footnotes), list(source.footnote_markers or [])
    markers: list[tuple[str, Span, int]] = []
    footnotes: list[Footnote] = []
    expected = 1
    lines = [line for line in source.lines if line.number not in skipped]
    for index, line in enumerate(lines):
        text = plain(line)
        numbered = _numbered(text)
        text_match = FOOTNOTE_TEXT.match(text) if numbered else None
        if text_match is None and numbered and text.strip().isdigit():
            # pdftotext puts the number on a line of its own: "1" / blank / "Amendement …".
            following = next((other for other in lines[index + 1 :] if other.text.strip()), None)
            if following is not None:
                text_match = FOOTNOTE_TEXT.match(text.strip() + " " + plain(following).strip())
        if (
            text_match
            and int(text_match[1]) == expected
            and any(label == text_match[1] for label, _, _ in markers)
        ):
            start = text.index(text_match[1])
            footnotes.append(Footnote.on_line(text_match[1], text_match[2].strip(), line, start))
            expected += 1
            continue
        if not _GLUED.search(text):
            continue
        for match in GLUED_MARKER.finditer(text):
            label = match[1]
            if int(label) == len(markers) + 1:
                markers.append((label, Span.of_line(line, match.start(), match.end()), line.number))
    return footnotes, [(label, span) for label, span, _ in markers]
