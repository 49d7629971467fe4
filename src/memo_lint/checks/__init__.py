"""Check kinds: the extension points rule packs parameterise (like Spectral's functions).

Each kind is one module with ``KIND`` (its name in packs), ``OPTIONS`` (a JSON Schema for its
options, merged into the rule-pack schema), ``ARGUMENTS`` (the ``{placeholders}`` its findings
fill in a message, with what they hold), ``VARIANTS`` (the ways it can fail that a rule may
give its own message under ``messages``), ``EXAMPLE`` (a passing and a failing memo, shown in
docs/kinds.md and run as a test) and ``check(document, context)`` yielding findings.
In ``OPTIONS``, ``"x-references": "section"`` (or ``"choice"``) marks a value that names one
of the pack's sections (choice groups) and ``"format": "re2"`` a pattern: pack validation
checks both wherever they occur. Adding a kind is one module and one line in ``KIND_MODULES``;
other packages add kinds through the entry-point group ``memo_lint.checks`` (a plugin that
declares no ``ARGUMENTS``/``VARIANTS`` gets its messages checked for syntax only).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import Any

# The types a kind works with live in checks/base.py; re-exported here for plugins
# (``from memo_lint.checks import Context, Finding``) and the engine.
from memo_lint.checks.base import CheckFunction, CheckKind, Context, Finding

# The one registry of built-in kinds: each kind's name in packs and its module (which says
# the same in ``KIND``), imported the first time a pack uses the kind.
KIND_MODULES: dict[str, str] = {
    "required-section": "required_section",
    "empty-section": "empty_section",
    "section-order": "section_order",
    "duplicate-section": "duplicate_section",
    "heading-typo": "heading_typo",
    "field": "field_value",
    "conditional": "conditional",
    "pattern": "pattern",
    "choice": "choice",
    "concept": "concept",
    "decision-formula": "decision_formula",
    "decision-numbering": "decision_numbering",
    "argument-reference": "argument_reference",
    "footnote-reference": "footnote_reference",
    "attachment-reference": "attachment_reference",
    "date-reference": "date_reference",
    "date-validity": "date_validity",
    "deadline": "deadline",
    "deadline-field": "deadline_field",
    "legal-citation": "legal_citation",
    "memo-date": "memo_date",
    "personal-data": "personal_data",
    "pdf-tagged": "pdf_tagged",
    "document-title": "document_title",
    "document-language": "document_language",
    "image-alt-text": "image_alt_text",
    "heading-structure": "heading_structure",
}

# Kinds the engine reports itself instead of running on a document: a file that cannot be
# read, suppression comments that suppressed nothing, bytes the reader could not decode, a
# document that is not a memo, and a memo whose template is not known (so the template rules
# did not run).
UNREADABLE_FILE_KIND = "unreadable-file"
UNUSED_SUPPRESSION_KIND = "unused-suppression"
UNDECODABLE_BYTES_KIND = "undecodable-bytes"
NOT_A_MEMO_KIND = "not-a-memo"
TEMPLATE_UNKNOWN_KIND = "template-unknown"
ENGINE_KINDS = frozenset(
    {
        UNREADABLE_FILE_KIND,
        UNUSED_SUPPRESSION_KIND,
        UNDECODABLE_BYTES_KIND,
        NOT_A_MEMO_KIND,
        TEMPLATE_UNKNOWN_KIND,
    }
)
ENTRY_POINT_GROUP = "memo_lint.checks"

__all__ = [
    "ENGINE_ARGUMENTS",
    "ENGINE_KINDS",
    "ENGINE_VARIANTS",
    "ENTRY_POINT_GROUP",
    "KIND_MODULES",
    "LIST_OPERATORS",
    "UNDECODABLE_BYTES_KIND",
    "UNREADABLE_FILE_KIND",
    "UNUSED_SUPPRESSION_KIND",
    "CheckFunction",
    "CheckKind",
    "Context",
    "Finding",
    "builtin_kinds",
    "kinds",
    "plugin_kinds",
    "registry",
    "unknown_kinds",
    "with_list_operators",
]


def _kind_of(module: Any) -> CheckKind:
    return CheckKind(
        module.KIND,
        with_list_operators(module.OPTIONS),
        module.check,
        (module.__doc__ or "").strip(),
        getattr(module, "ARGUMENTS", None),
        getattr(module, "VARIANTS", None),
        getattr(module, "EXAMPLE", None),
        getattr(module, "template", None),
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
    "not-a-memo": {
        "kind": "what the document was recognised as ('motie')",
        "reason": "the cue that says so, or why memo-lint abstained",
    },
    "template-unknown": {
        "kind": "the recognised kind of memo",
        "pack": "the pack that checked the kind's rules",
    },
}
ENGINE_VARIANTS: dict[str, dict[str, str]] = {
    "unused-suppression": {"unknown-code": "the comment names no rule of the pack"},
    "not-a-memo": {"unrecognised": "nothing (or nothing certain) says what the document is"},
}


def builtin_kinds() -> dict[str, CheckKind]:
    kinds = registry()
    return {name: kinds[name] for name in KIND_MODULES}


def plugin_kinds() -> dict[str, CheckKind]:
    """Kinds other packages register; loaded only when a pack names a kind we don't have."""
    from importlib.metadata import entry_points

    kinds = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        kind = _kind_of(entry.load())
        kinds[kind.name] = kind
    return kinds


_REGISTRY: dict[str, CheckKind] = {}  # the kinds loaded so far, built-in and plugins


def kinds(names: Iterable[str]) -> dict[str, CheckKind]:
    """The kinds ``names`` name (and those loaded before), each module imported the first
    time it is named: a run imports only the kinds its packs use. Plugins are consulted only
    when a name is not built in."""
    new = [name for name in names if name not in _REGISTRY and name not in ENGINE_KINDS]
    for name in new:
        if name in KIND_MODULES:
            _REGISTRY[name] = _kind_of(import_module(f"{__name__}.{KIND_MODULES[name]}"))
    if any(name not in KIND_MODULES for name in new):
        _REGISTRY.update(plugin_kinds())
    return _REGISTRY


def registry(need: Iterable[str] = ()) -> dict[str, CheckKind]:
    """All kinds, the built-in ones in ``KIND_MODULES`` order; plugins are consulted only
    when ``need`` names a kind not built in."""
    kinds(KIND_MODULES)
    known = kinds(need)
    return {**{name: known[name] for name in KIND_MODULES}, **known}


def unknown_kinds(names: Iterable[str]) -> list[str]:
    """The names that are no kind, built in, the engine's or a plugin's (nothing imported
    for a built-in name)."""
    other = [name for name in names if name not in KIND_MODULES and name not in ENGINE_KINDS]
    return [name for name in other if name not in kinds(other)]
