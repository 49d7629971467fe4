"""Impossible dates anywhere in the memo (31-02-2022, 32 mei)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from memo_lint.checks.schema import Example
from memo_lint.model import Document

if TYPE_CHECKING:
    from memo_lint.checks import Context, Finding

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
    from memo_lint.checks import Finding

    for mention in document.dates:
        if not mention.valid:
            yield Finding(mention.span, {"date": mention.text})
