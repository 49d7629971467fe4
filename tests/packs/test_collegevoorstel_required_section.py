"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_required_section.py.

required-section (ML101): each required section is present, under its title or an alias."""

from __future__ import annotations

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
KADER_MD = "## Kader\n\nCollegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk\n\n"


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML101"])


def test_seed_has_every_section() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_missing_section_is_reported_at_the_first_line_of_text() -> None:
    text = edit(MD, KADER_MD, "")
    # Line 6 is the blank line after the front matter; the report points at the title.
    assert check(text) == [("ML101", line_of(text, "# Beslisnota"))]


def test_missing_section_in_extracted_text() -> None:
    text = edit(TXT, "Kader \nCollegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk \n", "")
    assert check(text, "memo.txt") == [("ML101", 1)]


def test_aliases_count_as_the_section() -> None:
    text = edit(MD, "## Kader\n", "## Beleidskader\n")
    text = edit(text, "## Risico's\n", "## Kanttekeningen\n")
    text = edit(text, "## Financiën\n", "## Financiële paragraaf\n")
    text = edit(text, "## Ontwerp besluit\n", "## Beslispunten\n")
    assert check(text) == []


def test_alias_with_typographic_apostrophe_in_text() -> None:
    text = edit(TXT, "Risico’s \n", "Risico’s en kanttekeningen \n")
    assert check(text, "memo.txt") == []


def test_empty_memo_misses_all_ten_sections() -> None:
    # Checked as a collegevoorstel (by detection an empty file is not a memo: ML003).
    assert lint("", "memo.txt", select=["ML101"], pack="collegevoorstel") == [("ML101", 1)] * 10


def test_section_name_inside_a_sentence_is_not_a_heading() -> None:
    text = edit(TXT, "Kader \n", "Het kader \n")
    assert check(text, "memo.txt") == [("ML101", 1)]
