"""One reader per input format, each turning bytes into the same :class:`Source`.

Readers are imported only when a file of their format is linted: python-docx-sized imports
must not slow down a pre-commit hook that only sees Markdown.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from memo_lint.errors import UnreadableFile
from memo_lint.model import FrozenRecord, Source

READER_MODULES: dict[str, str] = {
    ".txt": "memo_lint.readers.text",
    ".text": "memo_lint.readers.text",
    ".md": "memo_lint.readers.markdown",
    ".markdown": "memo_lint.readers.markdown",
    ".docx": "memo_lint.readers.docx",
    ".pdf": "memo_lint.readers.pdf",
    ".odt": "memo_lint.readers.odt",
}


class Limits(FrozenRecord):
    """Bounds for hostile input; each is configurable (see SECURITY.md)."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_pdf_pages: int = 500
    # ~28x the largest real memo; linting time is linear in it (worst case in SECURITY.md)
    max_chars: int = 1_000_000

    def check_chars(self, count: int, what: str, *, by_page: int | None = None) -> None:
        """Refuse a memo of more than ``max_chars`` characters: every reader asks here, as
        soon as it knows the count (the PDF reader per page, so it stops early)."""
        if count <= self.max_chars:
            return
        if by_page:
            raise UnreadableFile(
                "file.too-many-characters-on-page",
                what=what,
                count=count,
                page=by_page,
                limit=self.max_chars,
            )
        raise UnreadableFile(
            "file.too-many-characters", what=what, count=count, limit=self.max_chars
        )


class Reader(Protocol):
    def __call__(self, path: str, data: bytes, limits: Limits) -> Source: ...


def supported_suffixes() -> frozenset[str]:
    return frozenset(READER_MODULES)


def reader_for(path: str) -> Reader:
    suffix = Path(path).suffix.lower()
    module_name = READER_MODULES.get(suffix, "memo_lint.readers.text")
    reader: Reader = importlib.import_module(module_name).read
    return reader


def read_source(
    path: str, data: bytes, limits: Limits | None = None, format_of: str | None = None
) -> Source:
    """Read ``data`` (the bytes of ``path``) with the reader for the suffix of ``format_of``
    (default ``path``: standard input is reported as '-' but read as Markdown)."""
    limits = limits or Limits()
    if len(data) > limits.max_file_bytes:
        raise UnreadableFile("file.too-large", size=len(data), limit=limits.max_file_bytes)
    return reader_for(format_of or path)(path, data, limits)
