"""choice: a pack's choice group (here the default pack's ``publicity`` and
``college-decision``) has exactly one option marked and its statements agree, or (``expect:
none``) nothing marked. Glyphs: ☒ ☑ ✓ ✔ ■ [x] marked, ☐ □ [ ] unmarked."""

from __future__ import annotations

import pytest

from helpers import run_kind

ONE = {"group": "publicity", "expect": "exactly-one"}
NONE = {"group": "college-decision", "expect": "none"}
HEAD = "# Openbaarheid\n\n"


def check(
    text: str, options: dict[str, str] = ONE, path: str = "memo.md"
) -> list[tuple[str | None, int]]:
    return run_kind("choice", options, text, path)


@pytest.mark.parametrize(
    ("marked", "unmarked"),
    [("☒", "☐"), ("☑", "□"), ("✓", "☐"), ("✔", "☐"), ("■", "□"), ("[x]", "[ ]"), ("[X]", "[ ]")],
)
def test_one_marked_option_is_silent(marked: str, unmarked: str) -> None:
    text = f"Openbaarheid\n{marked} Openbaar\n{unmarked} Geheim\n"
    assert check(text, path="memo.txt") == []


def test_two_marked_options_fire() -> None:
    assert check(HEAD + "- [x] Openbaar\n- [x] Geheim\n") == [("several", 4)]


def test_nothing_marked_and_no_statement_fires() -> None:
    assert check(HEAD + "- [ ] Openbaar\n- [ ] Geheim\n") == [("none", 3)]


def test_a_statement_alone_decides() -> None:
    assert check(HEAD + "Openbaarheid: Openbaar\n") == []
    assert check(HEAD + "Geheimhouding: Nvt\n") == []  # a synonym the pack declares


def test_a_statement_contradicting_the_mark_fires() -> None:
    text = HEAD + "- [x] Openbaar\n- [ ] Geheim\n\nOpenbaarheid: Geheim\n"
    assert check(text) == [("contradiction", 6)]


def test_statements_that_disagree_fire() -> None:
    text = HEAD + "Openbaarheid: Openbaar\n\nGeheimhouding: Geheim\n"
    assert check(text) == [("statements-disagree", 5)]


def test_expect_none_fires_on_a_mark_only() -> None:
    assert check("# Collegebesluit\n\n☐ Conform\n☐ Gewijzigd\n", NONE) == []
    assert check("# Collegebesluit\n\n☒ Conform\n☐ Gewijzigd\n", NONE) == [(None, 3)]


def test_a_memo_without_the_group_is_left_to_required_section() -> None:
    assert check("# Samenvatting\n\nDe kern.\n") == []
