"""JUnit XML, so CI dashboards (GitLab, Jenkins, Azure) list memos as suites and rules as tests.

One ``<testsuite>`` per memo. A rule that passed is one ``<testcase>``; a rule that fired
becomes one testcase per violation, each with a single ``<failure>``. Dashboards count
failed testcases, and most show only the first ``<failure>`` of a testcase, so this is the
layout in which their failure count equals the number of violations.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from memo_lint.model import Violation
from memo_lint.report import FileReport, LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import phrase, sorted_files, sorted_violations

# Characters XML 1.0 cannot carry at all (PDF extraction leaves form feeds and the like).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def failure_text(violation: Violation, lang: str) -> str:
    span = violation.span
    lines = [f"{violation.path}:{span.line}:{span.column}: {violation.code} {violation.message}"]
    if violation.page is not None:
        lines.append(f"{phrase(lang, 'page')} {violation.page}")
    if violation.hint:
        lines.append(f"{phrase(lang, 'help')}: {violation.hint}")
    return "\n".join(lines)


def testsuite(report: LintReport, file: FileReport) -> ET.Element:
    by_code = _by_code(file)
    suite = ET.Element("testsuite", name=xml_text(file.path))
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="pack", value=xml_text(file.pack))
    for code in sorted({*file.rules_checked, *by_code}):
        violations = by_code.get(code, [])
        if not violations:
            info = report.rules.get(code)
            name = f"{code} {info.name}" if info else code
            ET.SubElement(suite, "testcase", name=name, classname=xml_text(file.path))
        for violation in violations:
            span = violation.span
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{code} {violation.rule} @ {span.line}:{span.column}",
                classname=xml_text(file.path),
                file=xml_text(file.path),
                line=str(span.line),
            )
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_text(violation.message),
                type=f"{code} [{violation.severity.value}]",
            )
            failure.text = xml_text(failure_text(violation, report.lang))
    tests = len(suite.findall("testcase"))
    suite.attrib.update(
        tests=str(tests), failures=str(len(file.violations)), errors="0", skipped="0"
    )
    return suite


def _by_code(file: FileReport) -> dict[str, list[Violation]]:
    by_code: dict[str, list[Violation]] = {}
    for violation in sorted_violations(file.violations):
        by_code.setdefault(violation.code, []).append(violation)
    return by_code


def case_count(file: FileReport) -> int:
    """The testcases of the memo's suite: one per rule that passed, one per violation."""
    by_code = _by_code(file)
    return sum(len(by_code.get(code, ())) or 1 for code in {*file.rules_checked, *by_code})


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    """The document ``ET.indent`` and ``ET.tostring`` give for the whole tree, one suite at a
    time: a tree of 10,000 memos holds a million elements (issue 15)."""
    files = sorted_files(report)
    tests = sum(case_count(file) for file in files)
    failures = len(report.violations)
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    opening = f'<testsuites name="memo-lint" tests="{tests}" failures="{failures}" errors="0"'
    if not files:
        yield opening + " />\n"
        return
    yield opening + ">\n  "
    for number, file in enumerate(files, 1):
        suite = testsuite(report, file)
        ET.indent(suite, level=1)
        suite.tail = "\n" if number == len(files) else "\n  "
        yield ET.tostring(suite, encoding="unicode")
    yield "</testsuites>\n"
