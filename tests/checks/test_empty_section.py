"""empty-section (ML102): a present section has real content."""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
RISICOS_BODY = TXT[TXT.index("Risico’s \n") + len("Risico’s \n") : TXT.index("Vervolg \n")]


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("empty-section", {"min_chars": 3}, text, path)


def test_seed_sections_all_have_content() -> None:
    # Bijlagen holds only "n.v.t.": an explicit "not applicable" is content.
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_empty_section_in_text() -> None:
    text = edit(TXT, RISICOS_BODY, "\n")
    assert check(text, "memo.txt") == [(None, line_of(text, "Risico’s"))]


def test_section_with_only_whitespace_and_punctuation_is_empty() -> None:
    text = edit(MD, "n.v.t.\n\n## Openbaarheid", "-\n\n## Openbaarheid")
    assert check(text) == [(None, line_of(text, "## Bijlagen"))]


def test_sub_headings_alone_are_not_content() -> None:
    body = MD[MD.index("## Argumenten\n") + len("## Argumenten\n") : MD.index("## Alternatieve")]
    text = edit(MD, body, "\n### 1.1 Tijdsinzet\n\n")
    assert check(text) == [(None, line_of(text, "## Argumenten"))]


def test_sub_sections_with_text_are_the_parents_content() -> None:
    assert line_of(MD, "### 1.1") == line_of(MD, "## Argumenten") + 2
    assert check(MD) == []
