"""Check kinds: the extension points rule packs parameterise (like Spectral's functions).

Each kind is one module with ``KIND`` (its name in packs), ``OPTIONS`` (a JSON Schema for its
options, merged into the rule-pack schema), ``ARGUMENTS`` (the ``{placeholders}`` its findings
fill in a message, with what they hold), ``VARIANTS`` (the ways it can fail that a rule may
give its own message under ``messages``), ``EXAMPLE`` (a passing and a failing memo, shown in
docs/kinds.md and run as a test) and ``check(document, context)`` yielding findings.
In ``OPTIONS``, ``"x-references": "section"`` (or ``"choice"``) marks a value that names one
of the pack's sections (choice groups) and ``"format": "re2"`` a pattern: pack validation
checks both wherever they occur. Adding a kind is one module and one line in ``_MODULES``;
other packages add kinds through the entry-point group ``memo_lint.checks`` (a plugin that
declares no ``ARGUMENTS``/``VARIANTS`` gets its messages checked for syntax only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from memo_lint.checks.schema import Example
from memo_lint.model import Document, Line, Span
from memo_lint.pack import Pack, RuleDef

from . import (
    argument_reference,
    attachment_reference,
    choice,
    conditional,
    date_reference,
    date_validity,
    deadline,
    deadline_field,
    decision_formula,
    decision_numbering,
    duplicate_section,
    empty_section,
    field_value,
    footnote_reference,
    heading_typo,
    legal_citation,
    memo_date,
    pattern,
    required_section,
    section_order,
)

_MODULES: tuple[ModuleType, ...] = (
    required_section,
    empty_section,
    section_order,
    duplicate_section,
    heading_typo,
    field_value,
    conditional,
    pattern,
    choice,
    decision_formula,
    decision_numbering,
    argument_reference,
    footnote_reference,
    attachment_reference,
    date_reference,
    date_validity,
    deadline,
    deadline_field,
    legal_citation,
    memo_date,
)

# Kinds the engine reports itself instead of running on a document: a file that cannot be
# read, suppression comments that suppressed nothing, bytes the reader could not decode.
UNREADABLE_FILE_KIND = "unreadable-file"
UNUSED_SUPPRESSION_KIND = "unused-suppression"
UNDECODABLE_BYTES_KIND = "undecodable-bytes"
ENGINE_KINDS = frozenset({UNREADABLE_FILE_KIND, UNUSED_SUPPRESSION_KIND, UNDECODABLE_BYTES_KIND})
ENTRY_POINT_GROUP = "memo_lint.checks"


@dataclass(slots=True)
class Finding:
    """One violation before it has a message: where, and the values the message names.

    ``variant`` picks one of the rule's ``messages`` when a kind can fail in several ways.
    """

    span: Span
    args: dict[str, Any] = field(default_factory=dict)
    variant: str | None = None


@dataclass(slots=True)
class Context:
    pack: Pack
    rule: RuleDef
    reference_date: dt.date
    lang: str
    # Where the reference date came from: "memo" (its own date), "option" (--today), "today".
    reference_source: str = "memo"

    @property
    def options(self) -> dict[str, Any]:
        return self.rule.options

    def reference_label(self) -> str:
        """The reference date and where it came from, for messages of the deadline rules."""
        day = self.reference_date.isoformat()
        labels = {
            "nl": {
                "memo": f"de datum van het memo ({day})",
                "option": f"de peildatum {day} (--today; het memo heeft geen leesbare datum)",
                "today": f"de peildatum {day} (vandaag; het memo heeft geen leesbare datum)",
            },
            "en": {
                "memo": f"the memo date ({day})",
                "option": f"the reference date {day} (--today; the memo has no readable date)",
                "today": f"the reference date {day} (today; the memo has no readable date)",
            },
        }
        return labels["en" if self.lang == "en" else "nl"][self.reference_source]

    def scope_lines(self, document: Document, scope: str | None) -> list[Line]:
        """The memo text a rule looks at: one section (all its occurrences) or the whole memo."""
        if scope is None:
            return document.content
        wanted = {
            line.number for s in document.sections_with(scope) for line in document.body_lines(s)
        }
        return [line for line in document.content if line.number in wanted]

    def section_title(self, section_id: str) -> str:
        return self.pack.section_title(section_id)


CheckFunction = Callable[[Document, Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class CheckKind:
    name: str
    options_schema: dict[str, Any]
    check: CheckFunction
    doc: str
    arguments: dict[str, str] | None = None  # None: not declared (a plugin), not checked
    variants: dict[str, str] | None = None
    example: Example | None = None


def _kind_of(module: Any) -> CheckKind:
    return CheckKind(
        module.KIND,
        with_list_operators(module.OPTIONS),
        module.check,
        (module.__doc__ or "").strip(),
        getattr(module, "ARGUMENTS", None),
        getattr(module, "VARIANTS", None),
        getattr(module, "EXAMPLE", None),
    )


LIST_OPERATORS = ("_add", "_remove", "_replace")


def with_list_operators(schema: dict[str, Any]) -> dict[str, Any]:
    """An option schema where every list option ``X`` also accepts ``X_add``, ``X_remove``
    and ``X_replace`` (how an extending pack changes an inherited rule's list; see
    docs/packs.md), at any depth of nested objects."""
    if not isinstance(schema, dict):
        return schema
    result = {key: value for key, value in schema.items()}
    properties = schema.get("properties")
    if isinstance(properties, dict):
        extended: dict[str, Any] = {}
        for name, sub in properties.items():
            sub = with_list_operators(sub)
            extended[name] = sub
            if isinstance(sub, dict) and sub.get("type") == "array":
                items = sub.get("items", {})
                for suffix, verb in zip(
                    LIST_OPERATORS, ("adds to", "removes from", "replaces"), strict=True
                ):
                    extended[name + suffix] = {
                        "type": "array",
                        "items": items,
                        "description": f"In an extending pack: {verb} the inherited '{name}'.",
                    }
        result["properties"] = extended
    return result


# What the engine's own kinds put in a message.
ENGINE_ARGUMENTS: dict[str, dict[str, str]] = {
    "unreadable-file": {"reason": "why the file cannot be read"},
    "unused-suppression": {
        "code": "the suppressed code (or memo-lint-disable), or the value naming no rule",
        "pack": "the pack's name",
    },
    "undecodable-bytes": {
        "lines": "the lines with bytes that are not UTF-8 (the first ten, then '(+N)')",
        "count": "how many lines",
    },
}
ENGINE_VARIANTS: dict[str, dict[str, str]] = {
    "unused-suppression": {"unknown-code": "the comment names no rule of the pack"},
}


def builtin_kinds() -> dict[str, CheckKind]:
    return {module.KIND: _kind_of(module) for module in _MODULES}


def plugin_kinds() -> dict[str, CheckKind]:
    """Kinds other packages register; loaded only when a pack names a kind we don't have."""
    from importlib.metadata import entry_points

    kinds = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        kind = _kind_of(entry.load())
        kinds[kind.name] = kind
    return kinds


_REGISTRY: dict[str, CheckKind] = {}


def registry(need: Iterable[str] = ()) -> dict[str, CheckKind]:
    """All kinds; plugins are consulted only when ``need`` names a kind not built in."""
    if not _REGISTRY:
        _REGISTRY.update(builtin_kinds())
    missing = [name for name in need if name not in _REGISTRY and name not in ENGINE_KINDS]
    if missing:
        _REGISTRY.update(plugin_kinds())
    return _REGISTRY


def run(kind: CheckKind, document: Document, context: Context) -> Iterator[Finding]:
    yield from kind.check(document, context)
