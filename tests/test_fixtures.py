"""Every rule case in tests/fixtures/rules/cases.yaml produces exactly the findings it lists
(code, line, column, variant); the seed and its Markdown rendition stay clean; and every rule
of every pack has a firing case and stays silent on the seed (the meta-test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from helpers import (
    RULE_FIXTURES,
    SEED_MD,
    SEED_TXT,
    case_bytes,
    rule_cases,
    seed_md,
    seed_txt,
    violations,
)
from memo_lint import packs
from memo_lint.api import LintOptions, lint_paths
from memo_lint.model import Severity

CASES_FILE: dict[str, Any] = rule_cases()
TODAY: dt.date = CASES_FILE["today"]
CASES: dict[str, Any] = CASES_FILE["cases"]
PACK_FILES = sorted(packs.BUILTIN_DIR.glob("*.yaml"))

FullFinding = tuple[Any, ...]  # (code, line, column) or (code, line, column, variant)


def lint_case(name: str, folder: Path) -> list[FullFinding]:
    """Lint the case as a file on disk, the way a user's memo is linted."""
    path = folder / name
    path.write_bytes(case_bytes(CASES[name]))
    options = LintOptions(pack=CASES[name].get("pack"), today=TODAY, use_cache=False)
    report = lint_paths([path], options)
    return [
        (v.code, v.span.line, v.span.column, *([v.variant] if v.variant else []))
        for file in report.files
        for v in file.violations
    ]


def expected(name: str) -> list[FullFinding]:
    return [tuple(finding) for finding in CASES[name]["findings"]]


def test_every_file_in_the_folder_is_a_case() -> None:
    """Only memos that cannot be edits of a base keep a file of their own."""
    on_disk = {p.name for p in RULE_FIXTURES.iterdir() if p.name != "cases.yaml"}
    assert on_disk == {case["file"] for case in CASES.values() if "file" in case}


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str, tmp_path: Path) -> None:
    assert lint_case(name, tmp_path) == expected(name)


@pytest.mark.parametrize("name", sorted(n for n in CASES if "edits" in CASES[n]))
def test_an_edited_case_differs_from_its_base(name: str) -> None:
    edits = CASES[name]["edits"]
    assert edits and all(change["replace"] != change["with"] for change in edits)


@pytest.mark.parametrize("name", sorted(n for n in CASES if n.startswith("ML")))
def test_case_fires_the_code_in_its_name(name: str) -> None:
    code = name.split("-", 1)[0]
    assert code in {finding[0] for finding in expected(name)}


@pytest.mark.parametrize("name", sorted(n for n in CASES if n.startswith("clean-")))
def test_clean_case_is_silent(name: str) -> None:
    assert expected(name) == []


@pytest.mark.parametrize(
    ("text", "path"), [(seed_txt(), SEED_TXT.name), (seed_md(), SEED_MD.name)], ids=["txt", "md"]
)
@pytest.mark.parametrize("today", [None, "2024-03-01", "2024-04-02", "2026-11-28"])
def test_seed_and_rendition_are_clean(text: str, path: str, today: str | None) -> None:
    found = violations(text, path, today=today)
    assert [v for v in found if v.severity is Severity.ERROR] == []
    # No warning either: each one would have to be defended to the memo's author.
    assert found == []


def test_seed_files_lint_clean_from_disk() -> None:
    report = lint_paths([SEED_TXT, SEED_MD], LintOptions(today=TODAY, use_cache=False))
    assert [len(f.violations) for f in report.files] == [0, 0]


def _rule_codes(pack_file: Path) -> list[str]:
    return [rule.code for rule in packs.load(str(pack_file), None).rules]


def _firing_codes() -> set[str]:
    return {finding[0] for name in CASES for finding in expected(name)}


@pytest.mark.parametrize("pack_file", PACK_FILES, ids=[p.stem for p in PACK_FILES])
def test_every_rule_has_a_firing_and_a_silent_fixture(pack_file: Path) -> None:
    """Meta-test: a rule without a case where it fires, or that is not silent on the seed
    (txt and Markdown), is a rule nobody has seen work."""
    firing = _firing_codes()
    noisy_on_seed = {
        v.code
        for text, path in ((seed_txt(), SEED_TXT.name), (seed_md(), SEED_MD.name))
        for v in violations(text, path, today=str(TODAY))
    }
    codes = _rule_codes(pack_file)
    assert codes, f"{pack_file.name} has no rules"
    assert [c for c in codes if c not in firing] == [], (
        f"rules of {pack_file.name} without a firing case: add one to "
        "tests/fixtures/rules/cases.yaml (a base memo, edits, the findings; 'pack: NAME' when "
        "it needs another pack than the default)"
    )
    assert [c for c in codes if c in noisy_on_seed] == [], "rules that fire on the seed"
