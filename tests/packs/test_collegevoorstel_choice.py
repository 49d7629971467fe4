"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_choice.py.

choice: ML301 (exactly one of Openbaar/Geheim, statements agree) and ML504 (Collegebesluit
left empty in a draft).

Checkbox glyphs: ☒ ☑ ✓ ✔ ■ [x] marked, ☐ □ [ ] unmarked, none at all when PDF extraction lost
them (then the plain statement "Openbaarheid / Openbaar" decides).
"""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
LOST = " Openbaar \n Geheim \n"
CLOSING_TXT = "Openbaarheid \nOpenbaar  \n"
BOXES_MD = "- [x] Openbaar\n- [ ] Geheim\n"


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML301", "ML504"])


def test_lost_glyphs_plus_the_closing_statement_count_as_marked() -> None:
    assert check(TXT, "seed.txt") == []


def test_ticked_box_plus_agreeing_statement() -> None:
    assert check(MD) == []


@pytest.mark.parametrize(
    ("marked", "unmarked"),
    [("☒", "☐"), ("☑", "□"), ("✓", "☐"), ("✔", "☐"), ("■", "□"), ("[x]", "[ ]"), ("[X]", "[ ]")],
)
def test_glyphs_in_text(marked: str, unmarked: str) -> None:
    text = edit(TXT, LOST, f"{marked} Openbaar \n{unmarked} Geheim \n")
    assert check(text, "memo.txt") == []


def test_two_marks() -> None:
    text = edit(MD, "- [ ] Geheim", "- [x] Geheim")
    assert check(text) == [("ML301", line_of(text, "- [x] Geheim"))]


def test_no_mark_and_no_statement() -> None:
    text = edit(TXT, LOST, "☐ Openbaar \n☐ Geheim \n")
    text = edit(text, CLOSING_TXT, "")
    assert check(text, "memo.txt") == [("ML301", line_of(text, "☐ Openbaar"))]


def test_unticked_boxes_are_not_filled_in_by_a_statement_elsewhere() -> None:
    text = edit(MD, "- [x] Openbaar", "- [ ] Openbaar")
    assert check(text) == [("ML301", line_of(text, "- [ ] Openbaar"))]


def test_lost_glyphs_and_no_statement() -> None:
    text = edit(TXT, CLOSING_TXT, "")
    assert check(text, "memo.txt") == [("ML301", line_of(text, " Openbaar"))]


def test_checkbox_contradicts_the_statement() -> None:
    text = edit(TXT, LOST, "☒ Openbaar \n☐ Geheim \n")
    text = edit(text, CLOSING_TXT, "Openbaarheid \nGeheim  \n")
    assert check(text, "memo.txt") == [("ML301", line_of(text, "Geheim  "))]


def test_statements_disagree() -> None:
    text = edit(MD, BOXES_MD, "Openbaarheid: Openbaar\n")
    text = edit(text, "## Openbaarheid\n\nOpenbaar\n", "## Openbaarheid\n\nGeheim\n")
    assert check(text) == [("ML301", line_of(text, "Geheim"))]


def test_statement_as_a_field_is_enough() -> None:
    text = edit(MD, BOXES_MD, "Openbaarheid: Openbaar\n")
    assert check(text) == []


def test_missing_publicity_section_is_left_to_required_section() -> None:
    text = edit(TXT, "Openbaarheid \n\n" + LOST, "")
    text = edit(text, CLOSING_TXT, "")
    assert check(text, "memo.txt") == []


# ML504: the Collegebesluit block is empty in a draft


def test_collegebesluit_ticked_in_markdown() -> None:
    text = edit(MD, "- [ ] Gewijzigd", "- [x] Gewijzigd")
    assert check(text) == [("ML504", line_of(text, "- [x] Gewijzigd"))]


def test_collegebesluit_glyph_in_text() -> None:
    text = edit(TXT, " Conform \n", "☒ Conform \n")
    assert check(text, "memo.txt") == [("ML504", line_of(text, "☒ Conform"))]


def test_collegebesluit_with_lost_glyphs_is_not_filled_in() -> None:
    assert " Conform \n Gewijzigd \n" in TXT
    assert check(TXT, "seed.txt") == []


@pytest.mark.parametrize(
    "answer",
    [
        "Geheimhouding \nNvt \n",
        "Geheimhouding \nNiet van toepassing \n",
        "(Tijdelijke) Geheimhouding / Embargo tot: Niet van toepassing \n",
        "Openbaarheid ------------------------ Openbaar \n",
        "Openbaarheid ........................ Openbaar \n",
    ],
)
def test_template_answers_that_mean_public(answer: str) -> None:
    text = edit(edit(TXT, LOST, ""), CLOSING_TXT, answer)
    assert check(text, "memo.txt") == []
    assert lint(text, "memo.txt", select=["ML701"]) == []  # a leader is no blank to fill in


def test_an_answer_that_names_no_option() -> None:
    text = edit(edit(TXT, LOST, ""), CLOSING_TXT, "Geheimhouding \nMisschien \n")
    assert check(text, "memo.txt") == [("ML301", line_of(text, "Openbaarheid"))]


def test_ticked_box_with_its_explanation() -> None:
    text = edit(MD, BOXES_MD, "- [ ] Openbaar\n- [x] Geheim, op grond van artikel 5.1 Woo\n")
    text = edit(text, "## Openbaarheid\n\nOpenbaar\n", "## Openbaarheid\n\nGeheim\n")
    assert check(text) == []
    disagreeing = edit(text, "## Openbaarheid\n\nGeheim\n", "## Openbaarheid\n\nOpenbaar\n")
    closing = disagreeing.split("\n").index("Openbaar") + 1  # the statement under the heading
    assert check(disagreeing) == [("ML301", closing)]
