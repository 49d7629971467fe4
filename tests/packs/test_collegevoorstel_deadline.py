"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_deadline.py.

deadline: ML601 (a cancellation states its notice deadline), ML602 (the deadline has not
passed on the memo date unless notice was already given), ML603 (notice already given says
it was "onder voorbehoud" of the college decision).

The seed says all of this right: it does not renew, "mits voor 1 april is afgemeld", and
"Het opzeggen is gedaan onder voorbehoud van het collegebesluit".
"""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
CODES = ["ML601", "ML602", "ML603"]
DEADLINE_MD = ", mits voor\n1 april is afgemeld."
DONE_MD = (
    " Dit is gedaan op basis van een besluit van het MTMO (managementoverleg\n"
    "Maatschappelijke Ontwikkeling). Het opzeggen is gedaan onder voorbehoud van het "
    "collegebesluit\n"
    "in deze beslisnota."
)
RESERVATION_MD = (
    "Het opzeggen is gedaan onder voorbehoud van het collegebesluit\nin deze beslisnota."
)


def check(
    text: str, path: str = "memo.md", today: str | None = "2024-03-01"
) -> list[tuple[str, int]]:
    return lint(text, path, select=CODES, today=today)


def dated(text: str, iso_date: str) -> str:
    return edit(text, "gemeente: Zwolle\n", f"gemeente: Zwolle\ndatum: {iso_date}\n")


@pytest.mark.parametrize("today", ["2024-03-01", "2024-04-02", "2026-11-28", None])
def test_seed_is_silent_whatever_the_date(today: str | None) -> None:
    assert check(TXT, "seed.txt", today=today) == []
    assert check(MD, today=today) == []


def test_seed_dated_after_the_deadline_gave_notice_in_time() -> None:
    assert check(dated(MD, "2024-05-01")) == []
    text = edit(TXT, " Samenvatting \n", "Datum: 15 mei 2024 \n \n Samenvatting \n")
    assert check(text, "memo.txt") == []


# ML601


def test_cancellation_without_deadline() -> None:
    text = edit(MD, DEADLINE_MD, ".")
    assert check(text) == [("ML601", line_of(text, "niet te verlengen."))]


def test_cancellation_without_deadline_in_text() -> None:
    text = edit(TXT, ", mits voor 1 april is \nafgemeld.", ". \n")
    assert check(text, "memo.txt") == [("ML601", line_of(text, "1. Deelname"))]


@pytest.mark.parametrize(
    "deadline",
    [
        ", mits uiterlijk 31-03-2024 is afgemeld.",
        ", mits vóór 1 april 2024 is afgemeld.",
        ", als we opzeggen per 1 april.",
        ". De opzegtermijn is drie maanden.",
    ],
)
def test_deadline_phrasings(deadline: str) -> None:
    assert check(edit(MD, DEADLINE_MD, deadline)) == []


def test_deadline_as_a_field() -> None:
    text = edit(MD, DEADLINE_MD, ".")
    text = edit(
        text, "Het college besluit:", "Fatale termijn: 1 april 2024\n\nHet college besluit:"
    )
    assert check(text) == []


def test_a_date_without_a_deadline_cue_is_no_deadline() -> None:
    text = edit(MD, DEADLINE_MD, ", sinds 1 april 2022.")
    assert check(text) == [("ML601", line_of(text, "niet te verlengen."))]


def test_memo_that_cancels_nothing_needs_no_deadline() -> None:
    text = edit(
        MD,
        "1. Deelname aan de City deal Slim Maatwerk niet te verlengen.",
        "1. Deelname aan de City deal Slim Maatwerk voort te zetten.",
    )
    text = edit(
        text,
        "Het voorstel is om als Zwolle niet mee te doen aan de verlenging",
        "Het voorstel is om als Zwolle mee te doen aan de verlenging",
    )
    text = edit(text, "Door niet te verlengen wordt", "Daardoor wordt")
    text = edit(text, DEADLINE_MD, ".")
    assert check(text) == []


def test_cancelling_words_in_prose_without_decision_or_summary_section() -> None:
    # A memo of another template: "stopzetten" in a sentence about something else.
    text = (
        "# Nota\n\n## Toelichting\n\n"
        "Het pauzeren of stopzetten van samenwerkingen is aan de instelling.\n"
    )
    assert check(text) == []


# ML602


def test_deadline_passed_without_notice() -> None:
    text = dated(edit(MD, DONE_MD, ""), "2024-05-01")
    assert check(text) == [("ML602", line_of(text, "1 april is afgemeld"))]


def test_deadline_passed_with_today_instead_of_a_memo_date() -> None:
    text = edit(MD, DONE_MD, "")
    assert check(text, today="2024-04-02") == [("ML602", line_of(text, "1 april is afgemeld"))]
    assert check(text, today="2024-03-31") == []


def test_deadline_with_year_passed_in_an_earlier_year() -> None:
    text = edit(edit(MD, DONE_MD, ""), DEADLINE_MD, ", mits vóór 1 april 2023 is afgemeld.")
    assert check(text, today="2024-03-01") == [("ML602", line_of(text, "1 april 2023"))]


def test_notice_that_still_has_to_be_given_is_not_done() -> None:
    # "zijn gedaan" reads as done, "moet" says it is not (yet).
    text = dated(edit(MD, DONE_MD, " Het afmelden moet voor die datum zijn gedaan."), "2024-05-01")
    assert check(text) == [("ML602", line_of(text, "1 april is afgemeld"))]


# ML603


def test_notice_given_without_reservation() -> None:
    text = edit(MD, RESERVATION_MD, "Wij hebben de deelname\ninmiddels opgezegd.")
    assert check(text) == [("ML603", line_of(text, "Wij hebben de deelname"))]


def test_notice_given_without_reservation_in_text() -> None:
    text = edit(
        TXT,
        "Het opzeggen is gedaan onder voorbehoud van het collegebesluit in \ndeze beslisnota.",
        "Het opzeggen is gedaan per brief. \n",
    )
    assert check(text, "memo.txt") == [("ML603", line_of(text, "Het opzeggen is gedaan"))]


def test_reservation_phrased_elsewhere_in_the_memo() -> None:
    text = edit(
        MD,
        RESERVATION_MD,
        "Wij hebben de deelname inmiddels\nopgezegd, onder voorbehoud van dit besluit.",
    )
    assert check(text) == []


def test_notice_not_yet_given_needs_no_reservation() -> None:
    text = edit(MD, RESERVATION_MD, "Indien het college instemt, zal de deelname worden opgezegd.")
    assert check(text) == []


def not_cancelling(decision: str) -> str:
    """The seed turned into a memo that cancels nothing, with ``decision`` as its point."""
    text = edit(MD, "1. Deelname aan de City deal Slim Maatwerk niet te verlengen.", decision)
    text = edit(
        text,
        "Het voorstel is om als Zwolle niet mee te doen aan de verlenging",
        "Het voorstel is om als Zwolle mee te doen aan de verlenging",
    )
    text = edit(text, "Door niet te verlengen wordt", "Daardoor wordt")
    return edit(text, DEADLINE_MD, ".")


@pytest.mark.parametrize(
    "decision",
    [
        "1. Kennis te nemen van de raadsinformatiebrief Voortgang beëindiging "
        "samenwerkingsovereenkomst Binckhorst (RIS316611).",
        "1. Kennis te nemen van de brief ‘Beëindiging subsidie Stichting X’ van 3 maart 2024.",
        "1. In te stemmen met het voorstel inzake beëindiging van de regeling.",
        "1. Tankstations aan te wijzen voor zover de activiteiten niet zijn beëindigd.",
    ],
)
def test_what_another_document_or_a_condition_says_ends_nothing(decision: str) -> None:
    assert check(not_cancelling(decision)) == []


def test_a_cancelling_decision_still_fires() -> None:
    text = not_cancelling("1. De samenwerkingsovereenkomst Binckhorst te beëindigen.")
    assert check(text) == [("ML601", line_of(text, "te beëindigen"))]


def test_the_text_of_an_adopted_regulation_ends_nothing() -> None:
    decision = (
        "1. De verordening tot wijziging vast te stellen:\n\nArtikel I\n\n"
        "De subsidie wordt beëindigd wanneer de activiteit stopt."
    )
    assert check(not_cancelling(decision)) == []


def test_a_future_condition_is_no_notice_given() -> None:
    # "geldt tot … is opgezegd" says when it ends, not that notice was given.
    text = edit(MD, RESERVATION_MD, "De overeenkomst geldt tot deze is opgezegd.")
    assert check(text) == []
    given = edit(MD, RESERVATION_MD, "De overeenkomst is inmiddels opgezegd.")
    assert check(given) == [("ML603", line_of(given, "De overeenkomst is inmiddels"))]


# The date reader's forms (issue 13): "1-4-24" and "per 1 april a.s." state the deadline.


@pytest.mark.parametrize(
    "deadline",
    [", mits vóór 1-4-24 is afgemeld.", ". De deelname eindigt per 1 april a.s."],
)
def test_deadline_in_short_and_relative_forms(deadline: str) -> None:
    assert check(edit(MD, DEADLINE_MD, deadline)) == []


def test_a_plain_per_date_is_no_deadline() -> None:
    text = edit(MD, DEADLINE_MD, ". De deelname eindigt per 1 april.")
    assert check(text) == [("ML601", line_of(text, "niet te verlengen."))]


def test_coming_date_is_next_year_once_this_years_has_passed() -> None:
    # "vóór 1 april a.s." written on 1 May means 1 April of next year: not passed.
    text = dated(
        edit(edit(MD, DONE_MD, ""), DEADLINE_MD, ", mits vóór 1 april a.s. is afgemeld."),
        "2024-05-01",
    )
    assert check(text) == []
    text = dated(
        edit(edit(MD, DONE_MD, ""), DEADLINE_MD, ", mits vóór 1 april is afgemeld."), "2024-05-01"
    )
    assert check(text) == [("ML602", line_of(text, "1 april is afgemeld"))]


def test_year_0000_deadline_is_ml704_not_an_internal_error() -> None:
    text = dated(edit(MD, DEADLINE_MD, ", mits vóór 1 april 0000 is afgemeld."), "2024-05-01")
    found = lint(text, select=[*CODES, "ML001", "ML704"])
    assert found == [("ML704", line_of(text, "1 april 0000"))]


def test_passed_deadline_message_says_which_reference_date_was_used() -> None:
    from helpers import violations

    text = edit(MD, DONE_MD, "")
    [found] = violations(text, today="2024-04-02", select=["ML602"])
    assert "de peildatum 2024-04-02 (--today; het memo heeft geen leesbare datum)" in found.message
    [found] = violations(dated(text, "2024-04-02"), select=["ML602"])
    assert "de datum van het memo (2024-04-02)" in found.message
