"""deadline-field: a ``field`` line says there is no deadline, while a sentence about a
``decision`` names a date after a ``cue``."""

from __future__ import annotations

from helpers import run_kind

OPTIONS = {
    "field": r"(?im)^[ \t]*geen termijn\b",
    "cue": r"(?i)\buiterlijk\s*$",
    "decision": r"(?i)\bbesluit\pL*",
}


def check(body: str) -> list[tuple[str | None, int]]:
    return run_kind("deadline-field", OPTIONS, "# Samenvatting\n\n" + body)


def test_no_deadline_and_a_decision_date_fires_at_the_field() -> None:
    assert check("Geen termijn\n\nDe raad besluit uiterlijk 1 juli 2026.\n") == [(None, 3)]


def test_a_date_without_the_cue_is_silent() -> None:
    assert check("Geen termijn\n\nDe raad besluit op 1 juli 2026.\n") == []


def test_a_date_in_a_sentence_about_no_decision_is_silent() -> None:
    assert check("Geen termijn\n\nHet werk is uiterlijk 1 juli 2026 klaar.\n") == []


def test_without_the_field_line_nothing_is_contradicted() -> None:
    # "Fatale termijn: n.v.t." is the default pack's wording; these options do not read it.
    assert check("Fatale termijn: n.v.t.\n\nDe raad besluit uiterlijk 1 juli 2026.\n") == []
