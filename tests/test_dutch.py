"""Dutch dates and amounts as memos write them (src/memo_lint/dutch.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from memo_lint.dutch import (
    AMOUNT,
    find_dates,
    format_date,
    is_valid,
    normalise,
    parse_amount,
    read_date,
)


def dates(text: str) -> list[tuple[str, int, int, int | None]]:
    """(matched text, day, month, year) of every date in ``text``."""
    return [(text[d.start : d.end], d.day, d.month, d.year) for d in find_dates(text)]


def amounts(text: str) -> list[tuple[str, float]]:
    return [(m[0], parse_amount(m)) for m in AMOUNT.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mits voor 1 april is afgemeld", [("1 april", 1, 4, None)]),
        ("Deze wordt per 1 juli 2024 verlengd", [("1 juli 2024", 1, 7, 2024)]),
        ("Collegevoorstel 31-05-2022: Deelname", [("31-05-2022", 31, 5, 2022)]),
        ("besluit d.d. 13 april 2021", [("13 april 2021", 13, 4, 2021)]),
        ("vóór 1 april 2024", [("1 april 2024", 1, 4, 2024)]),
        ("uiterlijk 31-03-2024", [("31-03-2024", 31, 3, 2024)]),
        ("op 1/2/2023", [("1/2/2023", 1, 2, 2023)]),
        ("op 01.02.2023", [("01.02.2023", 1, 2, 2023)]),
        ("datum: 2024-03-01", [("2024-03-01", 1, 3, 2024)]),
        ("3 sept. 2023 en 4 okt", [("3 sept. 2023", 3, 9, 2023), ("4 okt", 4, 10, None)]),
        ("1 APRIL 2024", [("1 APRIL 2024", 1, 4, 2024)]),
    ],
)
def test_date_phrases(text: str, expected: list[tuple[str, int, int, int | None]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "doel 9.1.3 We bouwen",  # a budget line number
        "in 2022/2023 het project",  # a school year
        "1 dag per maand",
        "2 jaar deelnemen",
        "versie 1.2.2024.3",
        "mei 2024",  # month and year without a day
        "12 meiboom",  # a month name inside a word
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_impossible_dates_are_found_and_invalid() -> None:
    found = list(find_dates("op 31-02-2022 of 32 mei"))
    assert [(d.day, d.month, d.year) for d in found] == [(31, 2, 2022), (32, 5, None)]
    assert [is_valid(d.day, d.month, d.year) for d in found] == [False, False]


@pytest.mark.parametrize(
    ("day", "month", "year", "valid"),
    [
        (29, 2, 2024, True),
        (29, 2, 2023, False),
        (29, 2, None, True),  # no year: 29 February may exist
        (31, 4, None, False),
        (31, 12, 2024, True),
        (0, 1, 2024, False),
        (1, 13, 2024, False),
    ],
)
def test_is_valid(day: int, month: int, year: int | None, valid: bool) -> None:
    assert is_valid(day, month, year) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De kosten zijn €9.000 excl. btw per jaar.", [("€9.000", 9000.0)]),
        ("een investering van € 2.400.000", [("€ 2.400.000", 2_400_000.0)]),
        ("subsidie € 106.707,- per jaar", [("€ 106.707,-", 106_707.0)]),
        ("€ 12,50 per uur", [("€ 12,50", 12.5)]),
        ("€ 3 miljoen", [("€ 3 miljoen", 3_000_000.0)]),
        ("EUR 1.250", [("EUR 1.250", 1250.0)]),
        ("€ 1.000,-- en €250", [("€ 1.000,--", 1000.0), ("€250", 250.0)]),
    ],
)
def test_amounts(text: str, expected: list[tuple[str, float]]) -> None:
    assert amounts(text) == expected


@pytest.mark.parametrize("text", ["9.1.3 We bouwen", "2 jaar", "artikel 5.1 Woo", "31-05-2022"])
def test_not_amounts(text: str) -> None:
    assert amounts(text) == []


def test_normalise_for_title_matching() -> None:
    assert normalise("  Risico’s  en\u00a0Kanttekeningen ") == "risico's en kanttekeningen"
    assert normalise("‘Financiën’") == "'financiën'"


# The one date reader (issue 13): numeric d-m-yy, "a.s."/"jl.", weekdays, ranges, ordinals.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("opzeggen vóór 1-4-24", [("1-4-24", 1, 4, 2024)]),
        ("op 01/04/24 ingediend", [("01/04/24", 1, 4, 2024)]),
        ("per 1 april a.s. beëindigen", [("1 april a.s.", 1, 4, None)]),
        ("op 3 mei jl. besloten", [("3 mei jl.", 3, 5, None)]),
        ("maandag 1 april 2024", [("1 april 2024", 1, 4, 2024)]),
        ("vóór 1e april", [("1e april", 1, 4, None)]),
        ("op 1 april '24", [("1 april '24", 1, 4, 2024)]),
        ("van 1 t/m 31 maart 2024", [("31 maart 2024", 31, 3, 2024), ("1", 1, 3, 2024)]),
        ("op 1 en 2 april", [("2 april", 2, 4, None), ("1", 1, 4, None)]),
        ("(29 juni-3 juli)", [("29 juni", 29, 6, None), ("3 juli", 3, 7, None)]),
        ("datum: 0000-01-01", [("0000-01-01", 1, 1, 0)]),
    ],
)
def test_more_date_forms(text: str, expected: list[tuple[str, int, int, int | None]]) -> None:
    assert dates(text) == expected


def test_relative_markers() -> None:
    upcoming, past = find_dates("1 april a.s. en 3 mei jl.")
    assert (upcoming.relative, past.relative) == ("upcoming", "past")


@pytest.mark.parametrize(
    "text", ["paragraaf 4.4.20", "versie 1.4.24", "12-345-67", "1-4-24-5", "pagina 13-14-15"]
)
def test_short_dates_need_a_date_shape(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(("year", "valid"), [(0, False), (1, True), (9999, True), (10000, False)])
def test_year_range(year: int, valid: bool) -> None:
    assert is_valid(1, 1, year) is valid


@pytest.mark.parametrize(
    ("value", "status", "date"),
    [
        ("24 juni 2025", "ok", dt.date(2025, 6, 24)),
        ("dinsdag 24 juni 2025", "ok", dt.date(2025, 6, 24)),
        ("d.d. 24-06-2025", "ok", dt.date(2025, 6, 24)),
        ("2025-06-24", "ok", dt.date(2025, 6, 24)),
        ("24 juni 2o25", "unreadable", None),  # letter o
        ("24 juni", "unreadable", None),  # no year
        ("24-06-2o25", "unreadable", None),
        ("2023-02-29", "impossible", None),
        ("0000-01-01", "impossible", None),
        ("[invullen]", "placeholder", None),
        ("<datum>", "placeholder", None),
        ("dd-mm-jjjj", "placeholder", None),
        ("xx-xx-xxxx", "placeholder", None),
        ("", "empty", None),
        ("PM", "none", None),  # "Datum PM" is another field, not a date
    ],
)
def test_read_date(value: str, status: str, date: dt.date | None) -> None:
    reading = read_date(value)
    assert (reading.status, reading.value) == (status, date)


def test_format_date() -> None:
    assert format_date(dt.date(2022, 5, 1)) == "1 mei 2022"
    assert format_date(dt.date(2022, 5, 1), "en") == "1 May 2022"


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("14070", "none"),
        ("RIS321716", "none"),
        ("23 juni ’26 Telefoon 14 075", "ok"),
        ("2o25", "unreadable"),
    ],
)
def test_read_date_tells_a_date_attempt_from_another_value(value: str, status: str) -> None:
    assert read_date(value).status == status
