"""Every rule fixture produces exactly what tests/fixtures/rules/expected.yaml lists; the seed
and its Markdown rendition stay clean; and every rule of every pack has a firing fixture and
stays silent on the seed (the meta-test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import RULE_FIXTURES, SEED_MD, SEED_TXT, Finding, seed_md, seed_txt, violations
from memo_lint import packs
from memo_lint.api import LintOptions, lint_paths
from memo_lint.model import Severity

EXPECTED: dict[str, Any] = yaml.safe_load((RULE_FIXTURES / "expected.yaml").read_text("utf-8"))
TODAY: dt.date = EXPECTED["today"]
# A fixture maps to its [code, line] list, or to {pack: NAME, findings: [...]} when it is
# linted with another pack than the default.
FIXTURES: dict[str, Any] = EXPECTED["fixtures"]
PACK_FILES = sorted(packs.BUILTIN_DIR.glob("*.yaml"))


def pack_of(name: str) -> str | None:
    entry = FIXTURES[name]
    return str(entry["pack"]) if isinstance(entry, dict) else None


def lint_fixture(name: str) -> list[Finding]:
    options = LintOptions(pack=pack_of(name), today=TODAY, use_cache=False)
    report = lint_paths([RULE_FIXTURES / name], options)
    return [(v.code, v.span.line) for file in report.files for v in file.violations]


def expected(name: str) -> list[Finding]:
    entry = FIXTURES[name]
    findings = entry.get("findings") if isinstance(entry, dict) else entry
    return [(str(code), int(line)) for code, line in findings or []]


def test_expected_yaml_lists_every_fixture_file() -> None:
    on_disk = {p.name for p in RULE_FIXTURES.iterdir() if p.name != "expected.yaml"}
    assert on_disk == set(FIXTURES)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture(name: str) -> None:
    assert lint_fixture(name) == expected(name)


@pytest.mark.parametrize("name", sorted(n for n in FIXTURES if n.startswith("ML")))
def test_fixture_fires_the_code_in_its_name(name: str) -> None:
    code = name.split("-", 1)[0]
    assert code in {c for c, _ in expected(name)}


@pytest.mark.parametrize("name", sorted(n for n in FIXTURES if n.startswith("clean-")))
def test_clean_fixture_is_silent(name: str) -> None:
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
    return {code for name in FIXTURES for code, _ in expected(name)}


@pytest.mark.parametrize("pack_file", PACK_FILES, ids=[p.stem for p in PACK_FILES])
def test_every_rule_has_a_firing_and_a_silent_fixture(pack_file: Path) -> None:
    """Meta-test: a rule without a fixture where it fires, or that is not silent on the seed
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
        f"rules of {pack_file.name} without a firing fixture: add a broken memo to "
        "tests/fixtures/rules/ and list it in expected.yaml (as {pack: NAME, findings: [...]} "
        "when it needs another pack than the default)"
    )
    assert [c for c in codes if c in noisy_on_seed] == [], "rules that fire on the seed"
