from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from memo_lint.cli import main


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `memo-lint ARGS` through click's runner in an empty folder, cache there too."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)

    return invoke
