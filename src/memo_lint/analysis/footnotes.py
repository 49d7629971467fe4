"""Footnotes and their markers: the reader's, else those PDF extraction left in the text."""

from __future__ import annotations

import re
from functools import lru_cache

from memo_lint.analysis.lines import plain
from memo_lint.model import (
    Footnote,
    Source,
    Span,
)
from memo_lint.text import MEMO_LIMIT

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
        reading = _reading(line.text)
        if not reading:
            continue
        own, bare, glued = reading
        if bare:
            # pdftotext puts the number on a line of its own: "1" / blank / "Amendement …".
            following = next((other for other in lines[index + 1 :] if other.text.strip()), None)
            if following is not None:
                text = plain(line)
                found = FOOTNOTE_TEXT.match(text.strip() + " " + plain(following).strip())
                own = (found[1], found[2].strip(), text.index(found[1])) if found else None
        if own and int(own[0]) == expected and any(label == own[0] for label, _, _ in markers):
            footnotes.append(Footnote.on_line(own[0], own[1], line, own[2]))
            expected += 1
            continue
        for label, start, end in glued:
            if int(label) == len(markers) + 1:
                markers.append((label, Span.of_line(line, start, end), line.number))
    return footnotes, [(label, span) for label, span, _ in markers]


# What a line's text may be of a footnote: a footnote's text on it (label, text, where the
# label starts), whether it is a bare number (the text may follow on a later line), the
# markers glued to its words (label, start, end); () when none of these.
_Reading = tuple[tuple[str, str, int] | None, bool, tuple[tuple[str, int, int], ...]] | tuple[()]


@lru_cache(maxsize=MEMO_LIMIT)
def _reading(text: str) -> _Reading:
    """The line's footnote reading (_Reading), kept by its text for the memos after it (see
    :class:`memo_lint.analysis.lines.TextMemo`)."""
    text = text.replace("\f", " ")  # plain(line)
    numbered = _numbered(text)
    found = FOOTNOTE_TEXT.match(text) if numbered else None
    own = (found[1], found[2].strip(), text.index(found[1])) if found else None
    bare = found is None and numbered and text.strip().isdigit()
    glued: tuple[tuple[str, int, int], ...] = ()
    if _GLUED.search(text):
        glued = tuple((m[1], m.start(), m.end()) for m in GLUED_MARKER.finditer(text))
    return (own, bare, glued) if own or bare or glued else ()
