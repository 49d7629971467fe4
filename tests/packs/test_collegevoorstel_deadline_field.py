"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_deadline_field.py.

deadline-field: ML605, a deadline field saying "none" while the text names a date a
decision is needed by (issue 13 point 4)."""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md

MD = seed_md()
TITLE = "# Beslisnota: niet verlengen deelname City deal Slim Maatwerk\n"
SUMMARY_END = "regionaal opgepakt.\n"
ASK = "De regio vraagt de gemeente uiterlijk 15 maart 2024 over de verlenging te besluiten.\n"


def memo(field: str, sentence: str = ASK) -> str:
    text = edit(MD, TITLE, f"{TITLE}\n{field}\n")
    return edit(text, SUMMARY_END, f"{SUMMARY_END}\n{sentence}")


def check(text: str) -> list[tuple[str, int]]:
    return lint(text, select=["ML605"], today="2024-03-01")


@pytest.mark.parametrize(
    "field",
    [
        "Fatale termijn: n.v.t.",
        "Fatale termijn: Niet van toepassing",
        "Termijngebonden? Nee",
        "Termijngebondenheid: nee",
        "Fatale termijn: geen",
    ],
)
def test_field_saying_no_deadline_against_a_date_in_the_text(field: str) -> None:
    text = memo(field)
    assert check(text) == [("ML605", line_of(text, field))]


@pytest.mark.parametrize("field", ["Fatale termijn: 15 maart 2024", "Termijngebonden? Ja"])
def test_field_with_a_deadline_is_silent(field: str) -> None:
    assert check(memo(field)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "De regio besprak de verlenging op 15 maart 2024.\n",  # no cue: a date, no deadline
        "De gemeente meldt zich uiterlijk 15 maart 2024 bij de regio.\n",  # no decision
    ],
)
def test_a_date_that_is_no_decision_deadline_is_silent(sentence: str) -> None:
    assert check(memo("Fatale termijn: n.v.t.", sentence)) == []


def test_seed_without_the_field_is_silent() -> None:
    assert check(MD) == []
