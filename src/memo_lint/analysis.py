"""From a reader's :class:`Source` to the :class:`Document` the checks read.

Shared by every format: headings a reader marked (Markdown, Word, PDF outline) are taken as
they are; in plain text a line is a heading when it *is* a section name of the pack, after
the damage PDF extraction does (leading and trailing spaces, typographic apostrophes). The
same pass finds fields, choice groups, decision points, argument headings, footnotes,
dates and amounts, so each check is a cheap walk over ready-made lists.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from memo_lint.dutch import AMOUNT, find_dates, is_valid, normalise, parse_amount, read_date
from memo_lint.model import (
    MARKED_GLYPHS,
    UNMARKED_GLYPHS,
    Amount,
    ArgumentHeading,
    ChoiceGroup,
    ChoiceOption,
    DateMention,
    DecisionPoint,
    Document,
    FieldValue,
    Footnote,
    Line,
    Mark,
    Section,
    Source,
    Span,
)
from memo_lint.pack import ChoiceDef, Pack, title_key
from memo_lint.patterns import compile_pattern, joined
from memo_lint.text import ARTICLE, roman_value

_GLYPH = rf"(?:[{MARKED_GLYPHS}{UNMARKED_GLYPHS}]|\[[ xX]\])"
_LIST_PREFIX = re.compile(r"^\s*(?:[-*+•]\s+)?")
DECISION_POINT = re.compile(r"^\s*(\d{1,2})[.)](?:\s+(\S.*))?\s*$")
# "1." / "I." alone on a line with the text on the next (Den Haag's raadsbesluiten), or with it.
ROMAN_POINT = re.compile(r"^\s*([IVXLCDM]{1,9})[.)](?:\s+(\S.*))?\s*$")
LIST_LETTER = re.compile(r"^\s*([a-zA-Z])[.)]\s")
ARGUMENT_HEADING = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")
FOOTNOTE_TEXT = re.compile(r"^\s*(\d{1,2})\s*([A-Z\u00c0-\u00de‘'\"“(].*)$")
GLUED_MARKER = re.compile(r"(?<=[a-zà-ÿ][a-zà-ÿ)’'])([1-9]\d?)(?=[\s.,;:)]|$)")
FIELD_WITH_COLON = re.compile(r"^\s*([A-Z\u00c0-\u00de][\w .&/’'()-]{1,40}?)\s*:\s+(\S.*?)\s*$")
# A leader between a key and its value: "Openbaarheid ............ Openbaar", "- - - -".
LEADER = re.compile(r"^[\s:]*(?:[.…·_\-–—]\s?){3,}")
_LEADER_CHARS = frozenset(".…·_-–—")
EDGE_LEADER = re.compile(r"^(?:[.…·_\-–—]\s?){3,}|(?:\s?[.…·_\-–—]){3,}$")
HEADING_CANDIDATE_MAX_WORDS = 6
_DIGIT = re.compile(r"\d")


def analyse(source: Source, pack: Pack) -> Document:
    lines = source.lines
    skipped = _skipped_lines(source)
    sections, typo_lines = _sections(lines, pack, skipped)
    heading_lines = {s.heading_line for s in sections}
    footnotes, markers = _footnotes(source, skipped)
    footnote_lines = {f.span.line for f in footnotes} | {
        line.number for line in lines if line.is_footnote_text
    }
    content = [
        line for line in lines if line.number not in skipped and line.number not in footnote_lines
    ]
    fields = _fields(source, content, heading_lines, pack, sections)
    document = Document(
        path=source.path,
        lines=lines,
        sections=sections,
        fields=fields,
        choices={},
        decisions=[],
        arguments=[],
        footnotes=footnotes,
        footnote_markers=markers,
        dates=_dates(content),
        amounts=_amounts(content),
        metadata=dict(source.front_matter),
        memo_date=None,
        memo_date_span=None,
        format=source.format,
        content=content,
        file_info=source.file_info,
    )
    document.choices = _choices(document, pack, heading_lines)
    document.decisions = _decisions(document, pack)
    document.arguments = _arguments(document, pack, footnote_lines)
    memo_date = _memo_date(document, pack, source)
    document.memo_date, document.memo_date_span = memo_date.value, memo_date.span
    document.memo_date_text, document.memo_date_status = memo_date.text, memo_date.status
    document.typo_headings = typo_lines
    return document


def plain(line: Line) -> str:
    """The line's text without the form feed or list bullet that extraction left in it."""
    return line.text.replace("\f", " ")


