"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_memo_date.py.

memo-date: ML705, the memo's own date is present but unreadable or a placeholder.

An impossible memo date is ML704 (front matter included), never ML001 (issue 10 point 13).
"""

from __future__ import annotations

import json

import pytest

from helpers import edit, line_of, lint, seed_md, seed_txt, violations

MD, TXT = seed_md(), seed_txt()
CODES = ["ML001", "ML704", "ML705"]


def front(value: str) -> str:
    return edit(MD, "gemeente: Zwolle\n", f"gemeente: Zwolle\ndatum: {value}\n")


def header(value: str) -> str:
    return edit(TXT, " Samenvatting \n", f"Datum: {value} \n \n Samenvatting \n")


@pytest.mark.parametrize(
    "value", ["2025-06-24", "24 juni 2025", "dinsdag 24 juni 2025", "24-06-2025"]
)
def test_readable_memo_date_is_silent(value: str) -> None:
    assert lint(front(value), select=CODES) == []
    assert lint(header(value), "memo.txt", select=CODES) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("24 juni 2o25", "ML705"),  # letter o
        ("24 juni", "ML705"),  # no year
        ("onbekend", "ML705"),
        ("[invullen]", "ML705"),
        ("dd-mm-jjjj", "ML705"),
        ("''", "ML705"),
        ("2023-02-29", "ML704"),
        ("2027-02-30", "ML704"),
        ("0000-01-01", "ML704"),
        ("31-04-2025", "ML704"),
    ],
)
def test_front_matter_date(value: str, code: str) -> None:
    assert lint(front(value), select=CODES) == [(code, 5)]


@pytest.mark.parametrize(
    ("value", "code"),
    [("24 juni 2o25", "ML705"), ("[invullen]", "ML705"), ("30 februari 2025", "ML704")],
)
def test_header_date(value: str, code: str) -> None:
    text = header(value)
    assert lint(text, "memo.txt", select=CODES) == [(code, line_of(text, "Datum:"))]


def test_a_datum_field_that_holds_no_date_attempt_is_another_field() -> None:
    # Almere's "Datum PM" read by a pack that does not know that field: not a memo date.
    assert lint(header("PM"), "memo.txt", select=CODES) == []


def test_impossible_front_matter_date_keeps_the_other_findings() -> None:
    text = edit(front("2023-02-29"), "## Kader", "## Kaderr")
    codes = {code for code, _ in lint(text)}
    assert "ML704" in codes and "ML001" not in codes and "ML105" in codes


def test_message_names_the_reference_date_used() -> None:
    [found] = violations(front("24 juni 2o25"), today="2026-01-05", select=["ML705"])
    assert found.message == (
        "De datum van het memo ('24 juni 2o25') is niet te lezen; de termijnregels gebruiken nu "
        "de peildatum 2026-01-05 (--today; het memo heeft geen leesbare datum)."
    )


@pytest.mark.parametrize(
    ("value", "today", "expected"),
    [
        ("2025-06-24", None, ("2025-06-24", "memo")),
        ("24 juni 2o25", "2026-01-05", ("2026-01-05", "option")),
    ],
)
def test_json_report_names_the_reference_date(
    value: str, today: str | None, expected: tuple[str, str], tmp_path: object
) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from memo_lint.cli import main

    folder = Path(str(tmp_path))
    (folder / "memo.md").write_text(front(value), encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(folder / "memo.md")]
    if today:
        args += ["--today", today]
    result = CliRunner().invoke(main, args)
    [file] = json.loads(result.output)["files"]
    assert (file["reference_date"], file["reference_date_source"]) == expected


@pytest.mark.parametrize("value", ["14070", "RIS321716", ":"])
def test_a_header_datum_that_holds_no_date_attempt_is_silent(value: str) -> None:
    # Den Haag's stacked headers hand "Datum" a phone number, a reference or nothing.
    assert lint(header(value), "memo.txt", select=CODES) == []
