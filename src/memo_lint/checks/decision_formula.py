"""The decision section has the operative formula ("Het college besluit:") and numbered points.

The formula is the pack's ``structure.decision_formula``: only what follows it is decided.
It is looked for in the section's heading lines too: "besluit:" alone on a line, or a lead-in
("Gezien het vorenstaande stelt het college de raad voor …"), is often what opened the
section. With ``require_points: false`` one unnumbered decision after the formula is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from memo_lint.analysis.search import matches_in
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import PLACEHOLDER, Example, TemplatePart
from memo_lint.model import Document
from memo_lint.pack import Pack, RuleDef
from memo_lint.patterns import compile_pattern

KIND = "decision-formula"
OPTIONS = {
    "type": "object",
    "properties": {
        "require_points": {
            "type": "boolean",
            "default": True,
            "description": "false: a single decision may follow the formula unnumbered "
            "(Den Haag's raadsbesluit).",
        },
    },
    "additionalProperties": False,
}
ARGUMENTS = {"section": "the decision section's title as written"}
VARIANTS = {
    "no-formula": "the operative formula is missing (the default message when absent)",
    "no-points": "there are no numbered decision points",
}
EXAMPLE = Example(
    options={"require_points": True},
    passes="# Ontwerp besluit\n\nHet college besluit:\n\n1. Het plan vast te stellen.\n",
    fails="# Ontwerp besluit\n\n1. Het plan vast te stellen.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    section_id = context.pack.structure.get("decision_section")
    formula = context.pack.structure.get("decision_formula")
    section = document.section(section_id) if section_id else None
    if section is None or not formula:
        return
    sections = document.sections_with(section.id or "")
    headings = {s.heading_line for s in sections}
    body = {line.number for line in context.scope_lines(document, section_id)}
    wanted = headings | body
    lines = [line for line in document.content if line.number in wanted]
    if next(iter(matches_in(formula, lines)), None) is None:
        yield Finding(section.heading, {"section": section.title}, variant="no-formula")
    if not document.decisions and context.options.get("require_points", True):
        yield Finding(section.heading, {"section": section.title}, variant="no-points")


def template(rule: RuleDef, pack: Pack, lang: str) -> TemplatePart:
    """The decision section opens with the operative formula and a first numbered point."""
    section = pack.structure.get("decision_section")
    if not section:
        return TemplatePart()
    lines = [formula_text(rule, pack), "", f"1. {PLACEHOLDER}", ""]
    return TemplatePart(blocks={section: [lines]})


def formula_text(rule: RuleDef, pack: Pack) -> str:
    """Readable operative formula: the longest quoted example in the rule's texts that the
    pack's formula pattern accepts, with its ellipses as placeholders."""
    formula = pack.structure.get("decision_formula")
    if not formula:
        return PLACEHOLDER
    compiled = compile_pattern(str(formula))
    texts: list[str] = []
    for local in (rule.message, rule.hint, *rule.messages.values()):
        if local is not None:
            texts += [local.nl, local.en]
    candidates = {m for text in texts for m in re.findall(r"'([^']{4,})'", text)}
    accepted = [
        c.replace("…", PLACEHOLDER)
        for c in candidates
        if compiled.search(c.replace("…", PLACEHOLDER))
    ]
    if not accepted:
        return f"{PLACEHOLDER} besluit:"
    return str(max(accepted, key=lambda c: (len(c), c)))
