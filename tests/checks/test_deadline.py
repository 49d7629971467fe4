"""deadline: with its cancellation ``vocabulary``, ``stated`` (a cancellation names a
deadline), ``passed`` (that deadline is not before the memo date unless notice was given) and
``reservation`` (notice given says "onder voorbehoud")."""

from __future__ import annotations

from typing import Any

from helpers import run_kind

VOCABULARY: dict[str, Any] = {
    "trigger_scopes": ["ontwerp-besluit"],
    "triggers": r"(?i)\bniet te verlengen\b",
    "deadline_cue": r"(?i)\b(vóór|uiterlijk)\s*$",
    "deadline_fields": ["Fatale termijn"],
    "period": r"(?i)\bopzegtermijn van \d+ maanden\b",
    "done": r"(?i)\bis opgezegd\b",
    "not_done": r"(?i)\b(mits|moet)\b",
    "reservation": r"(?i)\bonder voorbehoud\b",
}
DECISION = "---\ndatum: 2024-03-01\n---\n# Ontwerp besluit\n\nHet college besluit:\n\n1. "
IN_TIME = "Het contract niet te verlengen en vóór 1 april 2024 op te zeggen.\n"
TOO_LATE = "Het contract niet te verlengen en vóór 1 februari 2024 op te zeggen.\n"
DONE = "\nHet contract is opgezegd.\n"


def check(aspect: str, text: str) -> list[tuple[str | None, int]]:
    return run_kind("deadline", {"aspect": aspect, "vocabulary": VOCABULARY}, text)


def test_stated_fires_on_a_cancellation_without_a_deadline() -> None:
    assert check("stated", DECISION + "Het contract niet te verlengen.\n") == [(None, 8)]


def test_stated_is_silent_on_a_date_a_period_or_a_deadline_field() -> None:
    assert check("stated", DECISION + IN_TIME) == []
    period = "Het contract niet te verlengen, met een opzegtermijn van 3 maanden.\n"
    assert check("stated", DECISION + period) == []
    field = "Het contract niet te verlengen.\n\nFatale termijn: 1 april 2024\n"
    assert check("stated", DECISION + field) == []


def test_stated_looks_for_triggers_in_the_trigger_scopes_only() -> None:
    assert check("stated", DECISION + "Het contract te verlengen.\n") == []
    summary = "---\ndatum: 2024-03-01\n---\n# Samenvatting\n\nHet contract niet te verlengen.\n"
    assert check("stated", summary) == []


def test_passed_fires_on_a_deadline_before_the_memo_date_unless_notice_was_given() -> None:
    assert check("passed", DECISION + TOO_LATE) == [(None, 8)]
    assert check("passed", DECISION + IN_TIME) == []
    assert check("passed", DECISION + TOO_LATE + DONE) == []


def test_reservation_fires_on_notice_given_without_reservation() -> None:
    assert check("reservation", DECISION + TOO_LATE + DONE) == [(None, 10)]
    reserved = "\nHet contract is opgezegd onder voorbehoud van het besluit.\n"
    assert check("reservation", DECISION + TOO_LATE + reserved) == []
    assert check("reservation", DECISION + IN_TIME) == []