def _skipped_lines(source: Source) -> set[int]:
    skipped = {number for number, _ in source.comments}
    if source.front_matter_span:
        span = source.front_matter_span
        skipped.update(range(span.line, span.end_line + 1))
    return skipped


def _heading_span(line: Line, title: str) -> Span:
    start = line.text.find(title)
    if start < 0:
        start = len(line.text) - len(line.text.lstrip())
        return Span.of_line(line, start, len(line.text.rstrip()))
    return Span.of_line(line, start, start + len(title))


def _heading_title(line: Line) -> str:
    text = plain(line).strip()
    if line.heading_level is not None:
        text = text.lstrip("#").strip().rstrip("#").strip()
    text = text.strip("*_ ")
    if text[:1] in _LEADER_CHARS or text[-1:] in _LEADER_CHARS:
        text = EDGE_LEADER.sub("", text).strip()
    return text


def _sections(
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
        title = _heading_title(line)
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
    words = title.split()
    return (
        0 < len(words) <= HEADING_CANDIDATE_MAX_WORDS
        and title[0].isupper()
        and not title.endswith((".", ",", ";"))
        and ":" not in title
    )


def _footnotes(source: Source, skipped: set[int]) -> tuple[list[Footnote], list[tuple[str, Span]]]:
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
        text_match = FOOTNOTE_TEXT.match(text)
        if text_match is None and text.strip().isdigit():
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
        for match in GLUED_MARKER.finditer(text):
            label = match[1]
            if int(label) == len(markers) + 1:
                markers.append((label, Span.of_line(line, match.start(), match.end()), line.number))
    return footnotes, [(label, span) for label, span, _ in markers]


def _field_key(text: str, pack: Pack) -> tuple[str, int] | None:
    """A known field key at the start of ``text``: (key as the pack spells it, its length)."""
    lowered = normalise(text)
    # The longest key wins: "Datum PM 20 juni" is the field "Datum PM", not "Datum".
    for key, wanted in pack.field_keys:
        if lowered.startswith(wanted) and (
            len(lowered) == len(wanted) or not lowered[len(wanted)].isalnum()
        ):
            return key, len(key)
    return None


def _fields(
    source: Source,
    content: list[Line],
    heading_lines: set[int],
    pack: Pack,
    sections: list[Section],
) -> list[FieldValue]:
    section_by_line: dict[int, str | None] = {}
    for section in sections:
        for number in range(section.heading_line, max(section.body_end, section.heading_line) + 1):
            section_by_line[number] = section.id
    fields: list[FieldValue] = []
    table_lines: set[int] = set()
    by_number = {line.number: line for line in source.lines}
    for row in source.table_rows:
        if len(row) < 2:
            continue
        key_cell, value_cells = row[0], row[1:]
        key_line = by_number[key_cell.line]
        key = key_line.text[key_cell.start : key_cell.end].strip().strip("*_ ").rstrip(":")
        first, last = value_cells[0], value_cells[-1]
        value = " ".join(
            by_number[c.line].text[c.start : c.end].strip() for c in value_cells
        ).strip()
        if not key:
            continue
        table_lines.update(c.line for c in row)
        fields.append(
            FieldValue(
                key=key,
                value=value.strip("*_ "),
                key_span=Span(key_cell.line, key_cell.start + 1, key_cell.line, key_cell.end + 1),
                value_span=Span(
                    first.line, first.start + 1, last.line, max(last.end, last.start + 1) + 1
                ),
                section=section_by_line.get(key_cell.line),
            )
        )
    header_end = _header_end(content, pack)
    # Header keys whose values the layout put on later lines ("Fatale termijn" / blank /
    # "1 februari 2026"; Den Haag's "Datum", "Ons Kenmerk", then both values): in order.
    stacked: list[tuple[Line, str, int, int]] = []
    for line in content:
        if line.number in table_lines:
            continue
        text = plain(line).replace("**", "").replace("__", "")
        stripped_prefix = _LIST_PREFIX.match(text)
        offset = stripped_prefix.end() if stripped_prefix else 0
        body = text[offset:]
        if not body.strip():
            continue
        if line.number in heading_lines:
            stacked.clear()
        known = _field_key(body, pack)
        if known is not None and line.number not in heading_lines:
            key, length = known
            rest = LEADER.sub("", body[length:])
            value = rest.lstrip(" :\t").rstrip()
            if not value and line.number <= header_end:
                stacked.append((line, key, offset, length))
                continue
            if value:
                value_start = line.text.find(value, offset + length)
                value_start = value_start if value_start >= 0 else offset + length
                fields.append(
                    _field(line, key, offset, length, value, value_start, section_by_line)
                )
            continue
        if stacked and line.number not in heading_lines:
            key_line, key, key_start, length = stacked.pop(0)
            value = body.strip()
            value_start = line.text.find(value)
            fields.append(
                FieldValue(
                    key=key,
                    value=value,
                    key_span=Span.of_line(key_line, key_start, key_start + length),
                    value_span=Span.of_line(line, value_start, value_start + len(value)),
                    section=section_by_line.get(key_line.number),
                )
            )
            continue
        match = FIELD_WITH_COLON.match(body)
        if match and line.number not in heading_lines:
            value_start = line.text.find(match[2], offset)
            fields.append(
                _field(
                    line,
                    match[1],
                    offset,
                    len(match[1]),
                    match[2],
                    max(value_start, 0),
                    section_by_line,
                )
            )
    return fields


def _field(
    line: Line,
    key: str,
    key_start: int,
    key_length: int,
    value: str,
    value_start: int,
    section_by_line: dict[int, str | None],
) -> FieldValue:
    return FieldValue(
        key=key,
        value=value,
        key_span=Span.of_line(line, key_start, key_start + key_length),
        value_span=Span.of_line(line, value_start, value_start + len(value)),
        section=section_by_line.get(line.number),
    )


@lru_cache(maxsize=64)
def _option_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    labels = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:[-*+•]\s+)?({_GLYPH})?\s*({labels})(?!\w)\s*", re.IGNORECASE)


