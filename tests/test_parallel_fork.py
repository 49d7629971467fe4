"""--jobs: workers the pool forks lint with the run's own Linter (packs loaded, patterns
compiled, the walk's config lookups made while it linted the first memo) instead of building
their own, and report what one process reports."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import SEED_MD, SEED_TXT
from memo_lint import parallel
from memo_lint.api import LintOptions, lint_paths
from memo_lint.linter import Linter


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers not forked")
def test_forked_workers_lint_with_the_runs_linter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tmp_path / "built"

    class Recorded(Linter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            with built.open("a", encoding="utf-8") as out:
                out.write(f"{os.getpid()}\n")
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "Linter", Recorded)
    folder = tmp_path / "memos"
    folder.mkdir()
    for index in range(parallel.PARALLEL_THRESHOLD + 6):
        seed = SEED_MD if index % 3 else SEED_TXT
        shutil.copy(seed, folder / f"memo-{index:03d}{seed.suffix}")
    options = LintOptions(jobs=2, use_cache=False, today=dt.date(2026, 11, 29))
    pooled = lint_paths([folder], options)
    assert not built.exists()  # no worker built a Linter of its own
    alone = lint_paths([folder], options.replace(jobs=1))
    assert [f.to_dict() for f in pooled.files] == [f.to_dict() for f in alone.files]
    assert pooled.rules == alone.rules
