"""What check kinds declare besides their code: shared JSON Schema pieces, examples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A text in Dutch and English; one language is enough (the other falls back to it).
TEXT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "nl": {"type": "string", "minLength": 1},
        "en": {"type": "string", "minLength": 1},
    },
    "minProperties": 1,
    "additionalProperties": False,
}


@dataclass(frozen=True, slots=True)
class Example:
    """One passing and one failing Markdown memo for a kind with these options, checked
    under the default pack (docs/kinds.md shows them; a test runs them)."""

    options: dict[str, Any]
    passes: str
    fails: str
    # For kinds that check the file itself (ML802-ML806): the metadata a PDF or Word reader
    # would have found (``FileInfo`` fields; pictures as dicts), per memo.
    passes_file: dict[str, Any] | None = None
    fails_file: dict[str, Any] | None = None


def local(text: dict[str, str], lang: str) -> str:
    """A ``TEXT_SCHEMA`` value in ``lang``, else in the one language it has."""
    return text.get(lang) or next(iter(text.values()))
