"""One reporter per output format, all behind ``render(report, options) -> str``.

Modules are imported by name only when their format is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from memo_lint.report import LintReport

REPORTER_MODULES: dict[str, str] = {
    "text": "memo_lint.reporters.concise",
    "concise": "memo_lint.reporters.concise",
    "json": "memo_lint.reporters.json",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    statistics: bool = False
    quiet: bool = False


class Reporter(Protocol):
    def __call__(self, report: LintReport, options: RenderOptions) -> str: ...


def formats() -> list[str]:
    return sorted(REPORTER_MODULES)


def reporter_for(name: str) -> Reporter:
    render: Reporter = importlib.import_module(REPORTER_MODULES[name]).render
    return render
