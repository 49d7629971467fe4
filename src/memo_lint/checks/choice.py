"""A choice group (Openbaar/Geheim; Conform/Gewijzigd/…) is marked as the pack expects.

``expect: exactly-one``: one option marked and every plain statement of the choice agrees.
Checkboxes whose glyphs were lost in extraction (mark unknown) neither count nor contradict:
then the statements decide. ``expect: none``: no option may be marked (a block the secretariat
fills in after the meeting).
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example, TemplatePart
from memo_lint.model import ChoiceGroup, Document, Mark, Span
from memo_lint.pack import Pack, RuleDef

KIND = "choice"
OPTIONS = {
    "type": "object",
    "properties": {
        "group": {
            "type": "string",
            "x-references": "choice",
            "description": "The pack's choice group (under choices:).",
        },
        "expect": {
            "enum": ["exactly-one", "none"],
            "description": "exactly-one: one option marked, statements agree; "
            "none: nothing marked.",
        },
    },
    "required": ["group", "expect"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "options": "the group's options, comma-separated (exactly-one)",
    "labels": "the options found marked or stated (exactly-one)",
    "option": "the option marked (none)",
}
VARIANTS = {
    "several": "more than one option marked",
    "statements-disagree": "plain statements of the choice disagree",
    "contradiction": "the marked option and a statement disagree",
    "none": "no option marked and no statement (the default message when absent)",
}
EXAMPLE = Example(
    options={"group": "publicity", "expect": "exactly-one"},
    passes="# Openbaarheid\n\nOpenbaarheid: Openbaar\n",
    fails="# Openbaarheid\n\nOpenbaarheid: Openbaar\n\nOpenbaarheid: Geheim\n",
)


def _anchor(document: Document, group: ChoiceGroup, context: Context) -> Span:
    spans = [o.span for o in group.options + group.statements]
    if spans:
        return spans[0]
    choice = context.pack.choices[group.id]
    section = next((document.section(s) for s in choice.sections if document.section(s)), None)
    if section is not None:
        return section.heading
    return document.start()


def _exactly_one(document: Document, group: ChoiceGroup, context: Context) -> Iterator[Finding]:
    options = ", ".join(context.pack.choices[group.id].options)
    marked = [o for o in group.options if o.mark is Mark.MARKED]
    known = [o for o in group.options if o.mark is not Mark.UNKNOWN]
    if len({o.label for o in marked}) > 1:
        labels = ", ".join(o.label for o in marked)
        yield Finding(marked[1].span, {"options": options, "labels": labels}, variant="several")
        return
    stated = {s.label for s in group.statements}
    if len(stated) > 1:
        labels = ", ".join(sorted(stated))
        yield Finding(
            group.statements[-1].span,
            {"options": options, "labels": labels},
            variant="statements-disagree",
        )
        return
    if marked:
        choice = marked[0].label
        for statement in group.statements:
            if statement.label != choice:
                labels = f"{choice} / {statement.label}"
                yield Finding(
                    statement.span, {"options": options, "labels": labels}, variant="contradiction"
                )
        return
    if known:  # checkboxes that kept their glyphs, none of them marked
        yield Finding(known[0].span, {"options": options, "labels": ""}, variant="none")
        return
    if stated:  # glyphs lost in extraction (or none drawn): the statements decide
        return
    sections = context.pack.choices[group.id].sections
    if not group.options and not any(document.section(s) for s in sections):
        return  # no section and no statement: the required-section rule reports it
    anchor = _anchor(document, group, context)
    yield Finding(anchor, {"options": options, "labels": ""}, variant="none")


def check(document: Document, context: Context) -> Iterator[Finding]:
    group = document.choices.get(context.options["group"])
    if group is None:
        return
    if context.options["expect"] == "exactly-one":
        yield from _exactly_one(document, group, context)
        return
    for option in group.options:
        if option.mark is Mark.MARKED:
            yield Finding(option.span, {"option": option.label})


def template(rule: RuleDef, pack: Pack, lang: str) -> TemplatePart:
    """Empty boxes for the group's options, in the group's own (first) section only: the
    college-decision block belongs in Collegebesluit, never in a raadsvoorstel's decision
    that merely may hold it."""
    choice = pack.choices[rule.options["group"]]
    boxes = [f"- [ ] {option}" for option in choice.options] + [""]
    return TemplatePart(blocks={section: [boxes] for section in choice.sections[:1]})
