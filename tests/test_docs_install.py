"""The install instructions resolve: every release the docs pin is the current version and a
tag of this repository carrying that version; no PyPI install."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from memo_lint import __version__

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
PINNED = re.compile(r"(?:rev: |memo-lint(?:\.git)?@)v(\d+\.\d+\.\d+)")


def _pins() -> set[str]:
    return {pin for doc in DOCS for pin in PINNED.findall(doc.read_text("utf-8"))}


def test_every_pinned_release_is_the_current_version() -> None:
    for doc in DOCS:
        text = doc.read_text("utf-8")
        for pinned in PINNED.findall(text):
            assert pinned == __version__, f"{doc.name} pins v{pinned}, the version is {__version__}"


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    assert git is not None
    return subprocess.run([git, "-C", str(REPO), *args], capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_every_pinned_release_is_a_tag_of_this_repository() -> None:
    """`rev: vX` (pre-commit), `@vX` (pip, the Action) resolve only when the tag exists: a
    version bump in the docs needs its tag, and the tag must hold that version."""
    if _git("rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
        pytest.skip("not a git checkout (an sdist)")
    tags = set(_git("tag", "--list", "v*").stdout.split())
    if not tags:
        pytest.skip("no tags in this clone (a shallow clone fetches none)")
    assert _pins(), "the docs pin no release"
    for pinned in _pins():
        assert f"v{pinned}" in tags, f"the docs pin v{pinned}, but there is no such tag"
        tagged = _git("show", f"v{pinned}:pyproject.toml").stdout
        assert f'\nversion = "{pinned}"\n' in tagged, f"tag v{pinned} holds another version"


def test_no_doc_installs_memo_lint_from_pypi() -> None:
    """memo-lint is not published on PyPI: 'pip install memo-lint' would fail or install
    someone else's package."""
    for doc in DOCS:
        text = doc.read_text("utf-8")
        assert not re.search(r"pip install memo-lint\b(?![-@\w])", text), doc.name
