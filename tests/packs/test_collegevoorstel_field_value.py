"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_field_value.py.

field (ML201): 'Financiële gevolgen' states Begroting wijzigen (Ja/Nee) and Budgetnummer.

The same field written three ways: "Begroting wijzigen Nee" (extracted text),
"Begroting wijzigen: Nee", and a Markdown table row.
"""

from __future__ import annotations

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML201"])


def test_seed_fields_without_colon_and_as_table_rows() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_fields_with_colon() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen: Ja")
    text = edit(text, "Budgetnummer N.v.t.", "Budgetnummer: 6.12345")
    assert check(text, "memo.txt") == []


def test_missing_field_is_reported_at_the_section_heading() -> None:
    text = edit(TXT, "Budgetnummer N.v.t. \n", "")
    assert check(text, "memo.txt") == [("ML201", line_of(text, "Financiële gevolgen"))]


def test_both_fields_missing() -> None:
    text = edit(TXT, "Begroting wijzigen Nee \nBudgetnummer N.v.t. \n", "")
    assert check(text, "memo.txt") == [("ML201", 8), ("ML201", 8)]


def test_value_not_allowed_in_a_table_row() -> None:
    text = edit(MD, "| Begroting wijzigen | Nee      ", "| Begroting wijzigen | Misschien")
    assert check(text) == [("ML201", line_of(text, "| Begroting wijzigen"))]


def test_value_not_allowed_after_a_colon() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen: onbekend")
    assert check(text, "memo.txt") == [("ML201", line_of(text, "Begroting wijzigen"))]


def test_field_under_another_section_does_not_count() -> None:
    text = edit(TXT, "Budgetnummer N.v.t. \n", "")
    text = edit(text, "Vervolg \n", "Vervolg \nBudgetnummer N.v.t. \n")
    assert check(text, "memo.txt") == [("ML201", 8)]


def test_missing_section_is_left_to_required_section() -> None:
    start, end = MD.index("## Financiële gevolgen"), MD.index("## Bijlagen")
    assert check(edit(MD, MD[start:end], "")) == []
