from __future__ import annotations

import re

from memo_lint.model import Span
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for

GOLDEN = """\
memos/city deal.md:1:1: ML101 Required section "Kader" is missing
  |
1 | # Beslisnota City Deal
  | ^^^^^^^^^^^^^^^^^^^^^^ required-section [error]
  |
  = help: Add a "Kader" section before "Ontwerp besluit".

memos/city deal.md:3:15: ML301 Both Openbaar and Geheim are stated
  |
3 | Openbaarheid: Openbaar, Geheim
  |               ^^^^^^^^^^^^^^^^ publicity-marked [error]
  |
  = help: Mark either Openbaar or Geheim.

memos/city deal.md:6:1: ML502 Decision points jump from 1 to 3
  |
6 | 1. in te stemmen met [invullen];
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
7 | 3. de raad te informeren.
  | ^^^^^^^^^^^^^^^^^^^^^^^^^ decision-numbering [warning]
  |

memos/city deal.md:6:22: ML701 Template leftover "[invullen]" (like <naam> & 100% TODO)
  |
6 | 1. in te stemmen met [invullen];
  |                      ^^^^^^^^^^ template-placeholder [warning]
  |
  = help: Fill in or remove the placeholder.

memos/raadsvoorstel, versie 2.pdf:4:1: ML105 Heading "Kadr" looks like "Kader"
  |
4 | Kadr
  | ^^^^ heading-typo [info]
  |
  = page 1
  = help: Rename it to "Kader".

memos/raadsvoorstel, versie 2.pdf:5:21: ML704 31-02-2022 is not a date
  |
5 | Zie het besluit van 31-02-2022 over de City Deal.
  |                     ^^^^^^^^^^ invalid-date [error]
  |
  = page 2
  = help: Check day and month.

Found 3 errors, 2 warnings, 1 note in 2 files.
"""


def render(report: LintReport, **options: bool) -> str:
    return reporter_for("full")(report, RenderOptions(**options))


def test_golden_output(report: LintReport) -> None:
    assert render(report) == GOLDEN


def test_dutch_labels(report_nl: LintReport) -> None:
    output = render(report_nl)
    assert "  = pagina 2\n  = hint: Check day and month.\n" in output
    assert output.endswith("\n\n3 fouten, 2 waarschuwingen, 1 opmerking in 2 bestanden gevonden.\n")


def test_quiet_drops_summary(report: LintReport) -> None:
    assert render(report, quiet=True) == GOLDEN.rsplit("\n\n", 1)[0] + "\n"


def test_long_span_is_elided_and_span_ending_at_column_1_stops_a_line_early(
    report: LintReport,
) -> None:
    memo = next(f for f in report.files if f.path.endswith(".md"))
    memo.lines += [f"regel {n}" for n in range(8, 13)]
    memo.violations = [memo.violations[2]]  # ML502
    memo.violations[0].span = Span(2, 1, 13, 1)  # ends at the start of line 13 (exclusive)
    report.files = [memo]
    block = render(report, quiet=True)
    numbered = re.findall(r"^ ?(\d+) \|", block, flags=re.MULTILINE)
    assert numbered == ["2", "3", "11", "12"]
    assert "\n.. \n" not in block and "\n..\n" in block
    assert block.splitlines()[-2].endswith("^^^^^^^^ decision-numbering [warning]")


def test_control_characters_keep_markers_aligned(report: LintReport) -> None:
    memo = report.files[0]  # the PDF memo
    memo.lines[4] = "Zie\there\x0cbesluit van 31-02-2022 over de City Deal."
    output = render(report, quiet=True)
    assert "5 | Zie here besluit van 31-02-2022" in output
    assert "  |                     ^^^^^^^^^^ invalid-date [error]" in output


def test_violation_without_text_shows_header_and_notes_only(unreadable_report: LintReport) -> None:
    assert render(unreadable_report, quiet=True) == (
        "/tmp/kapot.docx:1:1: ML001 File is not a Word document (bad zip header)\n"
    )


def test_colour_only_when_asked(report: LintReport) -> None:
    coloured = render(report, color=True)
    assert "\x1b[" not in render(report)
    assert (
        "                     \x1b[33;1m^^^^^^^^^^ template-placeholder [warning]\x1b[0m"
        in coloured
    )
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(report)
