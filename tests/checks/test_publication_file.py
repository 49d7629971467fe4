"""pdf-tagged, document-title, document-language, image-alt-text, heading-structure: the
published file itself, read from ``Document.file_info`` (what a PDF, Word or ODT reader found);
like personal-data they look only at memos that will be published."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import run_kind
from memo_lint.checks import document_language

PUBLIC = "# Openbaarheid\n\n- [x] Openbaar\n- [ ] Geheim\n\n# Inleiding\n\nTekst.\n"
SECRET = "# Openbaarheid\n\n- [ ] Openbaar\n- [x] Geheim\n\n# Inleiding\n\nTekst.\n"
UNSTATED = "# Inleiding\n\nTekst.\n"
CASES = [
    ("pdf-tagged", {"tagged": True, "heading_tags": [1]}, {"tagged": False}, None),
    (
        "document-title",
        {"title": "Niet verlengen City deal Slim Maatwerk"},
        {"title": "raadsvoorstel format"},
        "leftover",
    ),
    (
        "image-alt-text",
        {"pictures": [{"name": "Kaart", "alt": "Kaart van de wijken", "line": 9}]},
        {"pictures": [{"name": "Kaart", "alt": "", "line": 9}]},
        None,
    ),
]


def check(
    kind: str, text: str, info: dict[str, Any] | None, **options: Any
) -> list[tuple[str | None, int]]:
    return run_kind(kind, options, text, file_info=info)


@pytest.mark.parametrize(("kind", "good", "bad", "variant"), CASES)
def test_a_published_file_is_checked(
    kind: str, good: dict[str, Any], bad: dict[str, Any], variant: str | None
) -> None:
    assert check(kind, PUBLIC, good) == []
    assert check(kind, PUBLIC, bad) == [(variant, 1)]


@pytest.mark.parametrize(("kind", "good", "bad", "variant"), CASES)
def test_a_secret_or_unstated_memo_and_plain_text_are_not(
    kind: str, good: dict[str, Any], bad: dict[str, Any], variant: str | None
) -> None:
    assert check(kind, SECRET, bad, unstated="check") == []
    assert check(kind, UNSTATED, bad) == []
    assert check(kind, UNSTATED, bad, unstated="check") == [(variant, 1)]
    assert check(kind, PUBLIC, None) == []  # a text file has no file metadata


def test_document_language_compares_the_declared_language_with_the_text() -> None:
    example = document_language.EXAMPLE
    text, options = example.fails, example.options
    assert check("document-language", text, {"language": "nl-NL"}, **options) == []
    assert check("document-language", text, {"language": "en-US"}, **options) == [("mismatch", 1)]
    assert check("document-language", text, {}, **options) == [(None, 1)]  # none declared
    assert check("document-language", "# Inleiding\n\nKort.\n", {"language": "en-US"}) == []


def test_heading_structure_fires_on_a_skipped_level() -> None:
    skipped = PUBLIC.replace("# Inleiding", "### Inleiding")
    assert check("heading-structure", PUBLIC, {}) == []
    assert check("heading-structure", skipped, {}) == [("skip", 6)]
    assert check("heading-structure", skipped.replace("[x] Openbaar", "[ ] Openbaar"), {}) == []
