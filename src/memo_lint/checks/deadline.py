"""Cancellation memos: the notice deadline is stated, not passed, and acted on with reservation.

One kind, three aspects (one rule each), reading the cancellation ``vocabulary`` in the rule's
options (a pack writes it once with a YAML anchor and repeats it with an alias):

- ``stated``: a memo that ends, cancels or does not renew something (a ``trigger`` in the
  decision or summary) names a deadline: a date after a ``deadline_cue`` ("vóór 1 april",
  "uiterlijk 1-4-24"), a coming date ("per 1 april a.s."), a deadline field ("Fatale
  termijn"), or a notice ``period``.
- ``passed``: that deadline lies before the reference date while no sentence says the
  cancellation was already ``done``.
- ``reservation``: a cancellation already done says it was done ``onder voorbehoud`` of the
  decision, so the college is still free to decide.

Sentences are read as :mod:`memo_lint.text` reads them: across line breaks (extraction breaks
them anywhere), not ending at a citation or an abbreviation, and a trigger or a "done" inside
another document's title or a quotation counts for nothing. A decision that adopts a
regulation ("besluit vast te stellen … Artikel I …") is read up to the regulation's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.dutch import is_valid
from memo_lint.model import DateMention, Document, Line, Span
from memo_lint.pack import title_key
from memo_lint.patterns import compile_pattern
from memo_lint.regex import compile_later
from memo_lint.text import (
    ARTICLE,
    Sentence,
    Sentences,
    document_sentences,
    sentence_matches,
    sentences,
)

KIND = "deadline"
# "per 1 april a.s.": a coming date something ends on is its deadline (the date reader marks
# "a.s."); a plain "per 1 juli 2024" may be the date something else starts, so it is not.
_PER = compile_later(r"(?i)\bper\s*$")


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
    "reference_label": "the reference date and its source: the memo's date, --today or today "
    "when the memo has no readable date (passed)",
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


def _decision_prose(document: Document, context: Context, scope: str) -> list[Line]:
    """The scope's lines up to the text of a regulation it adopts ("Artikel I …")."""
    lines = context.scope_lines(document, scope)
    end = next((i for i, line in enumerate(lines) if ARTICLE.match(line.text)), len(lines))
    return lines[:end]


def _trigger(
    document: Document, context: Context, words: dict[str, Any]
) -> tuple[Span, str] | None:
    """The first words ending something, read in sentences: inside another document's title
    ("raadsinformatiebrief Voortgang beëindiging samenwerkingsovereenkomst …") they end nothing.
    Found once per memo for the three aspects that ask."""
    key = f"trigger:{words['triggers']}:{words.get('trigger_scopes', ())}"
    if key not in document.derived:
        document.derived[key] = _find_trigger(document, context, words)
    found: tuple[Span, str] | None = document.derived[key]
    return found


def _find_trigger(
    document: Document, context: Context, words: dict[str, Any]
) -> tuple[Span, str] | None:
    wanted = words.get("trigger_scopes", ())
    scopes = [s for s in wanted if document.section(s)]
    if wanted and not scopes:
        return None  # no decision or summary: required-section reports that, prose decides nothing
    key = "sentences:" + ",".join(scopes)
    found: Sentences | None = document.derived.get(key)
    if found is None:
        lines = [line for s in scopes for line in _decision_prose(document, context, s)]
        found = sentences(lines) if scopes else document_sentences(document)
        document.derived[key] = found
    hit = next(iter(sentence_matches(words["triggers"], found, referenced=False)), None)
    if hit is None:
        return None
    sentence, start, end = hit
    return sentence.span_of(start, end), " ".join(sentence.text[start:end].split())


def _deadlines(document: Document, words: dict[str, Any]) -> list[DateMention]:
    """The dates that are deadlines, found once per memo for the aspects that share them."""
    key = f"deadlines:{words['deadline_cue']}:{words.get('deadline_fields', ())}"
    found: list[DateMention] | None = document.derived.get(key)
    if found is None:
        found = document.derived[key] = _find_deadlines(document, words)
    return found


def _find_deadlines(document: Document, words: dict[str, Any]) -> list[DateMention]:
    cue = compile_pattern(words["deadline_cue"])
    field_keys = {title_key(k) for k in words.get("deadline_fields", ())}
    field_lines = {f.value_span.line for f in document.fields if title_key(f.key) in field_keys}
    found = []
    for mention in document.dates:
        line = document.line(mention.span.line)
        before = line.text[: mention.span.column - 1]
        if not before.strip() and mention.span.line > 1:  # "mits voor\n1 april": read on
            before = document.line(mention.span.line - 1).text.rstrip() + " "
        if (
            mention.span.line in field_lines
            or cue.search(before[-30:])
            or (mention.relative == "upcoming" and _PER.search(before[-30:]))
        ):
            found.append(mention)
    return found


def _deadline_date(mention: DateMention, reference: dt.date) -> dt.date | None:
    """The date a deadline means; a yearless one is in the reference year, or for "1 april
    a.s." the first such day from the reference date on (and for "jl." the last before it)."""
    year = mention.year if mention.year is not None else reference.year
    if not is_valid(mention.day, mention.month, year):
        return None
    date = dt.date(year, mention.month, mention.day)
    if mention.year is None and mention.relative == "upcoming" and date < reference:
        return _deadline_date(mention.replace(year=year + 1), reference)
    if mention.year is None and mention.relative == "past" and date > reference:
        return _deadline_date(mention.replace(year=year - 1), reference)
    return date


def _done(document: Document, words: dict[str, Any]) -> Sentence | None:
    """The first sentence saying the cancellation was done (not merely that it must be, or a
    condition: "geldt tot deze is opgezegd"), outside other documents' titles; looked for once
    per memo for the two aspects that ask."""
    key = f"done:{words['done']}:{words['not_done']}"
    if key not in document.derived:
        document.derived[key] = _find_done(document_sentences(document), words)
    done: Sentence | None = document.derived[key]
    return done


def _find_done(found: Sentences, words: dict[str, Any]) -> Sentence | None:
    not_done = compile_pattern(words["not_done"])
    for sentence, _, _ in sentence_matches(words["done"], found, referenced=False):
        if not not_done.search(sentence.text):
            return sentence
    return None


def check(document: Document, context: Context) -> Iterator[Finding]:
    words: dict[str, Any] = context.options["vocabulary"]
    trigger = _trigger(document, context, words)
    if trigger is None:
        return
    aspect = context.options["aspect"]
    deadlines = _deadlines(document, words)
    if aspect == "stated":
        has_period = next(iter(matches_in(words["period"], document.content)), None) is not None
        if not deadlines and not has_period:
            span, text = trigger
            yield Finding(span, {"trigger": text})
        return
    done = _done(document, words)
    if aspect == "passed":
        if done is not None:
            return
        for mention in deadlines:
            date = _deadline_date(mention, context.reference_date)
            if date is not None and date < context.reference_date:
                yield Finding(
                    mention.span,
                    {
                        "deadline": mention.text,
                        "reference": context.reference_date.isoformat(),
                        "reference_label": context.reference_label(),
                    },
                )
                return
        return
    reservation = compile_pattern(words["reservation"])
    if done is not None and not reservation.search(" ".join(document_sentences(document).texts)):
        yield Finding(done.span, {"done": done.text[:80]})
