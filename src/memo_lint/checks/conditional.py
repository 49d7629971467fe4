"""If conditions hold (``when``), others must hold too (``require``) or must not (``forbid``).

Conditions: ``field`` with ``matches``/``not_matches``; ``pattern`` in a ``scope`` (in one
sentence with ``sentence``, one that also names a date after ``date_cue``); a
``citation`` of a law (and one of its ``articles``), parsed by :mod:`memo_lint.citations`;
``amount``/``date`` present in a scope; ``choice`` group marked at ``option``; ``any_of``.
``cases`` holds several when/require/forbid triples under one rule code. A condition whose
scope section is missing is skipped: the required-section rule already reports that.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import TEXT_SCHEMA, Example, TemplatePart, local
from memo_lint.citations import LAWS, in_document
from memo_lint.dutch import find_dates
from memo_lint.model import Document, FieldValue, Line, Mark, Span
from memo_lint.pack import Pack, RuleDef, title_key
from memo_lint.patterns import compile_pattern
from memo_lint.text import Sentences, document_sentences, sentence_matches, sentences

KIND = "conditional"

_CONDITION: dict[str, Any] = {
    "type": "object",
    "properties": {
        "field": {"type": "string", "description": "A field (key: value) is present."},
        "matches": {"type": "string", "format": "re2", "description": "…and its value matches."},
        "not_matches": {
            "type": "string",
            "format": "re2",
            "description": "…and its value does not match.",
        },
        "pattern": {"type": "string", "format": "re2", "description": "The text matches."},
        "sentence": {
            "const": True,
            "description": "The pattern matches inside one sentence, read as a reader reads it "
            "(a citation's dot, 'artikel 5.1, tweede lid', or 'o.g.v.' does not end it; '.' in "
            "the pattern stays in the sentence).",
        },
        "date_cue": {
            "type": "string",
            "format": "re2",
            "description": "With 'sentence': the matching sentence also names a date, as the "
            "date reader reads it ('1 januari 2027', '1-4-24'), right after this cue (matched "
            "against the 40 characters before the date: '(tot|uiterlijk)\\s*$').",
        },
        "amount": {"const": True, "description": "An amount (€ …) occurs."},
        "date": {"const": True, "description": "A date occurs."},
        "scope": {
            "type": "string",
            "x-references": "section",
            "description": "Where pattern/amount/date are looked for (default: the whole memo); "
            "a missing scope section leaves the condition unjudged.",
        },
        "choice": {
            "type": "string",
            "x-references": "choice",
            "description": "A choice group is marked at 'option'.",
        },
        "option": {
            "type": "string",
            "description": "The option of 'choice', as the pack lists it.",
        },
        "citation": {
            "type": "object",
            "description": "A parsed legal citation of 'law' (one of 'articles') occurs.",
            "properties": {
                "law": {"enum": sorted(LAWS), "description": "The law (its id in the law table)."},
                "articles": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 1,
                    "description": "Only a citation of one of these articles counts.",
                },
            },
            "required": ["law"],
            "additionalProperties": False,
        },
        "any_of": {
            "type": "array",
            "items": {"$ref": "#/$defs/condition"},
            "minItems": 1,
            "description": "Holds when one of these holds.",
        },
        "name": {
            **TEXT_SCHEMA,
            "description": "In 'require': how the message's {missing} names this requirement "
            "(default: its number).",
        },
    },
    "oneOf": [
        {"required": ["field"]},
        {"required": ["pattern"]},
        {"required": ["amount"]},
        {"required": ["date"]},
        {"required": ["choice", "option"]},
        {"required": ["citation"]},
        {"required": ["any_of"]},
    ],
    "additionalProperties": False,
}
_CONDITIONS = {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1}
_CASE_PROPERTIES: dict[str, Any] = {
    "when": {**_CONDITIONS, "description": "All of these hold (default: always)."},
    "require": {**_CONDITIONS, "description": "…then each of these must hold."},
    "forbid": {**_CONDITIONS, "description": "…then none of these may hold."},
}
_CASE = {
    "type": "object",
    "properties": _CASE_PROPERTIES,
    "anyOf": [{"required": ["require"]}, {"required": ["forbid"]}],
    "additionalProperties": False,
}
OPTIONS = {
    "type": "object",
    "$defs": {"condition": _CONDITION},
    "properties": {
        **_CASE_PROPERTIES,
        "cases": {
            "type": "array",
            "items": _CASE,
            "minItems": 1,
            "description": "Several when/require/forbid triples under one rule code.",
        },
    },
    "anyOf": [{"required": ["require"]}, {"required": ["forbid"]}, {"required": ["cases"]}],
    "additionalProperties": False,
}
ARGUMENTS = {
    "missing": "the names of the requirements that do not hold, comma-separated (require)",
    "value": "the value of the field the first 'when' condition read ('' otherwise)",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={
        "when": [{"field": "Begroting wijzigen", "matches": "(?i)^ja\\b"}],
        "require": [
            {"amount": True, "scope": "financien", "name": {"nl": "een bedrag", "en": "an amount"}}
        ],
    },
    passes="# Financiële gevolgen\n\nBegroting wijzigen: Ja\n\n# Financiën\n\n"
    "De kosten zijn € 9.000 per jaar.\n",
    fails="# Financiële gevolgen\n\nBegroting wijzigen: Ja\n\n# Financiën\n\n"
    "De kosten volgen later.\n",
)


class _Outcome:
    """Whether a condition holds, where it points, and the field value it read."""

    def __init__(self, holds: bool, span: Span | None = None, value: str = "") -> None:
        self.holds, self.span, self.value = holds, span, value


def _field(document: Document, key: str) -> FieldValue | None:
    wanted = title_key(key)
    return next((f for f in document.fields if title_key(f.key) == wanted), None)


def _evaluate(condition: dict[str, Any], document: Document, context: Context) -> _Outcome | None:
    """None when the condition cannot be judged (its scope section is missing)."""
    scope = condition.get("scope")
    if scope is not None and document.section(scope) is None:
        return None
    if "any_of" in condition:
        # the first alternative that holds, else the first judged: the rest are not evaluated
        first: _Outcome | None = None
        for alternative in condition["any_of"]:
            outcome = _evaluate(alternative, document, context)
            if outcome is not None and outcome.holds:
                return outcome
            first = first or outcome
        return first
    if "field" in condition:
        found = _field(document, condition["field"])
        if found is None:
            return _Outcome(False)
        holds = True
        if "matches" in condition:
            holds = compile_pattern(condition["matches"]).search(found.value) is not None
        if "not_matches" in condition:
            holds = holds and compile_pattern(condition["not_matches"]).search(found.value) is None
        return _Outcome(holds, found.value_span, found.value)
    if "choice" in condition:
        group = document.choices.get(condition["choice"])
        wanted = condition["option"].lower()
        marks = [o for o in group.options + group.statements] if group else []
        chosen = next(
            (o for o in marks if o.mark is Mark.MARKED and o.label.lower() == wanted), None
        )
        return _Outcome(chosen is not None, chosen.span if chosen else None)
    lines = context.scope_lines(document, scope)
    numbers = {line.number for line in lines}
    if "citation" in condition:
        wanted = condition["citation"]
        articles = wanted.get("articles")
        cited = next(
            (
                item
                for item in in_document(document)
                if item.citation.law == wanted["law"]
                and (articles is None or item.citation.article in articles)
                and item.span.line in numbers
            ),
            None,
        )
        return _Outcome(cited is not None, cited.span if cited else None)
    if "pattern" in condition and condition.get("sentence"):
        read = _scope_sentences(document, lines, scope) if scope else document_sentences(document)
        hits = sentence_matches(condition["pattern"], read)
        if "date_cue" in condition:
            cue = compile_pattern(condition["date_cue"])
            hits = (
                hit
                for hit in hits
                if any(
                    cue.search(hit[0].text[max(0, d.start - 40) : d.start])
                    for d in find_dates(hit[0].text)
                )
            )
        in_sentence = next(iter(hits), None)
        if in_sentence is None:
            return _Outcome(False)
        sentence, start, end = in_sentence
        return _Outcome(True, sentence.span_of(start, end))
    if "pattern" in condition:
        hit_line = next(iter(matches_in(condition["pattern"], lines)), None)
        if hit_line is None:
            return _Outcome(False)
        line, start, end, _ = hit_line
        return _Outcome(True, Span.of_line(line, start, end))
    mentions = document.amounts if "amount" in condition else document.dates
    hit = next((m for m in mentions if m.span.line in numbers), None)
    return _Outcome(hit is not None, hit.span if hit else None)


def _scope_sentences(document: Document, lines: list[Line], scope: str) -> Sentences:
    """The sentences of one scope's lines, read once per memo for all conditions on it."""
    key = f"sentences-in:{scope}"
    found: Sentences | None = document.derived.get(key)
    if found is None:
        found = document.derived[key] = sentences(lines)
    return found


