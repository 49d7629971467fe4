from __future__ import annotations

import json

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for


def test_one_object_per_violation_same_as_json_report(report: LintReport) -> None:
    output = reporter_for("json-lines")(report, RenderOptions())
    lines = output.splitlines()
    whole = json.loads(reporter_for("json")(report, RenderOptions()))
    assert output.endswith("\n")
    assert [json.loads(line) for line in lines] == whole["violations"]


def test_clean_run_prints_nothing(report: LintReport) -> None:
    for memo in report.files:
        memo.violations = []
    assert reporter_for("json-lines")(report, RenderOptions()) == ""
