"""legal-citation: parsed citations judged against the law table on the memo date;
``aspect: invalid`` (no such article/lid/point, not yet in force, no ground for what it is
cited for) or ``outdated`` (applied before the memo date, no longer). The law-table entries
themselves are tested in tests/test_citations.py and tests/packs/."""

from __future__ import annotations

from helpers import run_kind


def memo(date: str, citation: str) -> str:
    return f"---\ndatum: {date}\n---\n# Openbaarheid\n\nGeheim op grond van {citation}.\n"


WOO_GROUND = "artikel 87 Gemeentewet juncto artikel 5.1, tweede lid, onder b, Woo"
WOO_NO_ARTICLE = "artikel 87 Gemeentewet juncto artikel 10, tweede lid, onder b, Woo"
WOB_GROUND = "artikel 25 Gemeentewet juncto artikel 10, tweede lid, onder b, Wob"


def check(aspect: str, text: str) -> list[tuple[str | None, int]]:
    return run_kind("legal-citation", {"aspect": aspect}, text)


def test_a_valid_ground_is_silent_for_both_aspects() -> None:
    assert check("invalid", memo("2025-06-01", WOO_GROUND)) == []
    assert check("outdated", memo("2025-06-01", WOO_GROUND)) == []


def test_an_article_the_law_lacks_is_invalid() -> None:
    assert check("invalid", memo("2025-06-01", WOO_NO_ARTICLE)) == [(None, 6)]


def test_a_law_not_yet_in_force_on_the_memo_date_is_invalid() -> None:
    woo_only = "artikel 5.1, tweede lid, onder b, Woo"
    assert check("invalid", memo("2021-06-01", woo_only)) == [("law-not-yet", 6)]
    # Gemeentewet 87 is the secrecy article only from 1 April 2023 on.
    assert check("invalid", memo("2021-06-01", WOO_GROUND)) == [
        ("article-not-yet", 6),
        ("law-not-yet", 6),
    ]


def test_the_wob_is_outdated_after_it_was_replaced_only() -> None:
    assert check("outdated", memo("2021-06-01", WOB_GROUND)) == []
    # Both the Wob and Gemeentewet 25 (renumbered to 87 in 2023) are outdated.
    assert check("outdated", memo("2025-06-01", WOB_GROUND)) == [
        ("article-replaced", 6),
        (None, 6),
    ]
    assert check("invalid", memo("2021-06-01", WOB_GROUND)) == []
