"""Sections: headings a reader marked, and in plain text the lines that are a section name of
the pack (or a near miss of one, kept for the heading-typo kind)."""

from __future__ import annotations

import re

from memo_lint.analysis.lines import heading_title
from memo_lint.model import (
    Line,
    Section,
    Span,
)
from memo_lint.pack import Pack, title_key
from memo_lint.patterns import compile_pattern

HEADING_CANDIDATE_MAX_WORDS = 6


def _heading_span(line: Line, title: str) -> Span:
    start = line.text.find(title)
    if start < 0:
        start = len(line.text) - len(line.text.lstrip())
        return Span.of_line(line, start, len(line.text.rstrip()))
    return Span.of_line(line, start, start + len(title))


def find_sections(
    lines: list[Line], pack: Pack, skipped: set[int]
) -> tuple[list[Section], dict[int, str]]:
    """Headings, and for near-miss headings the written text by line (for ML105)."""
    found: list[tuple[Line, str, str | None, int]] = []
    typos: dict[int, str] = {}
    lead_in = pack.structure.get("decision_lead_in")
    decision = pack.section_def(pack.structure.get("decision_section") or "")
    for line in lines:
        if line.number in skipped or line.is_footnote_text:
            continue
        title = heading_title(line)
        if not title:
            continue
        section = pack.section_for_title(title)
        if section is not None and line.heading_level is None and _in_table(lines, line):
            continue  # "Financiën" between "1.383,11" and "-": a column of a table
        if section is None and lead_in and decision and len(title) <= 200:
            # "Gezien het vorenstaande, stelt het college de raad voor het volgende besluit te
            # nemen:" and its variants open the decision section however they are worded.
            section = decision if compile_pattern(lead_in).search(title) else None
        if section is not None:
            found.append((line, title, section.id, line.heading_level or 1))
            continue
        guess = pack.near_miss(title) if _looks_like_heading(line, title) else None
        if guess is not None:
            typos[line.number] = title
            found.append((line, title, guess, line.heading_level or 1))
        elif line.heading_level is not None:
            found.append((line, title, None, line.heading_level))
    found = _merge_sub_headings(lines, found)
    sections: list[Section] = []
    for index, (line, title, section_id, level) in enumerate(found):
        # A section runs until the next heading of the same or a higher level, so its
        # sub-headings ("### 1.1 …" under "## Argumenten") belong to its body.
        next_heading = next(
            (
                other.number
                for other, _, _, other_level in found[index + 1 :]
                if other_level <= level
            ),
            len(lines) + 1,
        )
        sections.append(
            Section(
                id=section_id,
                title=title,
                level=level,
                heading=_heading_span(line, title),
                heading_line=line.number,
                body_start=line.number + 1,
                body_end=next_heading - 1,
            )
        )
    return sections, typos


_CELL = re.compile(r"^[\s\d.,€%()+-]*$")


def _in_table(lines: list[Line], line: Line) -> bool:
    """Whether the nearest non-empty lines above and below are numeric table cells."""
    index = line.number - 1
    above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].text.strip()), None)
    below = next((lines[i] for i in range(index + 1, len(lines)) if lines[i].text.strip()), None)
    return all(o is not None and _CELL.match(o.text) for o in (above, below))


def _merge_sub_headings(
    lines: list[Line], found: list[tuple[Line, str, str | None, int]]
) -> list[tuple[Line, str, str | None, int]]:
    """Drop a heading that names, in other words, the section already open at its level.

    "Financiële en Juridische consequenties" followed by "Financiële consequenties", or
    "Voorgesteld raadsbesluit" followed by "Gezien het vorenstaande … besluit te nemen:",
    is one section with a sub-heading, not the section twice; so is a plain line under a
    Markdown heading that names the same section ("## Ontwerp-raadsbesluit" … "besluit:").
    The same title written again is a second occurrence (the duplicate-section rule reports
    it), unless only blank lines separate the two: a running page header printed just above
    the title ("Raadsbesluit").
    """
    kept: list[tuple[Line, str, str | None, int]] = []
    for item in found:
        line, title, section_id, level = item
        previous = kept[-1] if kept else None
        gap_end = line.number - 1  # lines strictly between the two headings (0-based slice)
        if (
            previous is not None
            and section_id is not None
            and previous[2] == section_id
            and (previous[3] == level or line.heading_level is None)
            and (
                title_key(previous[1]) != title_key(title)
                or not any(between.text.strip() for between in lines[previous[0].number : gap_end])
            )
        ):
            continue
        kept.append(item)
    return kept


def _looks_like_heading(line: Line, title: str) -> bool:
    if line.heading_level is not None:
        return True
    if not title[:1].isupper() or title.endswith((".", ",", ";")) or ":" in title:
        return False  # tested first: most prose lines fail here, before their words are split
    # words counted up to one past the limit: prose lines are long
    words = title.split(maxsplit=HEADING_CANDIDATE_MAX_WORDS)
    return 0 < len(words) <= HEADING_CANDIDATE_MAX_WORDS
