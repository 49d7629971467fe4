"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_heading_typo.py.

heading-typo (ML105): a heading that is a near miss of a known section name."""

from __future__ import annotations

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML105", "ML101"])


def test_seed_headings_are_spelt_right() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_typo_in_text_heading_is_reported_and_still_counts_as_the_section() -> None:
    text = edit(TXT, "Financiën \n", "Finacien \n")
    assert check(text, "memo.txt") == [("ML105", line_of(text, "Finacien"))]


def test_typo_in_markdown_heading() -> None:
    text = edit(MD, "## Argumenten\n", "## Argumnten\n")
    assert check(text) == [("ML105", line_of(text, "## Argumnten"))]


def test_alias_without_diacritics_is_not_a_typo() -> None:
    text = edit(TXT, "Financiën \n", "Financien \n")
    assert check(text, "memo.txt") == []


def test_prose_line_resembling_a_heading_is_not_a_heading() -> None:
    # A sentence (it ends with a full stop) is never taken for a misspelt heading.
    text = edit(TXT, "Vervolg \n", "Vervolg \nArgumentn. \n")
    assert check(text, "memo.txt") == []


def test_unknown_markdown_heading_far_from_any_section_is_no_typo() -> None:
    text = edit(MD, "## Vervolg\n", "## Planning van de werkgroepen\n\nIn 2024.\n\n## Vervolg\n")
    assert check(text) == []
