"""Walking folders: symlinks out of the tree are not followed, no tree is too deep."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from memo_lint.api import LintOptions, iter_memo_files, lint_paths
from memo_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED_MD = ROOT / "examples" / "zwolle-beslisnota-citydeal.md"
SECRET = "GEHEIM-7F3A"


def test_file_symlinks_out_of_the_tree_are_skipped(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Geheim\n\n{SECRET}\n", "utf-8")
    tree = tmp_path / "memos"
    (tree / "sub").mkdir(parents=True)
    (tree / "memo.md").write_bytes(SEED_MD.read_bytes())
    (tree / "leak.md").symlink_to(outside / "secret.md")
    (tree / "sub" / "leak2.md").symlink_to("../../elsewhere/secret.md")
    (tree / "sub" / "same.md").symlink_to("../memo.md")  # inside the tree: followed
    found = list(iter_memo_files([tree]))
    assert found == [tree / "memo.md", tree / "sub" / "same.md"]
    result = CliRunner().invoke(
        main, ["check", str(tree), "--format", "html", "--no-cache", "--today", "2023-01-01"]
    )
    assert SECRET not in result.stdout
    assert result.stdout.count('<section class="memo"') == 2
    # Named explicitly, a link is the user's choice and is followed.
    assert list(iter_memo_files([tree / "leak.md"])) == [tree / "leak.md"]


def test_a_tree_1100_folders_deep_is_walked(tmp_path: Path) -> None:
    depth = 1100
    deepest = tmp_path.joinpath(*["d"] * depth)
    try:
        for level in range(1, depth + 1):  # Path.mkdir(parents=True) itself recurses
            os.mkdir(tmp_path.joinpath(*["d"] * level))
        (deepest / "memo.md").write_bytes(SEED_MD.read_bytes())
        report = lint_paths([tmp_path], LintOptions(use_cache=False, today=None))
        assert [Path(f.path) for f in report.files] == [deepest / "memo.md"]
    finally:  # shutil.rmtree recurses, and pytest's clean-up would too: remove it level by level
        (deepest / "memo.md").unlink(missing_ok=True)
        for level in range(depth, 0, -1):
            if tmp_path.joinpath(*["d"] * level).is_dir():
                os.rmdir(tmp_path.joinpath(*["d"] * level))
