from __future__ import annotations

import pytest

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for
from memo_lint.reporters.github import escape_data, escape_property

GOLDEN = """\
::error file=memos/city deal.md,line=1,col=1,endLine=1,endColumn=23,title=ML101 required-section::Required section "Kader" is missing%0Ahelp: Add a "Kader" section before "Ontwerp besluit".
::error file=memos/city deal.md,line=3,col=15,endLine=3,endColumn=31,title=ML301 publicity-marked::Both Openbaar and Geheim are stated%0Ahelp: Mark either Openbaar or Geheim.
::warning file=memos/city deal.md,line=6,endLine=7,title=ML502 decision-numbering::Decision points jump from 1 to 3
::warning file=memos/city deal.md,line=6,col=22,endLine=6,endColumn=32,title=ML701 template-placeholder::Template leftover "[invullen]" (like <naam> & 100%25 TODO)%0Ahelp: Fill in or remove the placeholder.
::notice file=memos/raadsvoorstel%2C versie 2.pdf,line=4,col=1,endLine=4,endColumn=5,title=ML105 heading-typo::Heading "Kadr" looks like "Kader"%0Ahelp: Rename it to "Kader".
::error file=memos/raadsvoorstel%2C versie 2.pdf,line=5,col=21,endLine=5,endColumn=31,title=ML704 invalid-date::31-02-2022 is not a date%0Ahelp: Check day and month.
"""  # noqa: E501


def test_golden_output(report: LintReport) -> None:
    assert reporter_for("github")(report, RenderOptions()) == GOLDEN


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("C:\\memos\\a,b.md", "C:\\memos\\a,b.md", "C%3A\\memos\\a%2Cb.md"),
        ("%0A", "%250A", "%250A"),  # an already-encoded-looking value must survive
    ],
)
def test_escaping_follows_the_actions_toolkit(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_dutch_hint_label_and_clean_run(report_nl: LintReport) -> None:
    output = reporter_for("github")(report_nl, RenderOptions())
    assert "%0Ahint: Check day and month." in output
    for memo in report_nl.files:
        memo.violations = []
    assert reporter_for("github")(report_nl, RenderOptions()) == ""
