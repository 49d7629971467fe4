"""The cache's own files are made as tempfile.mkstemp made them, without importing tempfile."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import memo_lint.cache as cache
from memo_lint.cache import Store


def test_entries_are_private_and_a_taken_name_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "cache")
    store.put("results", "ab" * 32, {"x": 1})
    entry = tmp_path / "cache" / "results" / "ab" / f"{'ab' * 32}.json"
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert store.get("results", "ab" * 32) == {"x": 1}

    names = iter([b"\x01" * 6, b"\x01" * 6, b"\x02" * 6])
    monkeypatch.setattr(cache.os, "urandom", lambda _: next(names))
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "tmp010101010101.tmp").symlink_to(tmp_path / "elsewhere")
    handle, path = cache._create_temporary(folder, "tmp")
    os.close(handle)
    assert path.name == "tmp020202020202.tmp"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (tmp_path / "elsewhere").exists()  # the link's target was not created


def test_storing_an_entry_imports_no_tempfile(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom memo_lint.cache import Store\n"
        f"Store(Path({str(tmp_path)!r})).put('results', 'cd' * 32, {{'x': 1}})\n"
        "print('tempfile' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "False", found.stderr
    assert (tmp_path / "results" / "cd" / f"{'cd' * 32}.json").is_file()
