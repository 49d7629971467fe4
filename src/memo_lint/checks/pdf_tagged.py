"""A PDF that will be published is tagged and has a text layer (PDF/UA, WCAG 1.3.1).

Without a structure tree a screen reader gets the text without headings, lists, tables or
reading order; a page that is only an image (a scan) gets nothing at all. Other formats
carry their structure in styles and are not this rule's business.
"""

from __future__ import annotations

from collections.abc import Iterator

import memo_lint.checks._publication as _publication
from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "pdf-tagged"
OPTIONS = {
    "type": "object",
    "properties": dict(_publication.OPTIONS),
    "additionalProperties": False,
}
ARGUMENTS = {"pages": "the pages that are a scan, comma-separated (scanned)"}
VARIANTS = {"scanned": "pages with an image and no text"}
EXAMPLE = Example(
    options={"unstated": "check"},
    passes="# Inleiding\n\nTekst.\n",
    fails="# Inleiding\n\nTekst.\n",
    passes_file={"tagged": True, "heading_tags": [1]},
    fails_file={"tagged": False},
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    info = document.file_info
    if info is None or info.tagged is None or not _publication.published(document, context.options):
        return
    if not info.tagged:
        yield Finding(document.start(), {})
    if info.scanned_pages:
        pages = ", ".join(str(p) for p in info.scanned_pages)
        yield Finding(document.start(), {"pages": pages}, variant="scanned")
