"""decision-formula: the draft decision has the operative formula ("… besluit:") and, unless
``require_points`` is false, numbered decision points."""

from __future__ import annotations

import pytest

from helpers import run_kind

DECISION = "# Ontwerp besluit\n\n"


def check(text: str, require_points: bool = True) -> list[tuple[str | None, int]]:
    return run_kind("decision-formula", {"require_points": require_points}, text)


def test_formula_and_points_are_silent() -> None:
    assert check(DECISION + "Het college besluit:\n\n1. Het plan vast te stellen.\n") == []


@pytest.mark.parametrize("require_points", [True, False])
def test_points_without_the_formula_fire(require_points: bool) -> None:
    text = DECISION + "1. Het plan vast te stellen.\n"
    assert check(text, require_points) == [("no-formula", 1)]


def test_the_formula_without_points_fires_only_when_points_are_required() -> None:
    text = DECISION + "Het college besluit het plan vast te stellen.\n"
    assert check(text) == [("no-points", 1)]
    assert check(text, require_points=False) == []


def test_a_memo_without_a_decision_section_is_left_to_required_section() -> None:
    assert check("# Samenvatting\n\nDe kern.\n") == []
