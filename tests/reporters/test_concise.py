from __future__ import annotations

import re

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for

GOLDEN = """\
memos/city deal.md:1:1: ML101 [error] Required section "Kader" is missing
memos/city deal.md:3:15: ML301 [error] Both Openbaar and Geheim are stated
memos/city deal.md:6:1: ML502 [warning] Decision points jump from 1 to 3
memos/city deal.md:6:22: ML701 [warning] Template leftover "[invullen]" (like <naam> & 100% TODO)
memos/raadsvoorstel, versie 2.pdf:4:1: ML105 [info] Heading "Kadr" looks like "Kader"
memos/raadsvoorstel, versie 2.pdf:5:21: ML704 [error] 31-02-2022 is not a date
"""

STATISTICS = """\
1  ML101  required-section      [error]
1  ML105  heading-typo          [info]
1  ML301  publicity-marked      [error]
1  ML502  decision-numbering    [warning]
1  ML701  template-placeholder  [warning]
1  ML704  invalid-date          [error]
"""


def render(report: LintReport, **options: bool) -> str:
    return reporter_for("concise")(report, RenderOptions(**options))


def test_golden_output_with_summary(report: LintReport) -> None:
    assert render(report) == GOLDEN + "\nFound 3 errors, 2 warnings, 1 note in 2 files.\n"


def test_dutch_summary(report_nl: LintReport) -> None:
    assert render(report_nl).endswith(
        "\n3 fouten, 2 waarschuwingen, 1 opmerking in 2 bestanden gevonden.\n"
    )


def test_statistics_table_between_violations_and_summary(report: LintReport) -> None:
    expected = GOLDEN + "\n" + STATISTICS + "\nFound 3 errors, 2 warnings, 1 note in 2 files.\n"
    assert render(report, statistics=True) == expected


def test_statistics_sorts_by_count_then_code(report: LintReport) -> None:
    memo = report.files[1]
    memo.violations.append(memo.violations[0].replace())
    table = render(report, statistics=True, quiet=False).split("\n\n")[1]
    assert table.splitlines()[0] == "2  ML701  template-placeholder  [warning]"


def test_quiet_prints_violations_only(report: LintReport) -> None:
    assert render(report, quiet=True, statistics=True) == GOLDEN


def test_singular_and_clean_summaries(report: LintReport) -> None:
    report.files[0].violations = report.files[0].violations[1:]  # only ML704 left in memo B
    report.files[1].violations = []
    assert render(report).endswith("\nFound 1 error in 1 file.\n")
    report.files[0].violations = []
    assert render(report) == "No problems found in 2 files.\n"
    report.lang = "nl"
    assert render(report) == "Geen problemen gevonden in 2 bestanden.\n"


def test_colour_only_when_asked(report: LintReport) -> None:
    coloured = render(report, color=True)
    assert "\x1b[" not in render(report)
    assert "\x1b[31;1mML101\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(report)
