"""From a reader's :class:`Source` to the :class:`Document` the checks read.

Shared by every format: headings a reader marked (Markdown, Word, PDF outline) are taken as
they are; in plain text a line is a heading when it *is* a section name of the pack, after
the damage PDF extraction does (leading and trailing spaces, typographic apostrophes). One pass
per part of the document, each in its own module: ``sections``, ``footnotes``, ``fields``,
``choices``, ``numbering`` (decision points, argument headings), ``mentions`` (dates,
amounts), ``memo_date``; so each check is a cheap walk over ready-made lists. ``search`` holds
the pattern search over lines the checks share (``matches_in``, re-exported here).
"""

from __future__ import annotations

from memo_lint.analysis.choices import find_choices
from memo_lint.analysis.fields import find_fields
from memo_lint.analysis.footnotes import find_footnotes
from memo_lint.analysis.memo_date import find_memo_date
from memo_lint.analysis.mentions import amounts, date_mentions
from memo_lint.analysis.numbering import find_arguments, find_decisions
from memo_lint.analysis.search import matches_in
from memo_lint.analysis.sections import find_sections
from memo_lint.model import Document, ScopeLines, Source
from memo_lint.pack import Pack

__all__ = ["analyse", "matches_in"]


def analyse(source: Source, pack: Pack) -> Document:
    lines = source.lines
    skipped = _skipped_lines(source)
    sections, typo_lines = find_sections(lines, pack, skipped)
    heading_lines = {s.heading_line for s in sections}
    footnotes, markers = find_footnotes(source, skipped)
    footnote_lines = {f.span.line for f in footnotes} | {
        line.number for line in lines if line.is_footnote_text
    }
    content = ScopeLines(
        line for line in lines if line.number not in skipped and line.number not in footnote_lines
    )
    fields = find_fields(source, content, heading_lines, pack, sections)
    document = Document(
        path=source.path,
        lines=lines,
        sections=sections,
        fields=fields,
        choices={},
        decisions=[],
        arguments=[],
        footnotes=footnotes,
        footnote_markers=markers,
        dates=date_mentions(content),
        amounts=amounts(content),
        metadata=dict(source.front_matter),
        memo_date=None,
        memo_date_span=None,
        format=source.format,
        content=content,
        file_info=source.file_info,
    )
    document.choices = find_choices(document, pack, heading_lines)
    document.decisions = find_decisions(document, pack)
    document.arguments = find_arguments(document, pack, footnote_lines)
    memo_date = find_memo_date(document, pack, source)
    document.memo_date, document.memo_date_span = memo_date.value, memo_date.span
    document.memo_date_text, document.memo_date_status = memo_date.text, memo_date.status
    document.typo_headings = typo_lines
    return document


def _skipped_lines(source: Source) -> set[int]:
    skipped = {number for number, _ in source.comments}
    if source.front_matter_span:
        span = source.front_matter_span
        skipped.update(range(span.line, span.end_line + 1))
    return skipped
