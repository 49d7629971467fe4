from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for

# ../shared next to the repository root; CI checks the repository out beside it.
OFFICIAL_SCHEMA = (
    Path(__file__).resolve().parents[2].parent / "shared/schemas-external/sarif-schema-2.1.0.json"
)


@pytest.fixture(scope="module")
def validator() -> Any:
    if not OFFICIAL_SCHEMA.is_file():
        pytest.skip(f"official SARIF 2.1.0 schema not found at {OFFICIAL_SCHEMA}")
    schema = json.loads(OFFICIAL_SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def render(report: LintReport) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(reporter_for("sarif")(report, RenderOptions()))
    return data


def errors(validator: Any, data: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_validates_against_official_schema(report: LintReport, validator: Any) -> None:
    assert errors(validator, render(report)) == []


def test_unreadable_and_clean_runs_validate(
    report: LintReport, unreadable_report: LintReport, validator: Any
) -> None:
    data = render(unreadable_report)
    assert errors(validator, data) == []
    location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///tmp/kapot.docx"}
    for memo in report.files:
        memo.violations = []
    clean = render(report)
    assert errors(validator, clean) == []
    assert clean["runs"][0]["results"] == []
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True, "exitCode": 0}]


def test_schema_is_strict_enough_to_catch_a_broken_log(report: LintReport, validator: Any) -> None:
    data = render(report)
    data["runs"][0]["results"][0]["level"] = "fatal"
    data["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(errors(validator, data)) == 2


def test_driver_rules_and_results(report: LintReport) -> None:
    run = render(report)["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("memo-lint", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [
        "ML101",
        "ML102",
        "ML105",
        "ML301",
        "ML502",
        "ML701",
        "ML704",
    ]
    ml101 = rules[0]
    assert ml101["name"] == "required-section"
    assert ml101["fullDescription"]["text"] == "A college decides on complete memos only."
    assert ml101["help"]["text"] == "Add the section with its heading as in the template."
    assert "helpUri" not in ml101  # rules have no published page to link yet
    assert rules[2]["defaultConfiguration"]["level"] == "note"  # info
    for found in run["results"]:
        assert rules[found["ruleIndex"]]["id"] == found["ruleId"]
    multi_line = run["results"][2]
    assert multi_line["level"] == "warning"
    assert multi_line["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 6,
        "startColumn": 1,
        "endLine": 7,
        "endColumn": 26,
    }
    pdf = run["results"][5]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert pdf == {"uri": "memos/raadsvoorstel%2C%20versie%202.pdf", "uriBaseId": "%SRCROOT%"}
    assert run["results"][5]["properties"] == {"page": 2}
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def test_rule_missing_from_pack_is_synthesised(unreadable_report: LintReport) -> None:
    run = render(unreadable_report)["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["id"] == "ML001"
    assert run["tool"]["driver"]["rules"][0]["name"] == "unreadable-file"
    assert run["results"][0]["ruleIndex"] == 0
