"""Golden CLI scenarios (Spectral's ``.scenario`` files): command, exit status, exact stdout.

Each ``*.scenario`` file in this folder is one run of the CLI from the repository root:

    ====command====
    check examples/broken --format concise
    ====status====
    1
    ====stdout====
    …exact output…

A change of any report format shows up as a diff of these files. After a deliberate change,
regenerate them with ``MEMO_LINT_UPDATE_SCENARIOS=1 python -m pytest tests/scenarios`` and
review the diff before committing.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from memo_lint.cli import main

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SECTION = re.compile(r"^====(command|status|stdout)====\n", re.MULTILINE)
UPDATE = os.environ.get("MEMO_LINT_UPDATE_SCENARIOS") == "1"


def _parse(text: str) -> dict[str, str]:
    parts = SECTION.split(text)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _render(command: str, status: int, stdout: str) -> str:
    return f"====command====\n{command}\n====status====\n{status}\n====stdout====\n{stdout}"


@pytest.mark.parametrize("scenario", sorted(HERE.glob("*.scenario")), ids=lambda p: p.stem)
def test_scenario(scenario: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    spec = _parse(scenario.read_text("utf-8"))
    command = spec["command"].strip()
    result = CliRunner().invoke(main, shlex.split(command), catch_exceptions=False)
    if UPDATE:
        scenario.write_text(_render(command, result.exit_code, result.stdout), "utf-8")
        return
    assert result.stdout == spec["stdout"]
    assert result.exit_code == int(spec["status"].strip())


def test_every_check_scenario_pins_its_reference_date() -> None:
    """A golden output that holds only on the day it was recorded fails CI the next day."""
    unpinned = [
        path.name
        for path in HERE.glob("*.scenario")
        if (words := shlex.split(_parse(path.read_text("utf-8"))["command"]))[0] == "check"
        and "--today" not in words
    ]
    assert not unpinned, f"add --today YYYY-MM-DD to: {unpinned}"


def test_every_format_has_a_scenario() -> None:
    from memo_lint.cli import FORMATS

    covered = {
        word.split("=")[-1]
        for path in HERE.glob("*.scenario")
        for word in shlex.split(_parse(path.read_text("utf-8"))["command"])
    }
    assert set(FORMATS) - {"text"} <= covered


def test_sarif_of_a_real_run_validates_against_the_official_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed, its renditions and the broken examples, through the CLI, into SARIF 2.1.0."""
    import json

    import jsonschema

    schema_path = REPO.parent / "shared" / "schemas-external" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"the official SARIF schema is not at {schema_path}")
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "run.sarif"
    result = CliRunner().invoke(
        main,
        [
            "check",
            "examples",
            "tests/fixtures/docx/seed-broken.docx",
            "--report",
            f"sarif:{out}",
            "--format",
            "concise",
        ],
    )
    assert result.exit_code == 1
    sarif = json.loads(out.read_text("utf-8"))
    schema = json.loads(schema_path.read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == result.stdout.count(": ML")
    assert {r["ruleId"] for r in results} >= {"ML202", "ML301", "ML601", "ML701", "ML704"}
