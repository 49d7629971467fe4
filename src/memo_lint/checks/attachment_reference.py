"""Every "bijlage N" the text refers to is listed under the attachments section.

Read as the memo means it (:mod:`memo_lint.text`): an annex the document appends itself
("Bijlage 1: taakmutaties" at the end) is listed; another document's annex ("geheime bijlage
B (RIS316611) bij de commissiebrief …", a "bijlage 2" inside a quoted title) is not this
memo's to list; and a memo without any list (no attachments section, no appended annex: a
template without one) cannot be held to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document, Span
from memo_lint.text import (
    ANNEX_ID,
    ANNEX_REFERENCE,
    appended_annexes,
    document_sentences,
    foreign_annex,
)

KIND = "attachment-reference"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {"attachment": "the reference as written ('bijlage 3')"}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={},
    passes="# Samenvatting\n\nZie bijlage 1.\n\n# Bijlagen\n\n1. Het rapport\n",
    fails="# Samenvatting\n\nZie bijlage 2.\n\n# Bijlagen\n\n1. Het rapport\n",
)

LISTED = re.compile(rf"^\s*(?:[-*•]\s*)?(?:bijlage\s+)?({ANNEX_ID})[.):]?(?:\s|$)", re.IGNORECASE)


def check(document: Document, context: Context) -> Iterator[Finding]:
    from memo_lint.text import referenced_spans

    if not any("ijlage" in line.text for line in document.content):
        return  # no annex named anywhere: nothing to read
    section_id = context.pack.structure.get("attachment_section")
    has_list = bool(section_id and document.section(section_id))
    listed_lines = context.scope_lines(document, section_id) if has_list else []
    listed = {
        match[1].upper() for line in listed_lines for match in [LISTED.match(line.text)] if match
    }
    appended = appended_annexes(document.content)
    if not has_list and not appended:
        return
    listed |= set(appended)
    skipped = {line.number for line in listed_lines} | {line.number for line in appended.values()}
    found = document_sentences(document)
    for index, said in enumerate(found.texts):
        if "ijlage" not in said:
            continue
        quoted = referenced_spans(said)
        for match in ANNEX_REFERENCE.finditer(said):
            if match[1].upper() in listed or foreign_annex(said, match.end()):
                continue
            if any(begin <= match.start() < stop for begin, stop in quoted):
                continue
            span: Span = found[index].span_of(match.start(), match.end())
            if span.line not in skipped:
                yield Finding(span, {"attachment": match[0]})
