"""heading-typo: a heading that is a near miss of one of the pack's section names (the kind
has no options; the section names come from the pack, here the default one)."""

from __future__ import annotations

from helpers import run_kind


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("heading-typo", {}, text, path)


def test_a_misspelt_heading_fires() -> None:
    assert check("# Inleiding\n\nTekst.\n\n# Samenvating\n\nDe kern.\n") == [(None, 5)]
    assert check("# Finacien\n\nDe kosten.\n") == [(None, 1)]


def test_a_heading_spelt_right_is_silent() -> None:
    assert check("# Samenvatting\n\nDe kern.\n") == []


def test_an_alias_without_diacritics_is_no_typo() -> None:
    assert check("# Financien\n\nDe kosten.\n") == []


def test_a_heading_far_from_every_section_name_is_silent() -> None:
    assert check("# Planning van de werkgroepen\n\nIn 2024.\n") == []


def test_in_plain_text_a_sentence_is_no_heading() -> None:
    assert check("Samenvating\nDe kern.\n", "memo.txt") == [(None, 1)]
    assert check("Samenvating.\nDe kern.\n", "memo.txt") == []
