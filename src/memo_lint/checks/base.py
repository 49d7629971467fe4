"""What every check kind works with: the finding it yields, the context it reads, and the
kind as the registry holds it. Kind modules import these from here, so ``checks/__init__``
(which imports every kind) is never imported by a kind."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from memo_lint.checks.schema import Example, TemplatePart
from memo_lint.messages import say
from memo_lint.model import (
    Document,
    FrozenRecord,
    Line,
    Record,
    ScopeLines,
    Section,
    Span,
    field,
)
from memo_lint.pack import Pack, RuleDef


class Finding(Record):
    """One violation before it has a message: where, and the values the message names.

    ``variant`` picks one of the rule's ``messages`` when a kind can fail in several ways.
    """

    span: Span
    args: dict[str, Any] = field(default_factory=dict)
    variant: str | None = None


class Context(Record):
    pack: Pack
    rule: RuleDef
    reference_date: dt.date
    lang: str
    # Where the reference date came from: "memo" (its own date), "option" (--today), "today".
    reference_source: str = "memo"

    def __init__(  # written out: one per rule and memo (Record's generic one is slower)
        self,
        pack: Pack,
        rule: RuleDef,
        reference_date: dt.date,
        lang: str,
        reference_source: str = "memo",
    ) -> None:
        self.pack = pack
        self.rule = rule
        self.reference_date = reference_date
        self.lang = lang
        self.reference_source = reference_source

    @property
    def options(self) -> dict[str, Any]:
        return self.rule.options

    def reference_label(self) -> str:
        """The reference date and where it came from, for messages of the deadline rules."""
        day = self.reference_date.isoformat()
        return say(f"reference.{self.reference_source}", self.lang, day=day)

    def scope_lines(self, document: Document, scope: str | None) -> list[Line]:
        """The memo text a rule looks at: one section (all its occurrences) or the whole memo."""
        key = f"scope:{scope}"  # once per memo and scope: the same lines for every rule
        if key not in document.derived:
            if scope is None:
                content = document.content  # the analyser's, joined once for every scope
                document.derived[key] = (
                    content if isinstance(content, ScopeLines) else ScopeLines(content)
                )
            else:
                document.derived[key] = ScopeLines(
                    section_text(document, document.sections_with(scope))
                )
        lines: list[Line] = document.derived[key]
        return lines

    def section_title(self, section_id: str) -> str:
        return self.pack.section_title(section_id)


def section_text(document: Document, sections: list[Section]) -> list[Line]:
    """The memo's text lines (``content``) in the sections' bodies, in order: picked by line
    number from the content's numbers (ascending, found once per memo) rather than by testing
    every line of the memo for every scope. Line n is ``document.lines[n - 1]``, so a body
    (``Document.body_lines``) is the numbers from its start to its end."""
    numbers: list[int] | None = document.derived.get("content-numbers")
    if numbers is None:
        numbers = document.derived["content-numbers"] = [line.number for line in document.content]
    picked: set[int] = set()
    for section in sections:
        last = min(section.body_end, len(document.lines))
        picked.update(range(bisect_left(numbers, section.body_start), bisect_right(numbers, last)))
    content = document.content
    return [content[index] for index in sorted(picked)]


CheckFunction = Callable[[Document, Context], Iterable[Finding]]
TemplateFunction = Callable[[RuleDef, Pack, str], TemplatePart]


class CheckKind(FrozenRecord):
    name: str
    options_schema: dict[str, Any]
    check: CheckFunction
    doc: str
    arguments: dict[str, str] | None = None  # None: not declared (a plugin), not checked
    variants: dict[str, str] | None = None
    example: Example | None = None
    template: TemplateFunction | None = None  # its part of a memo template (TemplatePart)
