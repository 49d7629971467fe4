"""One JSON object per violation per line, for streaming into ``jq``, log shippers or pipes.

The objects are the same as in the ``json`` report's ``violations`` array; there is no summary
line, so every line parses on its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import sorted_violations


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    for violation in sorted_violations(report.violations):
        yield json.dumps(violation.to_dict(), ensure_ascii=False) + "\n"
