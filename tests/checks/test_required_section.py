"""required-section: every section in ``sections`` is present, under its title or an alias."""

from __future__ import annotations

from helpers import run_kind

TWO = {"sections": ["samenvatting", "kader"]}


def check(
    text: str, options: dict[str, list[str]] = TWO, path: str = "memo.md"
) -> list[tuple[str | None, int]]:
    return run_kind("required-section", options, text, path)


def test_all_sections_present_is_silent() -> None:
    assert check("# Samenvatting\n\nDe kern.\n\n# Kader\n\nDe Woo.\n") == []


def test_an_alias_counts_as_the_section() -> None:
    assert check("# Korte samenvatting\n\nDe kern.\n\n# Beleidskader\n\nDe Woo.\n") == []


def test_each_missing_section_fires_once_at_the_first_line() -> None:
    assert check("# Samenvatting\n\nDe kern.\n") == [(None, 1)]
    assert check("Intro.\n\n# Overig\n\nTekst.\n") == [(None, 1), (None, 1)]


def test_only_the_listed_sections_are_required() -> None:
    assert check("# Samenvatting\n\nDe kern.\n", {"sections": ["samenvatting"]}) == []


def test_a_section_name_inside_a_sentence_is_no_heading() -> None:
    assert check("Het kader\nDe Woo.\n", {"sections": ["kader"]}, "memo.txt") == [(None, 1)]
    assert check("Kader\nDe Woo.\n", {"sections": ["kader"]}, "memo.txt") == []