def _anchor(document: Document, context: Context, condition: dict[str, Any]) -> Span:
    """Where a missing requirement is reported: its scope's heading, else the memo's start."""
    scope = condition.get("scope") or next(
        (c.get("scope") for c in condition.get("any_of", ()) if c.get("scope")), None
    )
    section = document.section(scope) if scope else None
    if section is not None:
        return section.heading
    return document.start()


def _case(case: dict[str, Any], document: Document, context: Context) -> Iterator[Finding]:
    trigger: _Outcome | None = None
    for condition in case.get("when", ()):
        outcome = _evaluate(condition, document, context)
        if outcome is None or not outcome.holds:
            return
        trigger = trigger or outcome
    value = trigger.value if trigger else ""
    missing: list[str] = []
    anchor: Span | None = None
    for index, condition in enumerate(case.get("require", ())):
        outcome = _evaluate(condition, document, context)
        if outcome is not None and not outcome.holds:
            name = condition.get("name")
            missing.append(local(name, context.lang) if name else str(index + 1))
            anchor = (
                anchor
                or (trigger.span if trigger and trigger.span else None)
                or _anchor(document, context, condition)
            )
    if missing and anchor is not None:
        yield Finding(anchor, {"missing": ", ".join(missing), "value": value})
    for condition in case.get("forbid", ()):
        outcome = _evaluate(condition, document, context)
        if outcome is not None and outcome.holds and outcome.span is not None:
            yield Finding(outcome.span, {"value": value})


def check(document: Document, context: Context) -> Iterator[Finding]:
    cases = context.options.get("cases") or [context.options]
    for case in cases:
        yield from _case(case, document, context)


def template(rule: RuleDef, pack: Pack, lang: str) -> TemplatePart:
    """Fields an unconditional case requires outside any section (e.g. Onderwerp) go in the
    template's header."""
    keys: list[str] = []
    for case in rule.options.get("cases") or [rule.options]:
        if case.get("when"):
            continue
        for item in case.get("require", ()):
            unscoped = isinstance(item, dict) and "field" in item and "scope" not in item
            if unscoped and item["field"] not in keys:
                keys.append(str(item["field"]))
    return TemplatePart(header=tuple(keys))
