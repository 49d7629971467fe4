"""JUnit XML, so CI dashboards (GitLab, Jenkins, Azure) list memos as suites and rules as tests.

One ``<testsuite>`` per memo. A rule that passed is one ``<testcase>``; a rule that fired
becomes one testcase per violation, each with a single ``<failure>``. Dashboards count
failed testcases, and most show only the first ``<failure>`` of a testcase, so this is the
layout in which their failure count equals the number of violations.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

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
    by_code: dict[str, list[Violation]] = {}
    for violation in sorted_violations(file.violations):
        by_code.setdefault(violation.code, []).append(violation)
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


def render(report: LintReport, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="memo-lint")
    suites = [testsuite(report, file) for file in sorted_files(report)]
    root.extend(suites)
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    root.set("failures", str(len(report.violations)))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
