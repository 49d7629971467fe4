"""argument-reference (ML503): argument N.M refers to an existing decision point N."""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("argument-reference", {}, text, path)


def test_seed_arguments_1_1_to_1_3_support_decision_1() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_markdown_sub_heading_for_a_missing_decision() -> None:
    text = edit(MD, "### 1.3 Tijdsinzet", "### 2.1 Tijdsinzet")
    assert check(text) == [(None, line_of(text, "### 2.1"))]


def test_text_argument_line_for_a_missing_decision() -> None:
    text = edit(TXT, "1.2 Er zijn goede alternatieven", "3.2 Er zijn goede alternatieven")
    assert check(text, "memo.txt") == [(None, line_of(text, "3.2 Er zijn"))]


def test_second_decision_makes_argument_2_1_valid() -> None:
    text = edit(MD, "### 1.3 Tijdsinzet", "### 2.1 Tijdsinzet")
    text = edit(
        text,
        "niet te verlengen.\n\n## Collegebesluit",
        "niet te verlengen.\n2. De partners te informeren.\n\n## Collegebesluit",
    )
    assert check(text) == []


def test_no_decision_points_is_left_to_decision_present() -> None:
    text = edit(TXT, "1. Deelname aan", "Deelname aan")
    assert check(text, "memo.txt") == []


def test_version_numbers_outside_argumenten_are_no_arguments() -> None:
    text = edit(TXT, "Betreft doel 9.1.3", "Betreft doel 9.1.3")
    text = edit(
        text, "Wanneer de City deal", "4.2 procent van de deelnemers stopt. Wanneer de City deal"
    )
    assert check(text, "memo.txt") == []
