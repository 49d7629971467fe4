"""A hand-built report over two memos that every reporter test renders.

It covers the awkward cases: a span at column 1, a span over two lines that another span
overlaps, a violation with a page (PDF), characters that need escaping in HTML, XML and
workflow commands (``<``, ``&``, ``%``, ``,`` in a path), and a rule that was checked but
did not fire.
"""

from __future__ import annotations

import pytest

from memo_lint.model import Severity, Span, Violation
from memo_lint.report import FileReport, LintReport, RuleInfo

MEMO_A = "memos/city deal.md"
MEMO_B = "memos/raadsvoorstel, versie 2.pdf"

LINES_A = [
    "# Beslisnota City Deal",
    "",
    "Openbaarheid: Openbaar, Geheim",
    "## Ontwerp besluit",
    "Het college besluit:",
    "1. in te stemmen met [invullen];",
    "3. de raad te informeren.",
]
LINES_B = [
    "Raadsvoorstel",
    " Openbaar",
    " Geheim",
    "Kadr",
    "Zie het besluit van 31-02-2022 over de City Deal.",
]

RULES = {
    info.code: info
    for info in [
        RuleInfo(
            "ML101",
            "required-section",
            Severity.ERROR,
            "Each required section of the template is present.",
            "Add the section with its heading as in the template.",
            "A college decides on complete memos only.",
        ),
        RuleInfo("ML102", "empty-section", Severity.WARNING, "A section has content.", None, ""),
        RuleInfo(
            "ML105",
            "heading-typo",
            Severity.INFO,
            "A heading is a near miss of a known section name.",
            "Use the section name from the template.",
            "Misspelt headings hide required sections.",
        ),
        RuleInfo(
            "ML301",
            "publicity-marked",
            Severity.ERROR,
            "Exactly one of Openbaar/Geheim is marked.",
            "Mark either Openbaar or Geheim.",
            "Publicity decides whether the memo is published (Woo).",
        ),
        RuleInfo(
            "ML502",
            "decision-numbering",
            Severity.WARNING,
            "Decision points are numbered 1..n without gaps.",
            None,
            "The council refers to decision points by number.",
        ),
        RuleInfo(
            "ML701",
            "template-placeholder",
            Severity.WARNING,
            "No template leftovers such as [invullen] or <naam>.",
            "Fill in or remove the placeholder.",
            "Leftovers show a memo is not finished.",
        ),
        RuleInfo(
            "ML704",
            "invalid-date",
            Severity.ERROR,
            "Dates exist in the calendar.",
            "Check day and month.",
            "An impossible date makes a deadline unenforceable.",
        ),
    ]
}


def violation(
    path: str,
    span: tuple[int, int, int, int],
    code: str,
    message: str,
    *,
    hint: str | None = None,
    page: int | None = None,
) -> Violation:
    rule = RULES[code]
    return Violation(path, Span(*span), code, rule.name, rule.severity, message, hint, page)


def build_report(lang: str = "en") -> LintReport:
    memo_a = FileReport(
        path=MEMO_A,
        pack="collegevoorstel",
        lines=list(LINES_A),
        rules_checked=["ML101", "ML102", "ML301", "ML502", "ML701"],
        violations=[
            # Deliberately unsorted: reporters sort.
            violation(
                MEMO_A,
                (6, 22, 6, 32),
                "ML701",
                'Template leftover "[invullen]" (like <naam> & 100% TODO)',
                hint="Fill in or remove the placeholder.",
            ),
            violation(
                MEMO_A,
                (1, 1, 1, 23),
                "ML101",
                'Required section "Kader" is missing',
                hint='Add a "Kader" section before "Ontwerp besluit".',
            ),
            violation(MEMO_A, (6, 1, 7, 26), "ML502", "Decision points jump from 1 to 3"),
            violation(
                MEMO_A,
                (3, 15, 3, 31),
                "ML301",
                "Both Openbaar and Geheim are stated",
                hint="Mark either Openbaar or Geheim.",
            ),
        ],
    )
    memo_b = FileReport(
        path=MEMO_B,
        pack="raadsvoorstel",
        lines=list(LINES_B),
        rules_checked=["ML101", "ML105", "ML301", "ML704"],
        violations=[
            violation(
                MEMO_B,
                (4, 1, 4, 5),
                "ML105",
                'Heading "Kadr" looks like "Kader"',
                hint='Rename it to "Kader".',
                page=1,
            ),
            violation(
                MEMO_B,
                (5, 21, 5, 31),
                "ML704",
                "31-02-2022 is not a date",
                hint="Check day and month.",
                page=2,
            ),
        ],
    )
    return LintReport(
        files=[memo_b, memo_a],
        rules=dict(RULES),
        fail_on=Severity.ERROR,
        lang=lang,
        version="0.1.0",
    )


@pytest.fixture
def report() -> LintReport:
    return build_report()


@pytest.fixture
def report_nl() -> LintReport:
    return build_report("nl")


@pytest.fixture
def unreadable_report() -> LintReport:
    """A run over one memo that could not be read: no text, a rule the pack does not list."""
    broken = FileReport(
        path="/tmp/kapot.docx",
        pack="collegevoorstel",
        violations=[
            Violation(
                "/tmp/kapot.docx",
                Span(1, 1, 1, 2),
                "ML001",
                "unreadable-file",
                Severity.ERROR,
                "File is not a Word document (bad zip header)",
            )
        ],
    )
    return LintReport([broken], {}, Severity.ERROR, "en", "0.1.0")
