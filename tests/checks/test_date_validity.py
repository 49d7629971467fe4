"""date-validity (ML704): impossible dates anywhere in the memo text."""

from __future__ import annotations

import pytest

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("date-validity", {}, text, path)


def with_date(date_text: str) -> str:
    return edit(TXT, "Wanneer de City deal", f"Per {date_text} stopt het. Wanneer de City deal")


def test_seed_dates_are_real() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


@pytest.mark.parametrize(
    "date_text",
    ["31-02-2022", "32 mei", "29-02-2023", "31 juni 2024", "0 april", "15-13-2024", "2024-02-30"],
)
def test_impossible_date(date_text: str) -> None:
    text = with_date(date_text)
    assert check(text, "memo.txt") == [(None, line_of(text, date_text))]


@pytest.mark.parametrize(
    "date_text", ["29-02-2024", "29 februari", "31 december 2024", "1 april", "2024-02-29"]
)
def test_real_date(date_text: str) -> None:
    assert check(with_date(date_text), "memo.txt") == []


def test_version_and_budget_numbers_are_no_dates() -> None:
    text = edit(TXT, "Budgetnummer N.v.t.", "Budgetnummer 31.02.2022.1")
    text = edit(text, "Betreft doel 9.1.3", "Betreft doel 99.13.3")
    assert check(text, "memo.txt") == []