def _option_line(text: str, choice: ChoiceDef) -> list[tuple[str, Mark, int, int]] | None:
    """Parse a line of options, each with or without a checkbox glyph.

    A line made only of options ("☐ Openbaar ☒ Geheim", a template's own answer such as "Nvt"
    when the pack declares it a synonym), or options whose last one carries a glyph followed by
    its explanation ("- [x] Geheim, op grond van artikel 5.1 …").
    """
    named = choice.labels()
    item = _option_pattern(tuple(named))
    position, found = 0, []  # type: tuple[int, list[tuple[str, Mark, int, int]]]
    body = text.rstrip()
    while position < len(body):
        match = item.match(body, position)
        if not match or match.end() == position:
            if found and found[-1][1] is not Mark.UNKNOWN:
                break  # a ticked or empty box and the words that go with it
            return None
        glyph = (match[1] or "").lower()
        if not glyph:
            mark = Mark.UNKNOWN
        elif glyph in UNMARKED_GLYPHS or glyph == "[ ]":
            mark = Mark.UNMARKED
        else:
            mark = Mark.MARKED
        canonical = named[match[2].lower()]
        found.append(
            (canonical, mark, match.start(1) if match[1] else match.start(2), match.end(2))
        )
        position = match.end()
    return found or None


def _choices(document: Document, pack: Pack, heading_lines: set[int]) -> dict[str, ChoiceGroup]:
    groups: dict[str, ChoiceGroup] = {}
    for choice in pack.choices.values():
        options: list[ChoiceOption] = []
        statements: list[ChoiceOption] = []
        for field in document.fields:
            if any(title_key(field.key) == title_key(k) for k in choice.statement_keys):
                parsed = _option_line(field.value, choice)
                if parsed and len(parsed) == 1:
                    statements.append(ChoiceOption(parsed[0][0], Mark.MARKED, field.value_span))
                elif parsed:
                    line = document.line(field.value_span.line)
                    options.extend(_options_on(line, parsed, field.value_span.column - 1))
        for section in document.sections:
            if section.id not in choice.sections:
                continue
            section_options: list[ChoiceOption] = []
            for line in document.body_lines(section):
                if line.number in heading_lines or line.is_footnote_text:
                    continue
                parsed = _option_line(plain(line), choice)
                if parsed:
                    section_options.extend(_options_on(line, parsed, 0))
            # One option without a glyph, alone in its section, is a statement
            # ("Openbaarheid / Openbaar"); several are checkboxes whose glyphs were lost.
            if len(section_options) == 1 and section_options[0].mark is Mark.UNKNOWN:
                only = section_options[0]
                statements.append(ChoiceOption(only.label, Mark.MARKED, only.span))
            else:
                options.extend(section_options)
        groups[choice.id] = ChoiceGroup(choice.id, options, statements)
    return groups


