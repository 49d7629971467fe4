"""Impossible dates anywhere in the memo (31-02-2022, 32 mei, 0000-01-01), front matter included.

The memo's own date in front matter ("datum: 2023-02-29") is not memo text, so it is judged
here from what the analyser read, once: an impossible date is ML704, never an internal error.
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "date-validity"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {"date": "the impossible date as written"}
VARIANTS: dict[str, str] = {}
EXAMPLE = Example(
    options={},
    passes="# Kader\n\nCollegevoorstel 28-02-2022.\n",
    fails="# Kader\n\nCollegevoorstel 31-02-2022.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    reported = set()
    for mention in document.dates:
        if not mention.valid:
            reported.add(mention.span.line)
            yield Finding(mention.span, {"date": mention.text})
    span = document.memo_date_span
    if document.memo_date_status == "impossible" and span and span.line not in reported:
        yield Finding(span, {"date": (document.memo_date_text or "").strip()})
