"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_decision_formula.py.

decision-formula (ML501): the draft decision has the operative formula and numbered points."""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML501"])


def test_seed_has_formula_and_points() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_no_formula() -> None:
    text = edit(MD, "Het college besluit:\n\n", "")
    assert check(text) == [("ML501", line_of(text, "## Ontwerp besluit"))]


def test_no_numbered_points() -> None:
    text = edit(TXT, "1. Deelname aan", "Deelname aan")
    assert check(text, "memo.txt") == [("ML501", line_of(text, "Ontwerp besluit"))]


def test_neither_formula_nor_points_is_two_findings() -> None:
    text = edit(MD, "Het college besluit:\n\n1. Deelname", "Deelname")
    heading = line_of(text, "## Ontwerp besluit")
    assert check(text) == [("ML501", heading), ("ML501", heading)]


@pytest.mark.parametrize(
    "formula",
    [
        "Burgemeester en wethouders besluiten:",
        "B&W besluit:",
        "Het college van burgemeester en wethouders besluit:",
    ],
)
def test_formula_variants(formula: str) -> None:
    text = edit(MD, "Het college besluit:", formula)
    assert check(text) == []


def test_points_numbered_with_parenthesis() -> None:
    text = edit(MD, "1. Deelname aan", "1) Deelname aan")
    assert check(text) == []


def test_missing_section_is_left_to_required_section() -> None:
    start, end = MD.index("## Ontwerp besluit"), MD.index("## Collegebesluit")
    assert check(edit(MD, MD[start:end], "")) == []
