"""decision-numbering (ML502): decision points are numbered 1..n without gaps or repeats."""

from __future__ import annotations

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
POINT = "1. Deelname aan de City deal Slim Maatwerk niet te verlengen."


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML502"])


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
    assert check(text) == [("ML502", line_of(text, "3. Punt"))]


def test_repeat() -> None:
    text = points("1.", "2.", "2.")
    assert check(text) == [("ML502", line_of(text, "2. Punt 3"))]


def test_not_starting_at_one() -> None:
    text = points("2.", "3.")
    assert check(text) == [("ML502", line_of(text, "2. Punt"))]


def test_only_the_first_break_is_reported() -> None:
    text = points("1.", "3.", "5.")
    assert check(text) == [("ML502", line_of(text, "3. Punt"))]


def test_numbered_lines_in_other_sections_do_not_count() -> None:
    text = edit(MD, "Wanneer de City deal niet verlengd", "7. Wanneer de City deal niet verlengd")
    assert check(text) == []
