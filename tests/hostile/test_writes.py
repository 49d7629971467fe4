"""memo-lint writes only where asked: --output-file, --report, its own cache folder. Memos and
everything else in the tree stay byte for byte (and mtime for mtime) as they were."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from memo_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = ROOT / "examples" / "zwolle-beslisnota-citydeal.md"
SEED_DOCX = ROOT / "tests" / "fixtures" / "docx" / "seed.docx"


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_check_writes_only_the_reports_and_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = tmp_path / "memos"
    memos.mkdir()
    shutil.copy(SEED, memos / "clean.txt")
    shutil.copy(SEED_DOCX, memos / "clean.docx")
    (memos / "broken.md").write_text(
        SEED_MD.read_text("utf-8").replace("Het college besluit", "Het college"), "utf-8"
    )
    (memos / "bad.txt").write_bytes(b"\x00\x01")
    (memos / ".memo-lint.toml").write_text('fail-on = "warning"\n', "utf-8")
    before = _tree(tmp_path)
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEMO_LINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # the per-user cache
    result = CliRunner().invoke(
        main,
        [
            "check",
            "memos",
            "--format",
            "json",
            "-o",
            str(out / "report.json"),
            "--report",
            f"sarif:{out / 'report.sarif'}",
            "--today",
            "2023-01-01",
        ],
    )
    assert result.exit_code == 1, result.output
    after = _tree(tmp_path)
    new = sorted(set(after) - set(before))
    assert {path for path in new if not path.startswith("user-cache/memo-lint/")} == {
        "out/report.json",
        "out/report.sarif",
    }
    assert any(path.startswith("user-cache/memo-lint/results/") for path in new)
    for path, state in before.items():
        assert after[path] == state, f"{path} was modified"
    assert list(tmp_path.rglob("*.tmp")) == []  # atomic writes leave no temp files behind
