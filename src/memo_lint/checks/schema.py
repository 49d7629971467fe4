"""What check kinds declare besides their code: shared JSON Schema pieces, examples."""

from __future__ import annotations

from typing import Any

from memo_lint.model import FrozenRecord, Record, field

# A blank in a memo template: the template-placeholder rule (ML701) reports it, so an
# unfinished memo cannot pass the gate by accident.
PLACEHOLDER = "[invullen]"

# A text in Dutch and English; one language is enough (the other falls back to it).
TEXT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "nl": {"type": "string", "minLength": 1, "description": "In Dutch."},
        "en": {"type": "string", "minLength": 1, "description": "In English."},
    },
    "minProperties": 1,
    "additionalProperties": False,
}


class Example(FrozenRecord):
    """One passing and one failing Markdown memo for a kind with these options, checked
    under the default pack (docs/kinds.md shows them; a test runs them)."""

    options: dict[str, Any]
    passes: str
    fails: str
    # For kinds that check the file itself (ML802-ML806): the metadata a PDF or Word reader
    # would have found (``FileInfo`` fields; pictures as dicts), per memo.
    passes_file: dict[str, Any] | None = None
    fails_file: dict[str, Any] | None = None


def local(text: dict[str, str], lang: str) -> str:
    """A ``TEXT_SCHEMA`` value in ``lang``, else in the one language it has."""
    return text.get(lang) or next(iter(text.values()))


class TemplatePart(Record):
    """What one rule adds to the Markdown skeleton ``memo-lint template`` writes of its pack
    (a kind's optional ``template(rule, pack, lang)`` returns it; ``memo_template`` joins
    them): the sections and their order, header fields, and per section id the field rows
    (key, placeholder) and blocks of body lines."""

    order: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    blocks: dict[str, list[list[str]]] = field(default_factory=dict)
