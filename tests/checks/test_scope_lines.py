"""Context.scope_lines picks a section's text by line number (checks.base.section_text): the
same lines, in the same order, as testing every line of the memo against the section bodies."""

from __future__ import annotations

import pytest

from helpers import CORPUS, EXAMPLES, default_pack, document
from memo_lint.checks.base import section_text
from memo_lint.model import Document, Line


def _section_text_slowly(document: Document, section_id: str) -> list[Line]:
    wanted = {
        line.number
        for section in document.sections_with(section_id)
        for line in document.body_lines(section)
    }
    return [line for line in document.content if line.number in wanted]


def _texts() -> list[tuple[str, str]]:
    paths = sorted(EXAMPLES.glob("*.md")) + sorted(EXAMPLES.glob("*.txt"))
    paths += sorted(CORPUS.parent.rglob("*.txt")) if CORPUS.is_dir() else []
    return [(path.name, path.read_text("utf-8")) for path in paths]


@pytest.mark.parametrize(("name", "text"), _texts())
def test_a_scope_is_the_content_inside_its_sections(name: str, text: str) -> None:
    found = document(text, "memo.md" if name.endswith(".md") else "memo.txt", default_pack())
    ids = {section.id for section in found.sections if section.id}
    for section_id in ids:
        picked = section_text(found, found.sections_with(section_id))
        assert picked == _section_text_slowly(found, section_id), (name, section_id)


def test_a_memo_with_a_repeated_and_an_empty_section() -> None:
    text = "# Inleiding\n\nEen.\n\n# Besluit\n\n# Inleiding\n\nTwee.\n"
    found = document(text, "memo.md", default_pack())
    for section_id in ("inleiding", "besluit"):
        picked = section_text(found, found.sections_with(section_id))
        assert picked == _section_text_slowly(found, section_id)
    assert [line.text for line in section_text(found, found.sections_with("inleiding"))] == [
        "",
        "Een.",
        "",
        "",
        "Twee.",
    ]
