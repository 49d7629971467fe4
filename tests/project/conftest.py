"""Fixtures of the project commands' tests: an empty working folder with its own cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from memo_lint.cli import main

Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`memo-lint ARGS` through click's runner in an empty folder, cache there too."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke
