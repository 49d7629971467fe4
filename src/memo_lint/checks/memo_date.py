"""The memo's own date (front matter ``datum``/``date`` or the header's "Datum") can be read.

The deadline rules measure against that date. When it is there but unreadable ("24 juni
2o25", "24 juni" without a year) or a template placeholder ("[invullen]", "dd-mm-jjjj"), they
silently fall back to ``--today`` or the real date: this kind says so instead. An impossible
date ("2023-02-29") is the date-validity kind's (ML704).
"""

from __future__ import annotations

from collections.abc import Iterator

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.model import Document

KIND = "memo-date"
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
ARGUMENTS = {
    "date": "the memo date as written",
    "reference": "the reference date the deadline rules use instead, YYYY-MM-DD",
    "reference_label": "that reference date and where it came from (--today or today)",
}
VARIANTS = {"placeholder": "the memo date is a template placeholder or empty"}
EXAMPLE = Example(
    options={},
    passes="---\ndatum: 2025-06-24\n---\n# Samenvatting\n\nDe kern.\n",
    fails="---\ndatum: 24 juni 2o25\n---\n# Samenvatting\n\nDe kern.\n",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    status = document.memo_date_status
    if status not in ("unreadable", "placeholder", "empty"):
        return
    span = document.memo_date_span or document.start()
    args = {
        "date": document.memo_date_text or "",
        "reference": context.reference_date.isoformat(),
        "reference_label": context.reference_label(),
    }
    yield Finding(span, args, variant=None if status == "unreadable" else "placeholder")