def _options_on(
    line: Line, parsed: list[tuple[str, Mark, int, int]], offset: int
) -> list[ChoiceOption]:
    return [
        ChoiceOption(label, mark, Span.of_line(line, offset + start, offset + end))
        for label, mark, start, end in parsed
    ]


def _decisions(document: Document, pack: Pack) -> list[DecisionPoint]:
    section_id = pack.structure.get("decision_section")
    points: list[DecisionPoint] = []
    for section in document.sections_with(section_id) if section_id else []:
        points = _numbered_points(document.body_lines(section))
        if points:
            break
    return points


def _numbered_points(lines: list[Line]) -> list[DecisionPoint]:
    """The decision points of one section: "1." or "I." (the text on the line or below it).

    A list keeps one numbering ("(Spui\n70) naar …" under I., II. is text). A list that starts
    again at 1 under a point ("III. … te dekken: a. … I. Uitvoeringsprogramma …", the articles
    of a regulation the decision adopts) is nested in that point until the outer numbering goes
    on. "I)" after "H)" is a list letter, and "C.", "D.", "L.", "M." are numerals only in sequence.
    Before the first point, "Artikel I" starts the text of a regulation being adopted: its
    numbered members are not decision points.
    """
    points: list[DecisionPoint] = []
    style: str | None = None
    nested = False
    opened = False  # since the last point: a sub-list, a lead-in ending in ":", an article
    letter = ""  # the last list letter seen ("h" for "h)")
    for line in lines:
        text = plain(line)
        match = DECISION_POINT.match(text) if style != "roman" else None
        roman = ROMAN_POINT.match(text) if style != "arabic" and not match else None
        number = int(match[1]) if match else None
        label, label_text = (match[1], match[2]) if match else ("", None)
        if roman is not None:
            value = roman_value(roman[1])
            previous = points[-1].number if points else 0
            follows_letter = (
                len(roman[1]) == 1 and bool(letter) and ord(roman[1].lower()) == ord(letter) + 1
            )
            if (
                value is not None
                and not follows_letter
                and (roman[1] not in ("C", "D", "L", "M") or value == previous + 1)
            ):
                number, label, label_text = value, roman[1], roman[2]
        if number is None:
            single = LIST_LETTER.match(text)
            letter = single[1].lower() if single else letter
            stripped = text.strip()
            if not points and ARTICLE.match(stripped):
                break  # the text of a regulation the decision adopts: its own numbering
            if single or stripped.endswith(":") or ARTICLE.match(stripped):
                opened = True
            continue
        if match and not points and not label_text and number != 1:
            continue  # "4." alone on a line: a page or paragraph number, not a list's start
        style = style or ("arabic" if match else "roman")
        if nested and number != points[-1].number + 1:
            continue
        if not nested and points and number == 1 and opened:
            nested = True
            continue
        nested = False
        opened = (label_text or "").rstrip().endswith(":")
        start = line.text.index(label)
        points.append(DecisionPoint(number, (label_text or "").strip(), Span.of_line(line, start)))
    return points


def _arguments(document: Document, pack: Pack, footnote_lines: set[int]) -> list[ArgumentHeading]:
    section_id = pack.structure.get("argument_section")
    arguments: list[ArgumentHeading] = []
    for section in document.sections_with(section_id) if section_id else []:
        for line in document.body_lines(section):
            if line.number in footnote_lines:
                continue
            text = _heading_title(line) if line.heading_level else plain(line)
            match = ARGUMENT_HEADING.match(text)
            if match:
                start = line.text.index(match[1])
                end = line.text.index(match[2], start + len(match[1])) + len(match[2])
                arguments.append(
                    ArgumentHeading(
                        int(match[1]),
                        int(match[2]),
                        match[3].strip(),
                        Span.of_line(line, start, end),
                    )
                )
    return arguments


def _dates(lines: list[Line]) -> list[DateMention]:
    mentions = []
    for line in lines:
        if not _DIGIT.search(line.text):  # every date pattern needs a digit
            continue
        for found in find_dates(line.text):
            mentions.append(
                DateMention(
                    text=line.text[found.start : found.end],
                    day=found.day,
                    month=found.month,
                    year=found.year,
                    span=Span.of_line(line, found.start, found.end),
                    valid=is_valid(found.day, found.month, found.year),
                    relative=found.relative,
                )
            )
    mentions.sort(key=lambda d: (d.span.line, d.span.column))
    return mentions


