"""Numbered structure: the decision points of the decision section ("1." or "I.") and the
numbered argument headings ("1.1 …")."""

from __future__ import annotations

import re

from memo_lint.analysis.lines import heading_title, plain
from memo_lint.model import (
    ArgumentHeading,
    DecisionPoint,
    Document,
    Line,
    Span,
)
from memo_lint.pack import Pack
from memo_lint.text import ARTICLE, roman_value

DECISION_POINT = re.compile(r"^\s*(\d{1,2})[.)](?:\s+(\S.*))?\s*$")


# "1." / "I." alone on a line with the text on the next (Den Haag's raadsbesluiten), or with it.
ROMAN_POINT = re.compile(r"^\s*([IVXLCDM]{1,9})[.)](?:\s+(\S.*))?\s*$")


LIST_LETTER = re.compile(r"^\s*([a-zA-Z])[.)]\s")


ARGUMENT_HEADING = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")


def find_decisions(document: Document, pack: Pack) -> list[DecisionPoint]:
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


def find_arguments(
    document: Document, pack: Pack, footnote_lines: set[int]
) -> list[ArgumentHeading]:
    section_id = pack.structure.get("argument_section")
    arguments: list[ArgumentHeading] = []
    for section in document.sections_with(section_id) if section_id else []:
        for line in document.body_lines(section):
            if line.number in footnote_lines:
                continue
            text = heading_title(line) if line.heading_level else plain(line)
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
