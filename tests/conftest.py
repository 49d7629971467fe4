"""Root of the test suite: makes ``tests/helpers.py`` importable from every sub-folder
(``from helpers import lint``), whatever pytest's import mode."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parent)
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)


@pytest.fixture(autouse=True)
def _private_user_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test reads or fills the real per-user cache, and CI=… of the machine running the
    suite does not switch the cache off (tests of that set it themselves)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))
    monkeypatch.delenv("CI", raising=False)
    yield
