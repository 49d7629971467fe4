"""A deadline field that says "none" while the text names a date a decision is needed by.

"Termijngebonden? Nee" or "Fatale termijn: n.v.t." in the header, and further on "de raad kan
uiterlijk 18 juli 2025 een zienswijze indienen": the field tells the griffie there is no hurry
while the memo itself names a deadline. The ``field`` pattern finds the field stating no
deadline (on one line); a text deadline is a date after a ``cue`` ("uiterlijk", "vóór") in a
sentence that names a ``decision`` (besluit, vaststellen, zienswijze, …).
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.dutch import find_dates
from memo_lint.model import Document, Span
from memo_lint.patterns import compile_pattern
from memo_lint.text import document_sentences

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


def check(document: Document, context: Context) -> Iterator[Finding]:
    options = context.options
    field = next(iter(matches_in(options["field"], document.content)), None)
    if field is None:
        return
    cue, decision = compile_pattern(options["cue"]), compile_pattern(options["decision"])
    for sentence in document_sentences(document):
        if not decision.search(sentence.text):
            continue
        for date in find_dates(sentence.text):
            if cue.search(sentence.text[max(0, date.start - 30) : date.start]):
                line, start, end, text = field
                found: Span = sentence.span_of(date.start, date.end)
                yield Finding(
                    Span.of_line(line, start, end),
                    {
                        "field": text.strip().rstrip(",;"),
                        "deadline": sentence.text[date.start : date.end],
                        "line": found.line,
                    },
                )
                return
