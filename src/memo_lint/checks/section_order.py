"""Sections follow the pack's order (or the rule's ``order`` of section ids).

The longest run of sections already in template order is kept; every other section is
reported once, at its heading, with the section it should follow. A section the template
allows twice (Openbaarheid at the front and at the end) is judged at its first occurrence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example, TemplatePart
from memo_lint.model import Document, Section
from memo_lint.pack import Pack, RuleDef

KIND = "section-order"
OPTIONS = {
    "type": "object",
    "properties": {
        "order": {
            "type": "array",
            "items": {"type": "string", "x-references": "section"},
            "minItems": 2,
            "uniqueItems": True,
            "description": "The template's order as section ids (default: the order of the "
            "pack's sections); a pack whose template orders sections differently sets it.",
        },
    },
    "additionalProperties": False,
}
ARGUMENTS = {
    "section": "the misplaced section's title as written",
    "after": "the title of the section it belongs after ('-': at the start)",
}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={"order": ["samenvatting", "kader"]},
    passes="# Samenvatting\n\nDe kern.\n\n# Kader\n\nDe Woo.\n",
    fails="# Kader\n\nDe Woo.\n\n# Samenvatting\n\nDe kern.\n",
)


def _longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest strictly increasing subsequence of ``ranks``."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(ranks)
    for index, rank in enumerate(ranks):
        position = bisect_left(tails, rank)
        if position == len(tails):
            tails.append(rank)
            tail_index.append(index)
        else:
            tails[position] = rank
            tail_index[position] = index
        previous[index] = tail_index[position - 1] if position else -1
    keep, index = set(), tail_index[-1] if tail_index else -1
    while index >= 0:
        keep.add(index)
        index = previous[index]
    return keep


def check(document: Document, context: Context) -> Iterator[Finding]:
    ids = context.options.get("order") or [section.id for section in context.pack.sections]
    order = {section_id: rank for rank, section_id in enumerate(ids)}
    seen: set[str] = set()
    firsts: list[Section] = []
    ranks: list[int] = []
    for section in document.sections:
        if section.id is not None and section.id in order and section.id not in seen:
            seen.add(section.id)
            firsts.append(section)
            ranks.append(order[section.id])
    keep = _longest_ordered(ranks)
    for index, section in enumerate(firsts):
        if index in keep:
            continue
        before = [firsts[k] for k in sorted(keep) if ranks[k] < ranks[index]]
        after = before[-1].title if before else "-"
        yield Finding(section.heading, {"section": section.title, "after": after})


def template(rule: RuleDef, pack: Pack, lang: str) -> TemplatePart:
    """The template has the sections of ``order`` (those the pack defines), in that order."""
    order = rule.options.get("order") or ()
    return TemplatePart(order=tuple(s for s in order if pack.section_def(s)))
