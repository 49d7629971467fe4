"""Patterns that must not appear (``forbid``) or must appear (``require``) in a scope.

Each entry may apply only from or until a date (``from_date``/``until_date``, compared with
the memo's reference date), which is how a law that was repealed on a known day is flagged
only in memos written after it. ``what`` names the finding in the message; without it the
matched text is shown. A forbidden match that only lays the text out is not reported
(:func:`memo_lint.text.layout_marks`): a list's Roman label ("XXX." after "XXIX." numbers point
30) or a leader from words to their value ("Inleiding ........ 3").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import TEXT_SCHEMA, Example, local
from memo_lint.model import Document, Span
from memo_lint.text import document_layout_marks, inside

KIND = "pattern"

_ENTRY = {
    "type": "object",
    "properties": {
        "pattern": {
            "type": "string",
            "minLength": 1,
            "format": "re2",
            "description": "What to look for (an RE2 pattern).",
        },
        "scope": {
            "type": "string",
            "x-references": "section",
            "description": "Only this section (default: the whole memo).",
        },
        "from_date": {
            "type": "string",
            "format": "date",
            "description": "Only for memos dated on or after this day.",
        },
        "until_date": {
            "type": "string",
            "format": "date",
            "description": "Only for memos dated on or before this day.",
        },
        "what": {**TEXT_SCHEMA, "description": "What the message calls a match ({what})."},
    },
    "required": ["pattern"],
    "additionalProperties": False,
}
OPTIONS = {
    "type": "object",
    "properties": {
        "forbid": {
            "type": "array",
            "items": _ENTRY,
            "minItems": 1,
            "description": "Patterns that must not occur: each match is a finding.",
        },
        "require": {
            "type": "array",
            "items": _ENTRY,
            "minItems": 1,
            "description": "Patterns that must occur (once is enough) where the scope exists.",
        },
    },
    "anyOf": [{"required": ["forbid"]}, {"required": ["require"]}],
    "additionalProperties": False,
}
ARGUMENTS = {
    "match": "the text matched (forbid; empty for missing)",
    "what": "the entry's 'what' in the message's language (or its one language), else the match"
    " (or the pattern)",
}
VARIANTS = {"missing": "a required pattern does not occur"}
EXAMPLE = Example(
    options={"forbid": [{"pattern": "(?i)\\bTODO\\b", "what": {"nl": "een TODO", "en": "a TODO"}}]},
    passes="# Samenvatting\n\nDe kern.\n",
    fails="# Samenvatting\n\nTODO: de kern.\n",
)


def _applies(entry: dict[str, Any], today: dt.date) -> bool:
    start, end = entry.get("from_date"), entry.get("until_date")
    if start and today < dt.date.fromisoformat(str(start)):
        return False
    return not (end and today > dt.date.fromisoformat(str(end)))


def check(document: Document, context: Context) -> Iterator[Finding]:
    for entry in context.options.get("forbid", ()):
        if not _applies(entry, context.reference_date):
            continue
        what = local(entry["what"], context.lang) if "what" in entry else None
        lines = context.scope_lines(document, entry.get("scope"))
        for line, start, end, text in matches_in(entry["pattern"], lines):
            # the memo's layout marks: read once per memo, and only for a memo with a match
            if inside(document_layout_marks(document).get(line.number, []), start, end):
                continue  # "XXX." numbering point 30, "Inleiding ....... 3": no placeholder
            yield Finding(Span.of_line(line, start, end), {"match": text, "what": what or text})
    for entry in context.options.get("require", ()):
        scope = entry.get("scope")
        if not _applies(entry, context.reference_date):
            continue
        if scope is not None and document.section(scope) is None:
            continue
        lines = context.scope_lines(document, scope)
        if next(iter(matches_in(entry["pattern"], lines)), None) is None:
            section = document.section(scope) if scope else None
            first = section.heading if section else document.start()
            what = local(entry["what"], context.lang) if "what" in entry else entry["pattern"]
            yield Finding(first, {"match": "", "what": what}, variant="missing")
