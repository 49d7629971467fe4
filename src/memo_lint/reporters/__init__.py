"""One reporter per output format, each a module with ``chunks(report, options)``.

Modules are imported by name only when their format is asked for. ``chunks`` yields the
output piece by piece (a memo's section, a finding, a JSON array item) so the CLI writes a
report of 10,000 memos without holding it whole (issue 15: peak memory per format); joined,
the pieces are the whole output ending in a newline, or ``""`` when a format has nothing to
say (``github`` and ``json-lines`` on a clean run, ``concise`` in quiet mode).
:func:`reporter_for` gives that joined text, :func:`writer_for` the pieces.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from memo_lint.model import FrozenRecord
from memo_lint.report import LintReport

if TYPE_CHECKING:
    from collections.abc import Iterator

REPORTER_MODULES: dict[str, str] = {
    "text": "memo_lint.reporters.concise",
    "concise": "memo_lint.reporters.concise",
    "full": "memo_lint.reporters.full",
    "json": "memo_lint.reporters.json",
    "json-lines": "memo_lint.reporters.json_lines",
    "sarif": "memo_lint.reporters.sarif",
    "junit": "memo_lint.reporters.junit",
    "github": "memo_lint.reporters.github",
    "gitlab": "memo_lint.reporters.gitlab",
    "html": "memo_lint.reporters.html",
}


class RenderOptions(FrozenRecord):
    """How the CLI wants the output: only ``concise`` and ``full`` read these.

    ``color``: ANSI colour (the CLI resolves ``--color auto``, ``NO_COLOR`` and the
    terminal check before it gets here). ``statistics``: add the counts per rule.
    ``quiet``: violations only, no table and no summary line.
    """

    color: bool = False
    statistics: bool = False
    quiet: bool = False


class Reporter(Protocol):
    def __call__(self, report: LintReport, options: RenderOptions) -> str: ...


class Writer(Protocol):
    def __call__(self, report: LintReport, options: RenderOptions) -> Iterator[str]: ...


def formats() -> list[str]:
    return sorted(REPORTER_MODULES)


def writer_for(name: str) -> Writer:
    """The format's output in pieces, in order (see the module docstring)."""
    chunks: Writer = importlib.import_module(REPORTER_MODULES[name]).chunks
    return chunks


def reporter_for(name: str) -> Reporter:
    """The format's whole output as one text."""
    chunks = writer_for(name)

    def render(report: LintReport, options: RenderOptions) -> str:
        return "".join(chunks(report, options))

    return render


def batched(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into texts of about ``size`` characters: few writes, little memory."""
    buffer: list[str] = []
    held = 0
    for piece in pieces:
        buffer.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def shown_path(path: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become ``\\xff`` escapes, so JSON, XML and SARIF stay valid."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def displayable(report: LintReport) -> LintReport:
    """The report with every path made printable (:func:`shown_path`); the same object when
    all already are (the usual case)."""
    if all(shown_path(f.path) == f.path for f in report.files):
        return report
    files = [
        file.replace(
            path=shown_path(file.path),
            violations=[v.replace(path=shown_path(v.path)) for v in file.violations],
        )
        for file in report.files
    ]
    return report.replace(files=files)
