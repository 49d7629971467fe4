"""Cancellation memos: the notice deadline is stated, not passed, and acted on with reservation.

One kind, three aspects (one rule each), reading the cancellation ``vocabulary`` in the rule's
options (a pack writes it once with a YAML anchor and repeats it with an alias):

- ``stated``: a memo that ends, cancels or does not renew something (a ``trigger`` in the
  decision or summary) names a deadline: a date after a ``deadline_cue`` ("vóór 1 april",
  "uiterlijk 31-05-2022"), a deadline field ("Fatale termijn"), or a notice ``period``.
- ``passed``: that deadline lies before the reference date while no sentence says the
  cancellation was already ``done``.
- ``reservation``: a cancellation already done says it was done ``onder voorbehoud`` of the
  decision, so the college is still free to decide.

Sentences are read across line breaks, because extraction breaks them anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from memo_lint.analysis import matches_in
from memo_lint.checks.schema import Example
from memo_lint.dutch import is_valid
from memo_lint.model import DateMention, Document, Line, Span
from memo_lint.pack import title_key
from memo_lint.patterns import compile_pattern

if TYPE_CHECKING:
    from memo_lint.checks import Context, Finding

KIND = "deadline"


def _pattern(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "re2", "description": description}


_VOCABULARY: dict[str, Any] = {
    "type": "object",
    "properties": {
        "trigger_scopes": {
            "type": "array",
            "items": {"type": "string", "x-references": "section"},
            "description": "Sections a trigger is looked for in (default: the whole memo); "
            "when none of them is present nothing is reported.",
        },
        "triggers": _pattern("Words that end, cancel or do not renew something."),
        "deadline_cue": _pattern("What precedes a date that is a deadline ('vóór', 'uiterlijk')."),
        "deadline_fields": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Fields whose date is a deadline ('Fatale termijn').",
        },
        "period": _pattern("A notice period stated without a date ('opzegtermijn van 3 maanden')."),
        "done": _pattern("A sentence saying the cancellation was done."),
        "not_done": _pattern("…unless the sentence says it must still be done ('mits', 'moet')."),
        "reservation": _pattern("'onder voorbehoud' of the decision."),
    },
    "required": ["triggers", "deadline_cue", "period", "done", "not_done", "reservation"],
    "additionalProperties": False,
}
OPTIONS = {
    "type": "object",
    "properties": {
        "aspect": {
            "enum": ["stated", "passed", "reservation"],
            "description": "stated: a deadline is named; passed: it has not passed unless "
            "notice was given; reservation: notice given is 'onder voorbehoud'.",
        },
        "vocabulary": {**_VOCABULARY, "description": "The phrases the three aspects read."},
    },
    "required": ["aspect", "vocabulary"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "trigger": "the words that end or do not renew something (stated)",
    "deadline": "the deadline as written (passed)",
    "reference": "the memo's reference date, ISO (passed)",
    "done": "the sentence saying notice was given, up to 80 characters (reservation)",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={
        "aspect": "stated",
        "vocabulary": {
            "trigger_scopes": ["ontwerp-besluit"],
            "triggers": "(?i)\\bniet te verlengen\\b",
            "deadline_cue": "(?i)\\b(vóór|uiterlijk)\\s*$",
            "period": "(?i)\\bopzegtermijn van \\d+ maanden\\b",
            "done": "(?i)\\bis opgezegd\\b",
            "not_done": "(?i)\\b(mits|moet)\\b",
            "reservation": "(?i)\\bonder voorbehoud\\b",
        },
    },
    passes="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het contract niet te verlengen "
    "en vóór 1 april 2024 op te zeggen.\n",
    fails="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het contract niet te verlengen.\n",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de0-9‘'\"“(])")


@dataclass(slots=True)
class _Sentence:
    text: str
    span: Span


def _sentences(lines: list[Line]) -> list[_Sentence]:
    """Sentences of consecutive non-empty lines, each with the span it covers."""
    sentences: list[_Sentence] = []
    block: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.text.strip():
            block.append(line)
            continue
        if not block:
            continue
        text, starts = "", []
        for item in block:
            starts.append(len(text))
            text += item.text.strip() + " "
        position = 0
        for piece in _SENTENCE_END.split(text):
            begin = text.index(piece, position)
            position = begin + len(piece)
            first = block[bisect_right(starts, begin) - 1]
            last = block[bisect_right(starts, max(begin, position - 2)) - 1]
            span = Span(first.number, 1, last.number, len(last.text) + 1)
            sentences.append(_Sentence(piece.strip(), span))
        block = []
    return sentences


def _trigger(
    document: Document, context: Context, words: dict[str, Any]
) -> tuple[Line, str] | None:
    wanted = words.get("trigger_scopes", ())
    scopes = [s for s in wanted if document.section(s)]
    if wanted and not scopes:
        return None  # no decision or summary: required-section reports that, prose decides nothing
    lines = [line for s in scopes for line in context.scope_lines(document, s)] or document.content
    hit = next(iter(matches_in(words["triggers"], lines)), None)
    return (hit[0], " ".join(hit[3].split())) if hit else None


def _deadlines(document: Document, context: Context, words: dict[str, Any]) -> list[DateMention]:
    cue = compile_pattern(words["deadline_cue"])
    field_keys = {title_key(k) for k in words.get("deadline_fields", ())}
    field_lines = {f.value_span.line for f in document.fields if title_key(f.key) in field_keys}
    found = []
    for mention in document.dates:
        line = document.line(mention.span.line)
        before = line.text[: mention.span.column - 1]
        if not before.strip() and mention.span.line > 1:  # "mits voor\n1 april": read on
            before = document.line(mention.span.line - 1).text.rstrip() + " "
        if mention.span.line in field_lines or cue.search(before[-30:]):
            found.append(mention)
    return found


def _deadline_date(mention: DateMention, reference: dt.date) -> dt.date | None:
    year = mention.year if mention.year is not None else reference.year
    if not is_valid(mention.day, mention.month, year):
        return None
    return dt.date(year, mention.month, mention.day)


def _done(sentences: list[_Sentence], words: dict[str, Any]) -> _Sentence | None:
    """The first sentence saying the cancellation was done (not merely that it must be)."""
    not_done = compile_pattern(words["not_done"])
    starts, offset = [], 0
    for sentence in sentences:
        starts.append(offset)
        offset += len(sentence.text) + 1
    text = "\n".join(s.text for s in sentences)  # one RE2 pass instead of one per sentence
    for match in compile_pattern(words["done"]).finditer(text):
        sentence = sentences[bisect_right(starts, match.start()) - 1]
        if not not_done.search(sentence.text):
            return sentence
    return None


def check(document: Document, context: Context) -> Iterator[Finding]:
    from memo_lint.checks import Finding

    words: dict[str, Any] = context.options["vocabulary"]
    trigger = _trigger(document, context, words)
    if trigger is None:
        return
    aspect = context.options["aspect"]
    deadlines = _deadlines(document, context, words)
    if aspect == "stated":
        has_period = next(iter(matches_in(words["period"], document.content)), None) is not None
        if not deadlines and not has_period:
            line, text = trigger
            start = line.text.find(text)
            yield Finding(Span.of_line(line, start, start + len(text)), {"trigger": text})
        return
    if "sentences" not in document.derived:
        document.derived["sentences"] = _sentences(document.content)
    sentences: list[_Sentence] = document.derived["sentences"]
    done = _done(sentences, words)
    if aspect == "passed":
        if done is not None:
            return
        for mention in deadlines:
            date = _deadline_date(mention, context.reference_date)
            if date is not None and date < context.reference_date:
                yield Finding(
                    mention.span,
                    {"deadline": mention.text, "reference": context.reference_date.isoformat()},
                )
                return
        return
    reservation = compile_pattern(words["reservation"])
    if done is not None and not reservation.search(" ".join(s.text for s in sentences)):
        yield Finding(done.span, {"done": done.text[:80]})
