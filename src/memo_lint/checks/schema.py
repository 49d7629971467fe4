"""JSON Schema pieces the check kinds' option schemas share."""

from __future__ import annotations

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
