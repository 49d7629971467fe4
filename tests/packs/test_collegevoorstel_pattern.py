"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_pattern.py.

pattern: text that must not (forbid) or must (require) appear, optionally from a date on.

Rules of this kind: ML701 (template placeholders). ML304 reads parsed citations now
(tests/packs/test_collegevoorstel_legal_citation.py); the dated entries stay for packs that
forbid words.
"""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
KADER_MD = "Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk\n"


def check(text: str, path: str = "memo.md", today: str | None = None) -> list[tuple[str, int]]:
    return lint(text, path, select=["ML701"], today=today)


def dated(text: str, iso_date: str) -> str:
    return edit(text, "gemeente: Zwolle\n", f"gemeente: Zwolle\ndatum: {iso_date}\n")


def with_kader_sentence(sentence: str) -> str:
    return edit(MD, KADER_MD, f"{KADER_MD}\n{sentence}\n")


def test_seed_is_silent() -> None:
    assert check(TXT, "seed.txt", today="2026-11-28") == []
    assert check(MD, today="2026-11-28") == []


# ML701: template placeholders


@pytest.mark.parametrize(
    "placeholder",
    [
        "[invullen]",
        "[ in te vullen ]",
        "XXX",
        "xx-xx-xxxx",
        "TODO",
        "<naam>",
        "Lorem ipsum",
        ".....",
        "_____",
    ],
)
def test_placeholder_fires(placeholder: str) -> None:
    text = edit(TXT, "geen vervolg nodig.", f"geen vervolg nodig. {placeholder}")
    assert check(text, "memo.txt", today="2024-03-01") == [("ML701", line_of(text, "geen vervolg"))]


@pytest.mark.parametrize("harmless", ["[1]", "x-as", "Todo-lijst", "…", "Budget XX"])
def test_lookalikes_are_silent(harmless: str) -> None:
    text = edit(TXT, "geen vervolg nodig.", f"geen vervolg nodig. {harmless}")
    assert check(text, "memo.txt", today="2024-03-01") == []


def test_placeholder_in_a_table_cell() -> None:
    text = edit(MD, "| Budgetnummer       | N.v.t.   ", "| Budgetnummer       | [invullen]")
    assert check(text, today="2024-03-01") == [("ML701", line_of(text, "[invullen]"))]


def test_roman_point_thirty_is_no_placeholder() -> None:
    from memo_lint.text import roman_value

    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    numerals += [f"X{n}" for n in numerals[:9]] + ["XX"] + [f"XX{n}" for n in numerals[:9]]
    numerals += ["XXX", "XXXI"]
    assert [roman_value(n) for n in numerals] == list(range(1, 32))
    points = "\n".join(f"{n}. Punt {roman_value(n)}." for n in numerals)
    text = edit(TXT, "1. Deelname aan de City deal", f"{points}\n1. Deelname aan de City deal")
    assert check(text, "memo.txt", today="2024-03-01") == []
    # "XXX." that continues no list is still a template's placeholder.
    alone = edit(TXT, "geen vervolg nodig.", "geen vervolg nodig.\nXXX. Nog in te vullen.")
    assert check(alone, "memo.txt", today="2024-03-01") == [("ML701", line_of(alone, "XXX."))]


def test_table_of_contents_leaders_are_no_placeholder() -> None:
    contents = "Inhoudsopgave\nInleiding ......................... 3\nBesluit ........... 16\n"
    text = edit(TXT, "Samenvatting \n", contents + "Samenvatting \n")
    assert check(text, "memo.txt", today="2024-03-01") == []
    blank = edit(TXT, "geen vervolg nodig.", "geen vervolg nodig. Datum: ..........")
    assert check(blank, "memo.txt", today="2024-03-01") == [("ML701", line_of(blank, "Datum:"))]
