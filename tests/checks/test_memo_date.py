"""memo-date: the memo's own date is there but unreadable ("2o25") or a placeholder
("dd-mm-jjjj", "[invullen]"). The kind has no options."""

from __future__ import annotations

import pytest

from helpers import run_kind

BODY = "# Samenvatting\n\nDe kern.\n"


def check(text: str) -> list[tuple[str | None, int]]:
    return run_kind("memo-date", {}, text)


@pytest.mark.parametrize(
    "text",
    [f"---\ndatum: 2025-06-24\n---\n{BODY}", f"Datum: 24 juni 2025\n\n{BODY}", BODY],
    ids=["front-matter", "header-field", "no-date-at-all"],
)
def test_a_readable_or_absent_date_is_silent(text: str) -> None:
    assert check(text) == []


def test_an_unreadable_date_fires_at_its_line() -> None:
    assert check(f"---\ndatum: 24 juni 2o25\n---\n{BODY}") == [(None, 2)]


@pytest.mark.parametrize(
    ("text", "line"),
    [(f"---\ndatum: dd-mm-jjjj\n---\n{BODY}", 2), (f"Datum: [invullen]\n\n{BODY}", 1)],
)
def test_a_placeholder_fires(text: str, line: int) -> None:
    assert check(text) == [("placeholder", line)]
