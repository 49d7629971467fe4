"""Which files a run checks: .gitignore, exclude/extend-exclude, force-exclude, odd trees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from memo_lint.api import LintOptions, iter_memo_files


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("memo\n", "utf-8")


def _found(root: Path, *paths: str | Path, **options: bool) -> list[str]:
    targets = paths or (root,)
    found = iter_memo_files(list(targets), LintOptions(**options))  # type: ignore[arg-type]
    return sorted(Path(os.path.relpath(p, root)).as_posix() for p in found)


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.chdir(tmp_path)


def test_default_excludes_skip_environments_and_repository_files(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        ["memos/a.md", "README.md", "CHANGELOG.md", "venv/lib/x.md", "docs/README.md", "b.txt"],
    )
    assert _found(tmp_path) == ["b.txt", "memos/a.md"]


def test_gitignore_is_honoured_inside_a_repository_nested_and_negated(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, ["keep.md", "drafts/a.md", "out/x.md", "sub/skip.md", "sub/keep.md"])
    (tmp_path / ".gitignore").write_text("drafts/\n*.md\n!keep.md\n", "utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("!skip.md\nkeep.md\n", "utf-8")
    # The deepest .gitignore with an opinion wins, as in git.
    assert _found(tmp_path) == ["keep.md", "sub/skip.md"]


def test_gitignore_of_the_repository_applies_when_walking_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, ["memos/a.md", "memos/old/b.md"])
    (tmp_path / ".gitignore").write_text("memos/old/\n", "utf-8")
    assert _found(tmp_path, tmp_path / "memos") == ["memos/a.md"]


def test_a_gitignored_folder_named_explicitly_is_walked(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, ["bench/out/memos/a.md", "bench/out/memos/b.md", "keep.md"])
    (tmp_path / ".gitignore").write_text("/bench/out/\nb.md\n", "utf-8")
    assert _found(tmp_path) == ["keep.md"]
    # Named: walked, but the .gitignore does not apply inside it either (b.md is kept).
    assert _found(tmp_path, tmp_path / "bench" / "out" / "memos") == [
        "bench/out/memos/a.md",
        "bench/out/memos/b.md",
    ]


def test_gitignore_outside_a_repository_and_respect_gitignore_false(tmp_path: Path) -> None:
    plain, repo, off = (tmp_path / name for name in ("plain", "repo", "off"))
    for root in (plain, repo, off):
        _tree(root, ["a.md", "b.md"])
        (root / ".gitignore").write_text("a.md\n", "utf-8")
    (repo / ".git").mkdir()
    (off / ".git").mkdir()
    (off / ".memo-lint.toml").write_text("respect-gitignore = false\n", "utf-8")
    assert _found(plain) == ["a.md", "b.md"]  # git ignores nothing outside a repository
    assert _found(repo) == ["b.md"]
    assert _found(off) == ["a.md", "b.md"]


def test_exclude_and_extend_exclude_from_the_config(tmp_path: Path) -> None:
    _tree(tmp_path, ["archief/2019/a.md", "nota-concept.md", "nota.md", "README.md", "x/y/z.md"])
    config = tmp_path / ".memo-lint.toml"
    config.write_text('extend-exclude = ["archief/", "*-concept.md", "x/y"]\n', "utf-8")
    assert _found(tmp_path) == ["nota.md"]
    config.write_text('exclude = ["nota.md"]\n', "utf-8")  # replaces the defaults
    assert _found(tmp_path) == [
        "README.md",
        "archief/2019/a.md",
        "nota-concept.md",
        "x/y/z.md",
    ]


def test_named_files_are_checked_unless_force_exclude(tmp_path: Path) -> None:
    _tree(tmp_path, ["README.md", "archief/a.md", "nota.md"])
    (tmp_path / ".memo-lint.toml").write_text('extend-exclude = ["archief"]\n', "utf-8")
    named = ("README.md", "archief/a.md", "nota.md")
    assert _found(tmp_path, *named) == ["README.md", "archief/a.md", "nota.md"]
    assert _found(tmp_path, *named, force_exclude=True) == ["nota.md"]


def test_force_exclude_from_the_config(tmp_path: Path) -> None:
    _tree(tmp_path, ["README.md", "nota.md"])
    (tmp_path / ".memo-lint.toml").write_text("force-exclude = true\n", "utf-8")
    assert _found(tmp_path, "README.md", "nota.md") == ["nota.md"]


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    _tree(outside, ["secret.md"])
    memos = tmp_path / "memos"
    _tree(memos, ["a.md"])
    (memos / "link.md").symlink_to(outside / "secret.md")
    (memos / "inside.md").symlink_to(memos / "a.md")
    (memos / "dir").symlink_to(outside, target_is_directory=True)
    (memos / "dangling.md").symlink_to(memos / "nowhere.md")
    found = _found(memos)
    assert found == ["a.md", "dangling.md", "inside.md"]  # dangling: reported as ML001


def test_hidden_folders_and_files_are_skipped(tmp_path: Path) -> None:
    _tree(tmp_path, [".venv/x.md", ".hidden.md", "a.md"])
    assert _found(tmp_path) == ["a.md"]
