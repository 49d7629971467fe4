"""One JSON object per violation per line, for streaming into ``jq``, log shippers or pipes.

The objects are the same as in the ``json`` report's ``violations`` array; there is no summary
line, so every line parses on its own.
"""

from __future__ import annotations

import json

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import sorted_violations


def render(report: LintReport, options: RenderOptions) -> str:
    return "".join(
        json.dumps(v.to_dict(), ensure_ascii=False) + "\n"
        for v in sorted_violations(report.violations)
    )
