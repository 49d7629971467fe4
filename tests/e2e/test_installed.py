"""End-to-end: the installed `memo-lint` command, `python -m memo_lint`, the wheel, pre-commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_TXT = REPO / "examples" / "zwolle-beslisnota-citydeal.txt"
BROKEN = REPO / "examples" / "broken" / "ML301-no-publicity.txt"
BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_console_script_on_seed_and_broken(tmp_path: Path) -> None:
    clean = _run(str(BIN / "memo-lint"), "check", str(SEED_TXT), cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    broken = _run(str(BIN / "memo-lint"), "check", str(BROKEN), "--format", "concise", cwd=tmp_path)
    assert broken.returncode == 1
    assert ":16:1: ML301 [error]" in broken.stdout
    assert broken.stderr == ""


def test_python_dash_m(tmp_path: Path) -> None:
    result = _run(sys.executable, "-m", "memo_lint", "--version", cwd=tmp_path)
    assert result.returncode == 0
    assert "memo-lint, version" in result.stdout


def test_wheel_ships_packs_and_schemas(tmp_path: Path) -> None:
    build = _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(tmp_path),
        str(REPO),
    )
    if build.returncode != 0:  # no hatchling in this environment: build isolated instead
        build = _run(
            sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)
        )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("memo_lint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "memo_lint/rules/collegevoorstel.yaml" in names
    assert "memo_lint/schemas/rule-pack.schema.json" in names
    assert "memo_lint/schemas/report.schema.json" in names


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_fails_broken_memo_and_passes_seed(tmp_path: Path) -> None:
    """The real pre-commit, `try-repo` against this repository, in a temporary memo repository."""
    pre_commit = BIN / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    memos = tmp_path / "memos"
    memos.mkdir()
    _run("git", "init", "-q", cwd=memos)
    shutil.copy(SEED_TXT, memos / "seed.txt")
    _run("git", "add", "seed.txt", cwd=memos)
    env_home = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    os.environ.update(env_home)
    try:
        passed = _run(
            str(pre_commit), "try-repo", str(REPO), "memo-lint", "--files", "seed.txt", cwd=memos
        )
        assert passed.returncode == 0, passed.stdout + passed.stderr
        assert "Passed" in passed.stdout
        shutil.copy(BROKEN, memos / "broken.txt")
        _run("git", "add", "broken.txt", cwd=memos)
        failed = _run(
            str(pre_commit), "try-repo", str(REPO), "memo-lint", "--files", "broken.txt", cwd=memos
        )
        assert failed.returncode == 1
        assert "Failed" in failed.stdout
        assert "ML301" in failed.stdout
    finally:
        for key in env_home:
            os.environ.pop(key, None)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_skips_readme_and_prints_one_summary(tmp_path: Path) -> None:
    """pre-commit names every staged file: README.md is excluded, and one run gives one
    summary however many files there are (the hook is require_serial)."""
    pre_commit = BIN / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    memos = tmp_path / "memos"
    memos.mkdir()
    _run("git", "init", "-q", cwd=memos)
    (memos / "README.md").write_text("# Memo's\n\nHier staan onze memo's.\n", "utf-8")
    for index in range(40):
        shutil.copy(BROKEN, memos / f"broken-{index:02}.txt")
    _run("git", "add", ".", cwd=memos)
    env = {**os.environ, "NO_COLOR": "1", "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    result = subprocess.run(
        [str(pre_commit), "try-repo", str(REPO), "memo-lint", "--all-files"],
        capture_output=True,
        text=True,
        cwd=memos,
        env=env,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md" not in result.stdout
    summaries = [line for line in result.stdout.splitlines() if "in 40 bestanden" in line]
    assert len(summaries) == 1, result.stdout
