from __future__ import annotations

from pathlib import Path

from junitparser import Failure, JUnitXml, TestSuite

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for


def parse(report: LintReport, tmp_path: Path) -> JUnitXml:
    """Write the report to a file and read it back the way a CI dashboard does."""
    target = tmp_path / "memo-lint.xml"
    target.write_text(reporter_for("junit")(report, RenderOptions()), encoding="utf-8")
    return JUnitXml.fromfile(str(target))


def failures(suite: TestSuite) -> list[Failure]:
    return [r for case in suite for r in case.result if isinstance(r, Failure)]


def test_failure_counts_equal_violation_counts(report: LintReport, tmp_path: Path) -> None:
    xml = parse(report, tmp_path)
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {memo.path for memo in report.files}
    for memo in report.files:
        suite = suites[memo.path]
        assert len(failures(suite)) == len(memo.violations) == suite.failures
        assert sum(1 for case in suite if not case.is_passed) == len(memo.violations)
    assert xml.failures == len(report.violations) == 6
    declared = (xml.tests, xml.failures)
    xml.update_statistics()  # type: ignore[no-untyped-call]  # recount from the testcases
    assert (xml.tests, xml.failures) == declared


def test_one_passing_testcase_per_rule_checked_without_findings(
    report: LintReport, tmp_path: Path
) -> None:
    suites = {suite.name: suite for suite in parse(report, tmp_path)}
    passed = {
        name: sorted(case.name for case in suite if case.is_passed)
        for name, suite in suites.items()
    }
    assert passed == {
        "memos/city deal.md": ["ML102 empty-section"],
        "memos/raadsvoorstel, versie 2.pdf": ["ML101 required-section", "ML301 publicity-marked"],
    }


def test_failures_carry_message_location_and_hint(report: LintReport, tmp_path: Path) -> None:
    suite = next(s for s in parse(report, tmp_path) if s.name.endswith(".md"))
    failure = next(f for f in failures(suite) if f.type.startswith("ML701"))
    assert failure.message == 'Template leftover "[invullen]" (like <naam> & 100% TODO)'
    assert failure.type == "ML701 [warning]"
    assert failure.text.splitlines() == [
        'memos/city deal.md:6:22: ML701 Template leftover "[invullen]" (like <naam> & 100% TODO)',
        "help: Fill in or remove the placeholder.",
    ]


def test_characters_xml_cannot_carry_are_replaced(report: LintReport, tmp_path: Path) -> None:
    report.files[0].violations[0].message = "Kop\x0cmet form feed uit de PDF"
    suite = next(s for s in parse(report, tmp_path) if s.name.endswith(".pdf"))
    assert "Kop\ufffdmet form feed uit de PDF" in [f.message for f in failures(suite)]


def test_unreadable_memo_without_rules_checked_still_fails(
    unreadable_report: LintReport, tmp_path: Path
) -> None:
    (suite,) = parse(unreadable_report, tmp_path)
    assert [case.name for case in suite] == ["ML001 unreadable-file @ 1:1"]
    assert len(failures(suite)) == 1
