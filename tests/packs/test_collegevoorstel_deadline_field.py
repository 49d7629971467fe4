"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_deadline_field.py.

deadline-field: ML605, a deadline field saying "none" while the text names a date a
decision is needed by (issue 13 point 4)."""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md, violations

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


@pytest.mark.parametrize(
    "field",
    [
        "Fatale termijn\n\nNiet van toepassing",  # Almere's stacked header
        "Is er sprake van termijngebondenheid?:\nNee",  # Den Haag's oplegger
    ],
)
def test_a_stacked_field_saying_no_deadline(field: str) -> None:
    text = memo(field)
    found = violations(text, select=["ML605"], today="2024-03-01")
    assert [(v.code, v.span.line) for v in found] == [("ML605", line_of(text, field[:14]))]
    assert found[0].message.startswith(f"'{' '.join(field.split())}', maar de tekst")


@pytest.mark.parametrize("field", ["Fatale termijn\n\n1 februari 2026", "Fatale termijn\nJa"])
def test_a_stacked_field_with_a_deadline_is_silent(field: str) -> None:
    assert check(memo(field)) == []


def test_a_date_before_the_memo_date_is_no_deadline_of_this_memo() -> None:
    """ "Gemeenten zouden vóór 1 juli 2023 zoekgebieden vaststellen" in a memo of 2024 (the
    corpus's Overijssel statenbrief): another body's old agreement, not this decision's date."""
    dated = edit(MD, "gemeente: Zwolle\n", "gemeente: Zwolle\ndatum: 2024-05-28\n")
    old = "Gemeenten zouden vóór 1 juli 2023 zoekgebieden vaststellen.\n"
    text = edit(
        edit(dated, TITLE, f"{TITLE}\nFatale termijn: n.v.t.\n"),
        SUMMARY_END,
        SUMMARY_END + "\n" + old,
    )
    assert check(text) == []
    ahead = old.replace("1 juli 2023", "1 juli 2024")
    text = edit(
        edit(dated, TITLE, f"{TITLE}\nFatale termijn: n.v.t.\n"),
        SUMMARY_END,
        SUMMARY_END + "\n" + ahead,
    )
    assert [code for code, _ in check(text)] == ["ML605"]
