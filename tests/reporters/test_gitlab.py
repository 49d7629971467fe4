from __future__ import annotations

import json
import re
from typing import Any

from memo_lint.model import Span
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for


def render(report: LintReport) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(reporter_for("gitlab")(report, RenderOptions()))
    return issues


def test_documented_fields_present(report: LintReport) -> None:
    issues = render(report)
    assert len(issues) == len(report.violations)
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1


def test_severity_mapping(report: LintReport) -> None:
    mapped = {i["check_name"].split()[0]: i["severity"] for i in render(report)}
    assert mapped == {
        "ML101": "major",
        "ML301": "major",
        "ML704": "major",
        "ML502": "minor",
        "ML701": "minor",
        "ML105": "info",
    }


def test_fingerprints_stable_across_runs_and_distinct(report: LintReport) -> None:
    first = [i["fingerprint"] for i in render(report)]
    second = [i["fingerprint"] for i in render(report)]
    assert first == second
    assert len(set(first)) == len(first)


def test_fingerprints_survive_lines_inserted_above(report: LintReport) -> None:
    before = {i["check_name"]: i["fingerprint"] for i in render(report)}
    memo = next(f for f in report.files if f.path.endswith(".md"))
    memo.lines[:0] = ["Nieuwe eerste regel", ""]
    for v in memo.violations:
        s = v.span
        v.span = Span(s.line + 2, s.column, s.end_line + 2, s.end_column)
    shifted = render(report)
    assert {i["check_name"]: i["fingerprint"] for i in shifted} == before
    assert next(i for i in shifted if i["check_name"].startswith("ML101"))["location"]["lines"] == {
        "begin": 3
    }


def test_same_finding_twice_on_one_line_gets_two_fingerprints(report: LintReport) -> None:
    memo = next(f for f in report.files if f.path.endswith(".md"))
    placeholder = next(v for v in memo.violations if v.code == "ML701")
    memo.violations.append(placeholder.replace(span=Span(6, 4, 6, 8)))
    fingerprints = [i["fingerprint"] for i in render(report) if i["check_name"].startswith("ML701")]
    assert len(set(fingerprints)) == 2
