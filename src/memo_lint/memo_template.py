"""``memo-lint template``: a Markdown skeleton of a pack, from what its rules ask for.

Each check kind may contribute its part (``template(rule, pack, lang)`` next to its
``check``, returning a :class:`~memo_lint.checks.schema.TemplatePart`): the sections and
their order, header fields, field rows and body lines per section. This module only joins
the parts, so a new kind adds to the template without touching it.
"""

from __future__ import annotations

from memo_lint.checks import kinds as check_kinds
from memo_lint.checks.schema import PLACEHOLDER, TemplatePart
from memo_lint.messages import say
from memo_lint.pack import Pack, RuleDef

__all__ = ["PLACEHOLDER", "memo_template", "template_sections"]


def _parts(pack: Pack, lang: str) -> list[TemplatePart]:
    kinds = check_kinds({rule.kind for rule in pack.rules})
    return [
        template(rule, pack, lang)
        for rule in pack.rules
        if (kind := kinds.get(rule.kind)) is not None and (template := kind.template) is not None
    ]


def template_sections(pack: Pack, parts: list[TemplatePart] | None = None) -> list[str]:
    """Section ids in the template's order: the section-order rule's, else the pack's.

    A pack that extends another inherits every section of its parent; its own ``order``
    (ML103) says which of them its template has. Required sections missing from that order
    are added after it, so the skeleton always satisfies the required-section rule.
    """
    parts = _parts(pack, "nl") if parts is None else parts
    order: list[str] = []
    for part in parts:
        order = list(part.order) or order
    if not order:
        return [s.id for s in pack.sections]
    for part in parts:
        order += [s for s in part.sections if s not in order]
    return order


def _rules_about(pack: Pack, section_id: str) -> list[RuleDef]:
    """Rules with an option naming this section on its own (``x-references: section`` in the
    kind's option schema; a list of sections, such as the required ones, does not count)."""
    from memo_lint.pack_validation import annotated

    kinds = check_kinds({rule.kind for rule in pack.rules})

    def names_it(rule: RuleDef) -> bool:
        kind = kinds.get(rule.kind)
        schema = kind.options_schema if kind else {}
        return any(
            sub.get("x-references") == "section"
            and value == section_id
            and isinstance(path[-1], str)
            for path, value, sub in annotated(rule.options, schema, schema, [])
        )

    return [rule for rule in pack.rules if names_it(rule)]


def _table(rows: list[tuple[str, str]], lang: str) -> list[str]:
    lines = [f"| {say('template.field', lang)} | {say('template.value', lang)} |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in rows]
    return lines


def memo_template(pack: Pack, lang: str = "nl") -> str:
    """A Markdown memo of ``pack`` with every section and what its rules ask for.

    Every blank is ``[invullen]`` or ``[invullen: …]``, which the template-placeholder rule
    (ML701) reports, so an unfinished memo cannot pass the gate by accident.
    """
    parts = _parts(pack, lang)
    out = [
        "---",
        f"type: {pack.name}",
        f"datum: {PLACEHOLDER}",
        "---",
        "",
        f"# {pack.title.get(lang)}: [invullen: onderwerp]",
        "",
    ]
    header = list(dict.fromkeys(key for part in parts for key in part.header))
    if header:
        out += [*_table([(key, PLACEHOLDER) for key in header], lang), ""]
    for section_id in template_sections(pack, parts):
        section = pack.section_def(section_id)
        assert section is not None  # template_sections keeps only defined sections
        out += [f"## {section.title}", ""]
        about = _rules_about(pack, section_id)
        for rule in about:
            summary = rule.summary.get(lang) if rule.summary else rule.name
            out.append(f"<!-- {rule.code}: {summary} -->")
        if about:
            out.append("")
        rows: dict[str, str] = {}
        for part in parts:
            for key, value in part.rows.get(section_id, ()):
                rows.setdefault(key, value)  # the first rule to ask for a field words it
        body = [*_table(list(rows.items()), lang), ""] if rows else []
        blocks: list[list[str]] = []
        for part in parts:
            blocks += [b for b in part.blocks.get(section_id, ()) if b not in blocks]
        body += [line for block in blocks for line in block]
        out += body or [PLACEHOLDER, ""]
    return "\n".join(out).rstrip("\n") + "\n"
