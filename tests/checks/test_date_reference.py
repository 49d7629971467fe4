"""date-reference (ML402): dates in Kader are real and not after the memo's date."""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(
    text: str, path: str = "memo.md", today: str = "2024-03-01"
) -> list[tuple[str | None, int]]:
    return run_kind("date-reference", {"scope": "kader"}, text, path, today=today)


def kader(date_text: str, memo_date: str | None = None) -> str:
    text = edit(MD, "Collegevoorstel 31-05-2022", f"Collegevoorstel {date_text}")
    if memo_date:
        text = edit(text, "gemeente: Zwolle\n", f"gemeente: Zwolle\ndatum: {memo_date}\n")
    return text


def test_seed_decision_lies_before_the_memo() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_decision_after_the_memo_date() -> None:
    text = kader("31-05-2024", memo_date="2024-03-01")
    assert check(text) == [(None, line_of(text, "31-05-2024"))]


def test_decision_on_the_memo_date_is_fine() -> None:
    assert check(kader("1 maart 2024", memo_date="2024-03-01")) == []


def test_memo_date_from_a_datum_line_beats_today() -> None:
    text = edit(TXT, " Samenvatting \n", "Datum: 1 juni 2022 \n \n Samenvatting \n")
    assert check(text, "memo.txt", today="2030-01-01") == []
    text = edit(TXT, " Samenvatting \n", "Datum: d.d. 13 april 2021 \n \n Samenvatting \n")
    assert check(text, "memo.txt", today="2030-01-01") == [(None, line_of(text, "31-05-2022"))]


def test_impossible_date_is_left_to_ml704() -> None:
    text = kader("31-02-2022")
    assert check(text) == []


def test_dates_outside_kader_are_not_judged_here() -> None:
    text = edit(
        MD, "Wanneer de City deal", "Op 1 januari 2030 begint iets nieuws. Wanneer de City deal"
    )
    assert check(text) == []
