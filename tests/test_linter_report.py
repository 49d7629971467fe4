"""The run's report is built from what linting gathered: no pack is loaded and no memo read
after the run (issue 11.6), whether a file was linted here, by a worker or came from the cache."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import memo_lint.linter as linter_module
from helpers import SEED_MD
from memo_lint.api import LintOptions, lint_paths
from memo_lint.linter import Linter
from memo_lint.report import LintReport

TODAY = dt.date(2024, 3, 1)
HINT = "Eigen hint van de gemeente."


@pytest.fixture
def no_loads_in_report(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[LintReport]]:
    """Every Linter.report call fails if it loads a pack or reads a memo; the reports made."""
    made: list[LintReport] = []
    original = Linter.report

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("loaded a pack or read a memo after the run")

    def report(self: Linter, files: Any) -> LintReport:
        with pytest.MonkeyPatch.context() as inside:
            inside.setattr(linter_module.packs, "load", forbidden)
            inside.setattr(linter_module, "read_source", forbidden)
            inside.setattr(Linter, "read", forbidden)
            made.append(original(self, files))
        return made[-1]

    monkeypatch.setattr(Linter, "report", report)
    yield made


@pytest.fixture
def own_pack(tmp_path: Path) -> Path:
    """A pack extending the default one whose ML101 has its own hint (so its rules are not
    the built-in ones a report could take from elsewhere)."""
    pack = tmp_path / "eigen.yaml"
    pack.write_text(
        "name: eigen\nextends: collegevoorstel\n"
        f"rules:\n  - code: ML101\n    hint: {{nl: '{HINT}', en: '{HINT}'}}\n",
        "utf-8",
    )
    return pack


def memos(tmp_path: Path, count: int) -> list[Path]:
    folder = tmp_path / "memos"
    folder.mkdir()
    paths = [folder / f"memo{i}.md" for i in range(count)]
    for path in paths:
        path.write_text(SEED_MD.read_text("utf-8"), "utf-8")
    return paths


def test_a_report_of_cached_results_loads_no_pack_after_the_run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    own_pack: Path,
    no_loads_in_report: list[LintReport],
) -> None:
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    options = LintOptions(today=TODAY, pack=str(own_pack), use_cache=True, jobs=1)
    paths = memos(tmp_path, 2)
    fresh = lint_paths(paths, options)
    cached = lint_paths(paths, options)
    assert len(no_loads_in_report) == 2
    assert cached.rules == fresh.rules
    assert cached.rules["ML101"].hint == HINT
    assert cached.lang == fresh.lang == "nl"


def test_a_report_of_worker_results_loads_no_pack_after_the_run(
    tmp_path: Path, own_pack: Path, no_loads_in_report: list[LintReport]
) -> None:
    paths = memos(tmp_path, 4)
    in_process = lint_paths(paths, LintOptions(today=TODAY, pack=str(own_pack), jobs=1))
    pooled = lint_paths(paths, LintOptions(today=TODAY, pack=str(own_pack), jobs=2))
    assert pooled.rules == in_process.rules
    assert pooled.rules["ML101"].hint == HINT
    assert [f.violations for f in pooled.files] == [f.violations for f in in_process.files]


def test_the_report_language_is_the_first_files_pack_language(
    tmp_path: Path, own_pack: Path, no_loads_in_report: list[LintReport]
) -> None:
    english = own_pack.with_name("english.yaml")
    english.write_text(own_pack.read_text("utf-8").replace("eigen", "english") + "language: en\n")
    paths = memos(tmp_path, 1)
    assert lint_paths(paths, LintOptions(today=TODAY, pack=str(english))).lang == "en"
    assert lint_paths(paths, LintOptions(today=TODAY, pack=str(own_pack))).lang == "nl"
