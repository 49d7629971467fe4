"""Every footnote text has a marker in the text, and every marker a footnote text."""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "footnote-reference"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {"label": "the footnote's label (number)"}
VARIANTS = {
    "marker-without-text": "a marker in the text without a footnote text",
    "text-without-marker": "a footnote text without a marker",
}
EXAMPLE = Example(
    options={},
    passes="# Kader\n\nDe Woo[^1].\n\n[^1]: Wet open overheid.\n",
    fails="# Kader\n\nDe Woo.\n\n[^1]: Wet open overheid.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    marker_labels = {label for label, _ in document.footnote_markers}
    text_labels = {footnote.label for footnote in document.footnotes}
    for label, span in document.footnote_markers:
        if label not in text_labels:
            yield Finding(span, {"label": label}, variant="marker-without-text")
    for footnote in document.footnotes:
        if footnote.label not in marker_labels:
            yield Finding(footnote.span, {"label": footnote.label}, variant="text-without-marker")
