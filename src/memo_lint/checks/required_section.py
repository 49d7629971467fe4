"""Each listed section is present, under its title or one of its aliases.

Reported at the first line of the memo (a missing section has no place of its own), with
the accepted aliases in the hint so the author knows what counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example, TemplatePart
from memo_lint.model import Document
from memo_lint.pack import Pack, RuleDef

KIND = "required-section"
OPTIONS = {
    "type": "object",
    "properties": {
        "sections": {
            "type": "array",
            "items": {"type": "string", "x-references": "section"},
            "minItems": 1,
            "description": "The ids of the sections every memo must have.",
        }
    },
    "required": ["sections"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "section": "the missing section's title",
    "aliases": "the other headings accepted for it, quoted ('-' when none)",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={"sections": ["samenvatting", "kader"]},
    passes="# Samenvatting\n\nDe kern.\n\n# Kader\n\nDe Woo.\n",
    fails="# Samenvatting\n\nDe kern.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    present = {section.id for section in document.sections}
    span = document.start()
    for section_id in context.options["sections"]:
        if section_id in present:
            continue
        definition = context.pack.section_def(section_id)
        aliases = ", ".join(f"'{a}'" for a in definition.aliases) if definition else ""
        yield Finding(
            span,
            {"section": context.section_title(section_id), "aliases": aliases or "-"},
        )


def template(rule: RuleDef, pack: Pack, lang: str) -> TemplatePart:
    """The template has every required section (the pack defines)."""
    sections = rule.options.get("sections", ())
    return TemplatePart(sections=tuple(s for s in sections if pack.section_def(s)))
