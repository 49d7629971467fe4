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
    assert path == str(folder / "tmp020202020202.tmp")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/ambtenaar"),
        (None, "/home/ambtenaar/"),
        (None, "/"),
        (None, "//"),
        ("/var/cache/team", "/home/ambtenaar"),
        ("/var/cache/team/", None),
        ("//srv//cache", "/home/ambtenaar"),
        ("relative/cache", "/home/ambtenaar"),
        ("", "/home/ambtenaar"),
        (None, "relative/home"),
        (None, ""),
        (None, None),
        ("relative", None),
    ],
)
def test_the_cache_folder_is_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    """memo-lint names the folder itself where the XDG rule decides it (platformdirs' import
    is a fifth of a one-memo run); that must be the folder platformdirs names."""
    from platformdirs import user_cache_path

    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    for name, value in (("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert cache.cache_root() == user_cache_path("memo-lint", appauthor=False)
    fast = cache._xdg_cache_root()
    assert fast is None or fast == user_cache_path("memo-lint", appauthor=False)


def test_a_default_check_does_not_import_platformdirs(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text("Beslisnota\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in (cache.CACHE_ENV, "CI")}
    env |= {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    code = (
        "import sys\nfrom memo_lint.cli import main\n"
        f"try:\n    main(['check', '--today', '2026-11-29', {str(memo)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "False"
    assert (tmp_path / "xdg" / "memo-lint").is_dir()  # the cache was used, where XDG says
