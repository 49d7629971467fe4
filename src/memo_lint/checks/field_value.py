"""Fields in a section are present and, where the pack lists allowed values, have one.

"Begroting wijzigen Nee", "Budgetnummer: N.v.t." and a table row `| Begroting wijzigen | Nee |`
are all the same field to this check. When the section itself is missing the required-section
rule reports it; this check then stays silent rather than report every field as well.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import PLACEHOLDER, Example, TemplatePart
from memo_lint.messages import say
from memo_lint.model import Document
from memo_lint.pack import Pack, RuleDef, title_key

KIND = "field"
OPTIONS = {
    "type": "object",
    "properties": {
        "section": {
            "type": "string",
            "x-references": "section",
            "description": "The section the fields belong in.",
        },
        "fields": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "key": {"type": "string", "description": "The field's name as written."},
                    "allowed": {
                        "type": "array",
                        "items": {"type": "string"},
                        "minItems": 1,
                        "description": "Values allowed (the value's first word counts).",
                    },
                },
                "required": ["key"],
                "additionalProperties": False,
            },
            "description": "The fields the section must state.",
        },
    },
    "required": ["section", "fields"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "key": "the field's name",
    "section": "the section's title as written (missing)",
    "value": "the value found (not-allowed)",
    "allowed": "the allowed values, joined by '/'",
}
VARIANTS = {
    "missing": "the field is missing (the default message when absent)",
    "not-allowed": "the field has a value that is not allowed",
}
EXAMPLE = Example(
    options={
        "section": "financiele-gevolgen",
        "fields": [{"key": "Begroting wijzigen", "allowed": ["Ja", "Nee"]}],
    },
    passes="# Financiële gevolgen\n\nBegroting wijzigen: Nee\n",
    fails="# Financiële gevolgen\n\nBegroting wijzigen: Misschien\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    section_id = context.options["section"]
    section = document.section(section_id)
    if section is None:
        return
    for wanted in context.options["fields"]:
        key = wanted["key"]
        wanted_key = title_key(key)
        found = [
            f for f in document.fields if f.section == section_id and title_key(f.key) == wanted_key
        ]
        if not found:
            yield Finding(
                section.heading,
                {
                    "key": key,
                    "section": section.title,
                    "allowed": "/".join(wanted.get("allowed", [])),
                },
                variant="missing",
            )
            continue
        allowed = wanted.get("allowed")
        for value in found:
            if allowed and title_key(value.value.split()[0]) not in {title_key(a) for a in allowed}:
                yield Finding(
                    value.value_span,
                    {"key": key, "value": value.value, "allowed": "/".join(allowed)},
                    variant="not-allowed",
                )


def template(rule: RuleDef, pack: Pack, lang: str) -> TemplatePart:
    """A row per field in the rule's section, its blank naming the allowed values."""
    rows = [
        (wanted["key"], _placeholder(wanted.get("allowed"), lang))
        for wanted in rule.options.get("fields", ())
    ]
    return TemplatePart(rows={rule.options["section"]: rows})


def _placeholder(allowed: list[str] | None, lang: str) -> str:
    if not allowed:
        return PLACEHOLDER
    joiner = f" {say('word.or', lang)} "
    text = ", ".join(allowed[:-1]) + joiner + allowed[-1] if len(allowed) > 1 else allowed[0]
    return f"[invullen: {text}]"
