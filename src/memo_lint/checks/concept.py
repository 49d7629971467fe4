"""A concept (the decision, the financial consequences, …) is stated somewhere in the memo.

Templates put the same thing in different places and words: "Financiële gevolgen" as a
heading, "Kosten en dekking" as a table row, "Dit voorstel is budgetneutraal" in a sentence.
This kind looks for the concept through the pack's lexicon (``concepts:``): a line that is
one of its headings, or starts with one of its field keys (numbering, Markdown marks and a
colon do not count), or a statement pattern anywhere in the text. It needs no template, so it
runs for every memo of the pack's kind; it reports, at the start of the memo, only when the
concept is nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document, ScopeLines
from memo_lint.pack import ConceptDef, title_key
from memo_lint.recognition import heading_key

KIND = "concept"
OPTIONS = {
    "type": "object",
    "properties": {
        "concept": {
            "type": "string",
            "x-references": "concept",
            "description": "The concept to look for: a key of the pack's 'concepts'.",
        },
        "unless_head": {
            "type": "string",
            "x-references": "concept",
            "description": "A concept whose statement in the memo's head (the pack's "
            "header_lines) makes the rule not apply: a proposal titled 'bindend advies' or "
            "'beantwoording Kamervragen' decides a procedure that costs nothing.",
        },
        "min_words": {
            "type": "integer",
            "minimum": 0,
            "description": "Only memos of at least this many words must state the concept: a "
            "one-page nota is its own summary.",
        },
    },
    "required": ["concept"],
    "additionalProperties": False,
}
ARGUMENTS = {"concept": "the concept's key in the pack ('financial')"}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={"concept": "financial"},
    passes="# Voorstel\n\nHet voorstel heeft geen financiële gevolgen.\n",
    fails="# Voorstel\n\nWe planten tien bomen aan de Dorpsstraat.\n",
)
MAX_LABEL_WORDS = 12  # a heading or a field line is short; longer lines are prose


def _starts_with(key: str, names: list[str]) -> bool:
    return any(
        key.startswith(name) and (len(key) == len(name) or not key[len(name)].isalnum())
        for name in names
    )


def stated(document: Document, concept: ConceptDef) -> bool:
    """Whether the memo states the concept as a heading, a field or a statement.

    A heading must be the whole line ("Voorstel van het college inzake …" is a title, not the
    heading "Voorstel"); a field key starts its line and a value follows it.
    """
    headings, fields = _concept_keys(concept)
    section_keys, field_keys = _memo_keys(document)
    if any(key in headings for key in section_keys):
        return True
    if any(_starts_with(key, fields) for key in field_keys):
        return True
    if any(key in headings or _starts_with(key, fields) for key in _label_keys(document)):
        return True
    return any(
        next(iter(matches_in(pattern, document.content)), None) is not None
        for pattern in concept.statements
    )


_CONCEPT_KEYS: dict[int, tuple[ConceptDef, set[str], list[str]]] = {}


def _concept_keys(concept: ConceptDef) -> tuple[set[str], list[str]]:
    """The concept's heading keys, and its field keys longest first: the pack's, worked out
    once per process rather than for every memo."""
    cached = _CONCEPT_KEYS.get(id(concept))
    if cached is None or cached[0] is not concept:
        headings = {title_key(n) for n in concept.headings}
        fields = sorted({title_key(n) for n in concept.fields}, key=len, reverse=True)
        cached = _CONCEPT_KEYS[id(concept)] = (concept, headings, fields)
    return cached[1], cached[2]


def _memo_keys(document: Document) -> tuple[list[str], list[str]]:
    """The keys of the memo's section titles and field keys, read once for every concept."""
    keys: tuple[list[str], list[str]] | None = document.derived.get("concept-keys")
    if keys is None:
        keys = document.derived["concept-keys"] = (
            [title_key(s.title) for s in document.sections],
            [title_key(f.key) for f in document.fields],
        )
    return keys


def _label_keys(document: Document) -> list[str]:
    """The memo's short lines as heading keys (:func:`heading_key`), read once for every
    concept."""
    keys: list[str] | None = document.derived.get("label-keys")
    if keys is None:
        keys = document.derived["label-keys"] = [
            heading_key(line.text)
            for line in document.content
            if 0 < len(line.text.split()) <= MAX_LABEL_WORDS
        ]
    return keys


def _words(document: Document, at_least: int) -> bool:
    """Whether the memo's text has at least ``at_least`` words: its lines' words are those of
    their joined text (newlines are white space), split off once per memo and threshold, and
    no further than the threshold (``split(None, n - 1)`` gives n parts when there are n words
    or more)."""
    if at_least <= 0:
        return True
    key = f"words:{at_least}"
    enough: bool | None = document.derived.get(key)
    if enough is None:
        parts = document.content.joined()[0].split(None, at_least - 1)
        enough = document.derived[key] = len(parts) >= at_least
    return enough


def _in_head(document: Document, concept: ConceptDef, head_lines: int) -> bool:
    """Whether one of the concept's statements is in the memo's first lines of text: asked
    once per memo and concept (several rules are exempt for the same one)."""
    asked = f"in-head:{concept.id}:{head_lines}"
    known: bool | None = document.derived.get(asked)
    if known is None:
        known = document.derived[asked] = _stated_in_head(document, concept, head_lines)
    return known


def _stated_in_head(document: Document, concept: ConceptDef, head_lines: int) -> bool:
    key = f"head:{head_lines}"
    head: ScopeLines | None = document.derived.get(key)
    if head is None:  # the same lines for every concept: joined once
        head = document.derived[key] = ScopeLines(
            [line for line in document.content if line.text.strip()][:head_lines]
        )
    return any(
        next(iter(matches_in(pattern, head)), None) is not None for pattern in concept.statements
    )


def check(document: Document, context: Context) -> Iterator[Finding]:
    concept = context.pack.concepts.get(context.options["concept"])
    if concept is None or not _words(document, int(context.options.get("min_words", 0))):
        return
    exempt = context.pack.concepts.get(context.options.get("unless_head", ""))
    head_lines = int(context.pack.structure.get("header_lines", 30))
    if exempt is not None and _in_head(document, exempt, head_lines):
        return
    if stated(document, concept):
        return
    yield Finding(document.start(), {"concept": concept.id})
