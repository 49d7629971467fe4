"""Sections: headings a reader marked, and in plain text the lines that are a section name of
the pack (or a near miss of one, kept for the heading-typo kind)."""

from __future__ import annotations

import re

from memo_lint.analysis.lines import TextMemo, heading_title
from memo_lint.model import (
    Line,
    Section,
    Span,
)
from memo_lint.pack import Pack, SectionDef, title_key
from memo_lint.patterns import compile_pattern

HEADING_CANDIDATE_MAX_WORDS = 6


def _heading_span(line: Line, title: str) -> Span:
    start = line.text.find(title)
    if start < 0:
        start = len(line.text) - len(line.text.lstrip())
        return Span.of_line(line, start, len(line.text.rstrip()))
    return Span.of_line(line, start, start + len(title))


# What a line's text (and marked level) makes of it as a heading: (title, the section it names
# or opens, whether by name, the section it nearly names); () when none of that.
_Heading = tuple[str, SectionDef | None, bool, str | None] | tuple[()]
_HEADINGS: TextMemo[_Heading] = TextMemo()


def find_sections(
    lines: list[Line], pack: Pack, skipped: set[int]
) -> tuple[list[Section], dict[int, str]]:
    """Headings, and for near-miss headings the written text by line (for ML105)."""
    found: list[tuple[Line, str, str | None, int]] = []
    typos: dict[int, str] = {}
    known = _HEADINGS.of(pack)
    for line in lines:
        if line.number in skipped or line.is_footnote_text:
            continue
        level = line.heading_level
        key = line.text if level is None else (line.text, level)
        heading = known.get(key)
        if heading is None:
            heading = known[key] = _heading(line, pack)
        if not heading:
            continue
        title, section, named, guess = heading
        if named and level is None and _in_table(lines, line):
            continue  # "Financiën" between "1.383,11" and "-": a column of a table
        if section is not None:
            found.append((line, title, section.id, level or 1))
        elif guess is not None:
            typos[line.number] = title
            found.append((line, title, guess, level or 1))
        elif level is not None:
            found.append((line, title, None, level))
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


def _heading(line: Line, pack: Pack) -> _Heading:
    """What the line is as a heading, from its text and marked level alone."""
    title = heading_title(line)
    if not title:
        return ()
    section = pack.section_for_title(title)
    if section is not None:
        return title, section, True, None
    lead_in = pack.structure.get("decision_lead_in")
    decision = pack.section_def(pack.structure.get("decision_section") or "")
    if lead_in and decision and len(title) <= 200 and compile_pattern(lead_in).search(title):
        # "Gezien het vorenstaande, stelt het college de raad voor het volgende besluit te
        # nemen:" and its variants open the decision section however they are worded.
        return title, decision, False, None
    guess = pack.near_miss(title) if _looks_like_heading(line, title) else None
    if guess is None and line.heading_level is None:
        return ()
    return title, None, False, guess


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
