"""The install instructions resolve: the release tag matches the version, no PyPI install."""

from __future__ import annotations

import re
from pathlib import Path

from memo_lint import __version__

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def test_every_pinned_release_is_the_current_version() -> None:
    for doc in DOCS:
        text = doc.read_text("utf-8")
        for pinned in re.findall(r"(?:rev: |memo-lint(?:\.git)?@)v(\d+\.\d+\.\d+)", text):
            assert pinned == __version__, f"{doc.name} pins v{pinned}, the version is {__version__}"


def test_no_doc_installs_memo_lint_from_pypi() -> None:
    """memo-lint is not published on PyPI: 'pip install memo-lint' would fail or install
    someone else's package."""
    for doc in DOCS:
        text = doc.read_text("utf-8")
        assert not re.search(r"pip install memo-lint\b(?![-@\w])", text), doc.name