def _amounts(lines: list[Line]) -> list[Amount]:
    return [
        Amount(match[0], parse_amount(match), Span.of_line(line, match.start(), match.end()))
        for line in lines
        if _DIGIT.search(line.text)
        for match in AMOUNT.finditer(line.text)
    ]


def _header_end(content: list[Line], pack: Pack) -> int:
    """The last line of the header: ``structure.header_lines`` lines of the memo's own text
    (front matter and provenance comments before it do not count)."""
    first = content[0].number if content else 1
    return first + int(pack.structure.get("header_lines", 30)) - 1


class _MemoDate(NamedTuple):
    value: dt.date | None
    span: Span | None
    text: str | None
    status: str | None


def _front_matter_span(source: Source, key: str) -> Span | None:
    """Where front matter ``key: value`` writes its value (the whole line if not found)."""
    span = source.front_matter_span
    if span is None:
        return None
    for line in source.lines[span.line - 1 : span.end_line]:
        match = re.match(rf"\s*{key}\s*:\s*", line.text, re.IGNORECASE)
        if match:
            return Span.of_line(line, match.end(), len(line.text.rstrip()))
    return None


def _memo_date(document: Document, pack: Pack, source: Source) -> _MemoDate:
    """The memo's own date: front matter ``datum``/``date``, else a "Datum" line in the header.

    The value is read whole (:func:`memo_lint.dutch.read_date`), so "24 juni 2o25" and
    "[invullen]" are told apart from a date the memo does not state at all.
    """
    for key in ("datum", "date"):
        if key not in document.metadata:
            continue
        value = document.metadata[key]
        span = _front_matter_span(source, key)
        if isinstance(value, dt.datetime):
            return _MemoDate(value.date(), span, value.isoformat(), "ok")
        if isinstance(value, dt.date):
            return _MemoDate(value, span, value.isoformat(), "ok")
        # Read what was written: YAML makes "[invullen]" a list and "24-06" a string.
        text = "" if value is None else str(value)
        if span is not None:
            text = document.line(span.line).text[span.column - 1 : span.end_column - 1].strip()
            text = text.strip("'\"") if len(text) > 1 and text[0] == text[-1] in "'\"" else text
        reading = read_date(text)
        status = "unreadable" if reading.status == "none" else reading.status
        return _MemoDate(reading.value, span, text, status)
    header_end = _header_end(document.content, pack)
    for field in document.fields:
        if field.key_span.line > header_end or title_key(field.key) not in ("datum", "date"):
            continue
        reading = read_date(field.value)
        if reading.status in ("none", "empty"):
            continue  # another field ("Datum PM"), or a layout that left the value elsewhere
        span = field.value_span
        if reading.found is not None:
            line = document.line(field.value_span.line)
            start = line.text.find(field.value)
            if start >= 0:
                begin = start + reading.found.start
                span = Span.of_line(line, begin, begin + reading.found.end - reading.found.start)
        return _MemoDate(reading.value, span, field.value, reading.status)
    return _MemoDate(None, None, None, None)


class ScopeLines(list[Line]):
    """The lines of one memo a rule reads (:meth:`memo_lint.checks.base.Context.scope_lines`),
    shared by every rule with that scope: their text is joined once for all its patterns."""

    __slots__ = ("_joined",)

    def joined(self) -> tuple[str, list[int]]:
        """The lines' text joined by newlines, and where each line starts in it."""
        if not hasattr(self, "_joined"):
            self._joined = joined(line.text for line in self)
        return self._joined


def matches_in(pattern: str, lines: Iterable[Line]) -> Iterable[tuple[Line, int, int, str]]:
    """Every match of a pack pattern in the given lines: (line, start, end, matched text).

    The lines are searched as one text joined by newlines — one RE2 call instead of one per
    line, and a phrase that extraction broke over two lines still matches. A match is
    reported on the line it starts in, clipped to that line.
    """
    chosen = lines if isinstance(lines, ScopeLines) else list(lines)
    if not chosen:
        return
    text, starts = (
        chosen.joined() if isinstance(chosen, ScopeLines) else joined(line.text for line in chosen)
    )
    for match in compile_pattern(pattern).finditer(text):
        begin, end = match.start(), match.end()
        if end <= begin:
            continue
        index = bisect_right(starts, begin) - 1
        line = chosen[index]
        column = begin - starts[index]
        yield line, column, min(end - starts[index], len(line.text)), match.group()
