"""Property: ``check`` gives what ``check --no-cache`` gives, after any sequence of memo edits
(also with the same size and mtime), touches, and configs added, changed and removed at
several folder levels (``.memo-lint.toml`` and pyproject ``[tool.memo-lint]``, with
``[types]`` globs, names and codes)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import SEED_MD, edit
from memo_lint.api import LintOptions, lint_paths

TODAY = dt.date(2024, 3, 1)
SEED = SEED_MD.read_text("utf-8")
UNTYPED = edit(SEED, "type: collegevoorstel\n", "")
MEMO_TEXTS = [
    SEED,
    edit(SEED, "\nn.v.t.\n", "\n[TODO]\n"),  # same size: ML701
    edit(SEED, "Het college besluit:", "Het college beslist:"),  # same size: ML501
    UNTYPED,  # the config's [types] and pack decide its pack
    edit(UNTYPED, "\nn.v.t.\n", "\n[TODO]\n"),
    edit(SEED, "gemeente: Zwolle\n", "gemeente: Zwolle\ndatum: 2024-05-01\n"),
]
CONFIGS = [
    'ignore = ["ML701"]\n',
    'select = ["ML5", "ML7"]\n',
    'ignore = ["template-placeholder"]\n',
    '[types]\n"**/*.md" = "informatienota"\n',
    '[types]\n"*.txt" = "raadsvoorstel"\n',
    'pack = "raadsvoorstel"\n',
    '[severity]\nML701 = "warning"\n',
    "\n",
]
PYPROJECTS = [
    '[tool.memo-lint]\nignore = ["ML5"]\n',
    '[tool.memo-lint]\n[tool.memo-lint.types]\n"*.md" = "informatienota"\n',
    '[project]\nname = "not-memo-lint"\n',
]
LEVELS = ["", "a", "a/b"]
MEMOS = ["a/b/one.md", "a/two.md", "three.txt"]

edits = st.tuples(
    st.just("edit"), st.sampled_from(MEMOS), st.sampled_from(range(len(MEMO_TEXTS))), st.booleans()
)
touches = st.tuples(st.just("touch"), st.sampled_from(MEMOS), st.just(0), st.just(False))
configs = st.tuples(
    st.just("config"),
    st.sampled_from(LEVELS),
    st.sampled_from(range(-1, len(CONFIGS))),  # -1: remove it
    st.just(False),
)
pyprojects = st.tuples(
    st.just("pyproject"),
    st.sampled_from(LEVELS),
    st.sampled_from(range(-1, len(PYPROJECTS))),
    st.just(False),
)
# A check: "text" keeps the text of memos with findings (as --format full does); its number 1
# looks its memos up in folder entries (as for folders of many memos); True: --jobs 2, where a
# forked child reads and hashes part of the memos (as for many memos).
checks = st.tuples(
    st.just("check"), st.sampled_from(["", "text"]), st.sampled_from([0, 1]), st.booleans()
)
steps = st.lists(st.one_of(edits, touches, configs, pyprojects, checks), max_size=14)
# What each memo holds before the first run: memos with findings from the start, so that a
# config added later (ignore, select, severity) changes a result the cache already holds.
starts = st.lists(st.sampled_from(range(len(MEMO_TEXTS))), min_size=len(MEMOS), max_size=len(MEMOS))


def _apply(root: Path, step: tuple[str, str, int, bool]) -> None:
    action, where, which, flag = step
    if action == "edit":
        memo = root / where
        before = memo.stat()
        memo.write_text(MEMO_TEXTS[which], "utf-8")
        if flag:  # keep the mtime: what an edit within the clock's granularity looks like
            os.utime(memo, ns=(before.st_atime_ns, before.st_mtime_ns))
    elif action == "touch":
        os.utime(root / where)
    elif action in ("config", "pyproject"):
        name, texts = (
            (".memo-lint.toml", CONFIGS) if action == "config" else ("pyproject.toml", PYPROJECTS)
        )
        target = root / where / name
        if which < 0:
            target.unlink(missing_ok=True)
        else:
            target.write_text(texts[which], "utf-8")


def _result(root: Path, use_cache: bool, jobs: int, text: bool = False) -> list[Any]:
    options = LintOptions(
        today=TODAY, use_cache=use_cache, jobs=jobs, keep_text=text, keep_clean_text=False
    )
    report = lint_paths([root], options)
    return [
        (f.path, f.pack, [v.to_dict() for v in f.violations], list(f.lines)) for f in report.files
    ]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=starts, steps=steps)
def test_cached_check_equals_a_fresh_check(
    start: list[int], steps: list[tuple[str, str, int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "repo"
        monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(Path(scratch) / "cache"))
        (root / "a" / "b").mkdir(parents=True)
        for memo, which in zip(MEMOS, start, strict=True):
            (root / memo).write_text(MEMO_TEXTS[which], "utf-8")
        assert _result(root, True, 1) == _result(root, False, 1)
        for step in [*steps, ("check", "", 0, False)]:
            if step[0] == "check":
                jobs, text = 2 if step[3] else 1, step[1] == "text"
                monkeypatch.setattr("memo_lint.parallel.HITS_THRESHOLD", 1 if step[3] else 2000)
                monkeypatch.setattr("memo_lint.parallel._can_fork", lambda: True)  # see contract
                monkeypatch.setattr("memo_lint.cache.BATCH_MIN", 1 if step[2] else 64)
                fresh = _result(root, False, 1, text)
                assert _result(root, True, jobs, text) == fresh, (start, steps)
            else:
                _apply(root, step)
