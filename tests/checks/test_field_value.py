"""field: a section states each of ``fields`` (``key: value``), with a value from
``allowed`` where given (its first word counts)."""

from __future__ import annotations

from typing import Any

from helpers import run_kind

OPTIONS: dict[str, Any] = {
    "section": "financiele-gevolgen",
    "fields": [{"key": "Begroting wijzigen", "allowed": ["Ja", "Nee"]}, {"key": "Budgetnummer"}],
}
SECTION = "# Financiële gevolgen\n\n"


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("field", OPTIONS, text, path)


def test_every_field_with_an_allowed_value_is_silent() -> None:
    assert check(SECTION + "Begroting wijzigen: Nee\nBudgetnummer: 123\n") == []
    assert check("Financiële gevolgen\nBegroting wijzigen Ja\nBudgetnummer 123\n", "memo.txt") == []


def test_a_value_not_allowed_fires_at_the_field() -> None:
    text = SECTION + "Budgetnummer: 123\nBegroting wijzigen: Misschien\n"
    assert check(text) == [("not-allowed", 4)]


def test_a_missing_field_fires_at_the_section_heading() -> None:
    assert check(SECTION + "Begroting wijzigen: Nee\n") == [("missing", 1)]


def test_a_field_outside_the_section_does_not_count() -> None:
    text = "# Samenvatting\n\nBegroting wijzigen: Nee\nBudgetnummer: 123\n\n" + SECTION + "Geen.\n"
    assert check(text) == [("missing", 6), ("missing", 6)]


def test_a_memo_without_the_section_is_left_to_required_section() -> None:
    assert check("# Samenvatting\n\nDe kern.\n") == []
