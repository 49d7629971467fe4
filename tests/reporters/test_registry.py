from __future__ import annotations

import subprocess
import sys

import pytest

from memo_lint.report import LintReport
from memo_lint.reporters import REPORTER_MODULES, RenderOptions, formats, reporter_for


def test_every_format_of_the_issue_is_registered() -> None:
    assert formats() == sorted(
        [
            "concise",
            "text",
            "full",
            "json",
            "json-lines",
            "sarif",
            "junit",
            "github",
            "gitlab",
            "html",
        ]
    )


@pytest.mark.parametrize("name", sorted(REPORTER_MODULES))
def test_renders_text_ending_in_a_newline(name: str, report: LintReport) -> None:
    output = reporter_for(name)(report, RenderOptions())
    assert output.endswith("\n") and not output.endswith("\n\n")
    assert "memos/city deal.md" in output or "memos/city%20deal.md" in output


def test_reporters_are_imported_only_when_asked_for() -> None:
    code = (
        "import sys, memo_lint.reporters as r\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith('memo_lint.reporters.'))\n"
        "before = loaded()\n"
        "r.reporter_for('html')\n"
        "print(before, loaded(), 'jinja2' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == (
        "[] ['memo_lint.reporters._common', 'memo_lint.reporters.html'] False"
    )
