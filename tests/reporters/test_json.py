from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import memo_lint
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for

SCHEMA = Path(memo_lint.__file__).parent / "schemas" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def render(report: LintReport) -> dict[str, object]:
    data: dict[str, object] = json.loads(reporter_for("json")(report, RenderOptions()))
    return data


def test_validates_against_report_schema(
    report: LintReport, validator: Draft202012Validator
) -> None:
    errors = list(validator.iter_errors(render(report)))
    assert errors == []


def test_clean_and_unreadable_runs_validate(
    report: LintReport, unreadable_report: LintReport, validator: Draft202012Validator
) -> None:
    for memo in report.files:
        memo.violations = []
    assert list(validator.iter_errors(render(report))) == []
    assert list(validator.iter_errors(render(unreadable_report))) == []


def test_schema_rejects_what_breaks_the_contract(
    report: LintReport, validator: Draft202012Validator
) -> None:
    data = render(report)
    violations = data["violations"]
    assert isinstance(violations, list)
    del violations[0]["column"]
    violations[1]["line"] = 0
    violations[2]["severity"] = "fatal"
    assert len(list(validator.iter_errors(data))) == 3


def test_contract_fields(report: LintReport) -> None:
    data = render(report)
    violations = data["violations"]
    assert isinstance(violations, list)
    assert [v["code"] for v in violations] == ["ML101", "ML301", "ML502", "ML701", "ML105", "ML704"]
    multi_line = violations[2]
    assert (multi_line["line"], multi_line["end_line"], multi_line["end_column"]) == (6, 7, 26)
    assert "hint" not in multi_line
    assert violations[5]["page"] == 2 and "page" not in violations[0]
    assert [{k: f[k] for k in ("path", "pack")} for f in data["files"]] == [
        {"path": "memos/city deal.md", "pack": "collegevoorstel"},
        {"path": "memos/raadsvoorstel, versie 2.pdf", "pack": "raadsvoorstel"},
    ]
    assert {"checked", "kind", "template", "confidence", "reason"} <= set(data["files"][0])
    assert data["summary"] == {
        "files": 2,
        "violations": 6,
        "by_severity": {"error": 3, "warning": 2, "info": 1},
        "fail_on": "error",
        "exit_code": 1,
    }


def test_keeps_dutch_characters_readable(report: LintReport) -> None:
    report.files[0].violations[0].message = "Financiële gevolgen ontbreekt"
    assert "Financiële" in reporter_for("json")(report, RenderOptions())
