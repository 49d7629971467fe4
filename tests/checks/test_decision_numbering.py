"""decision-numbering (ML502): decision points are numbered 1..n without gaps or repeats."""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
POINT = "1. Deelname aan de City deal Slim Maatwerk niet te verlengen."


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("decision-numbering", {}, text, path)


def points(*numbers: str) -> str:
    lines = [f"{n} Punt {i}." for i, n in enumerate(numbers, start=1)]
    return edit(MD, POINT, "\n".join(lines))


def test_seed_has_one_point() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_consecutive_points() -> None:
    assert check(points("1.", "2.", "3.")) == []


def test_gap() -> None:
    text = points("1.", "3.")
    assert check(text) == [(None, line_of(text, "3. Punt"))]


def test_repeat() -> None:
    text = points("1.", "2.", "2.")
    assert check(text) == [(None, line_of(text, "2. Punt 3"))]


def test_not_starting_at_one() -> None:
    text = points("2.", "3.")
    assert check(text) == [(None, line_of(text, "2. Punt"))]


def test_only_the_first_break_is_reported() -> None:
    text = points("1.", "3.", "5.")
    assert check(text) == [(None, line_of(text, "3. Punt"))]


def test_numbered_lines_in_other_sections_do_not_count() -> None:
    text = edit(MD, "Wanneer de City deal niet verlengd", "7. Wanneer de City deal niet verlengd")
    assert check(text) == []


def roman_points(count: int) -> str:
    from memo_lint.text import roman_value

    numerals = {roman_value(n): n for n in _ROMANS}
    return "\n".join(f"{numerals[i]}. Punt {i}." for i in range(1, count + 1))


_ROMANS = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
    "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
    "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI",
    "XXXVII", "XXXVIII", "XXXIX", "XL", "XLI",
]  # fmt: skip


def test_roman_points_past_thirty() -> None:
    text = edit(MD, POINT, roman_points(41))
    assert check(text) == []
    assert check(edit(text, "XXXVIII. Punt", "XL. Punt")) == [
        (None, line_of(text, "XXXVIII. Punt"))
    ]


def test_a_sub_list_restarting_at_one_is_nested() -> None:
    # Den Haag: "III. … als volgt te dekken: a. … c. Reserve …: I. Uitvoeringsprogramma …".
    body = "\n".join(
        [
            "I. Het voorontwerp vast te stellen;",
            "II. In te stemmen met de uitwerking;",
            "III. De kosten als volgt te dekken:",
            "a. Subsidie Rijk",
            "b. Reserve verbetering duurzame mobiliteit:",
            "I. Uitvoeringsprogramma Ruim baan voor de Fiets",
            "II. Programma No-Regret",
            "IV. Het college op te dragen de raad te informeren.",
        ]
    )
    assert check(edit(MD, POINT, body)) == []
    repeated = edit(MD, POINT, "1. Punt een.\n1. Punt twee.")
    assert check(repeated) == [(None, line_of(repeated, "1. Punt twee"))]


def test_list_letter_i_is_not_roman_one() -> None:
    body = "1. De kosten te dekken uit:\nG) reserve\nH) subsidie\nI) bijdrage derden\n2. Punt twee."
    assert check(edit(MD, POINT, body)) == []


def test_points_alone_on_their_line_and_page_numbers() -> None:
    body = (
        "1.\nHet voorontwerp vast te stellen;\n2.\nIn te stemmen met de uitwerking;\n3.\nTe melden."
    )
    assert check(edit(MD, POINT, body)) == []
    gap = edit(MD, POINT, "1.\nHet voorontwerp vast te stellen;\n3.\nIn te stemmen.")
    assert check(gap) == [(None, line_of(gap, "3."))]
    # A page number alone on a line before an unnumbered decision starts no list.
    page = edit(MD, POINT, "De verordening vast te stellen.\n\n4.\n\nDSO/10807490")
    assert check(page) == []


def test_a_regulation_adopted_by_the_decision_keeps_its_own_numbering() -> None:
    body = "\n".join(
        [
            "De verordening tot wijziging vast te stellen:",
            "Artikel I",
            "Aan artikel 2 wordt een derde lid toegevoegd, luidend:",
            "3. Als er sprake is van een overtreding …",
            "Artikel 6. Uitbetaling",
            "1. Het bestuursorgaan betaalt uit.",
        ]
    )
    assert check(edit(MD, POINT, body)) == []
