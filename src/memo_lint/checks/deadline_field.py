"""A deadline field that says "none" while the text names a date a decision is needed by.

"Termijngebonden? Nee" or "Fatale termijn: n.v.t." in the header, and further on "de raad kan
uiterlijk 18 juli 2025 een zienswijze indienen": the field tells the griffie there is no hurry
while the memo itself names a deadline. The ``field`` pattern finds the field stating no
deadline, its value on the same line or stacked below the key); a text deadline is a date
after a ``cue`` ("uiterlijk", "vóór") in a sentence that names a ``decision`` (besluit,
vaststellen, zienswijze, …), not before the memo's own date: "gemeenten zouden vóór 1 juli
2023 zoekgebieden vaststellen" in a memo of 2024 recalls another body's old agreement, it is
no date this memo's decision is needed by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.dutch import DateMatch, find_dates, is_valid
from memo_lint.model import Document, Span
from memo_lint.patterns import compile_pattern
from memo_lint.text import Sentence, document_sentences

KIND = "deadline-field"
OPTIONS = {
    "type": "object",
    "properties": {
        "field": {
            "type": "string",
            "format": "re2",
            "description": "A line stating there is no deadline ('Fatale termijn: n.v.t.').",
        },
        "cue": {
            "type": "string",
            "format": "re2",
            "description": "What precedes a date a decision is needed by ('uiterlijk', 'vóór'); "
            "matched against the 30 characters before the date.",
        },
        "decision": {
            "type": "string",
            "format": "re2",
            "description": "Words that make the sentence about a decision (besluit, zienswijze).",
        },
    },
    "required": ["field", "cue", "decision"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "field": "the field as written ('Fatale termijn: n.v.t.')",
    "deadline": "the date the text names",
    "line": "the line number of the sentence naming the date",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={
        "field": "(?im)^[ \\t]*fatale termijn[ \\t]*:?[ \\t]*(n\\.?v\\.?t\\.?|nee|geen)",
        "cue": "(?i)\\b(vóór|voor|uiterlijk)\\s*$",
        "decision": "(?i)\\b(besluit\\pL*|zienswijze)\\b",
    },
    passes="# Samenvatting\n\nFatale termijn: n.v.t.\n\nDe raad besluit in de zomer.\n",
    fails="# Samenvatting\n\nFatale termijn: n.v.t.\n\nDe raad besluit uiterlijk 1 juli 2026.\n",
)


def text_deadlines(
    document: Document, cue: str, decision: str
) -> Iterator[tuple[Sentence, DateMatch]]:
    """The first date of each sentence that names a date a decision is needed by: a ``cue``
    in the 30 characters before it, a ``decision`` word in the sentence, and not before the
    memo's own date (when the memo states one)."""
    cue_re, decision_re = compile_pattern(cue), compile_pattern(decision)
    memo_date = document.memo_date
    found = document_sentences(document)
    for index, said in enumerate(found.texts):
        if not decision_re.search(said):
            continue
        for date in find_dates(said):
            if not cue_re.search(said[max(0, date.start - 30) : date.start]):
                continue
            if _before(date, memo_date):
                continue
            yield found[index], date
            break


def _before(date: DateMatch, memo_date: dt.date | None) -> bool:
    if memo_date is None or date.year is None or not is_valid(date.day, date.month, date.year):
        return False
    return dt.date(date.year, date.month, date.day) < memo_date


def check(document: Document, context: Context) -> Iterator[Finding]:
    options = context.options
    field = next(iter(matches_in(options["field"], document.content)), None)
    if field is None:
        return
    for sentence, date in text_deadlines(document, options["cue"], options["decision"]):
        line, start, end, text = field
        found: Span = sentence.span_of(date.start, date.end)
        yield Finding(
            Span.of_line(line, start, end),
            {
                # A stacked field ("Fatale termijn" / "Niet van toepassing") as one line.
                "field": " ".join(text.split()).rstrip(",;"),
                "deadline": sentence.text[date.start : date.end],
                "line": found.line,
            },
        )
        return
