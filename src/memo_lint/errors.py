"""Errors that end in a clear message instead of a traceback."""

from __future__ import annotations


class MemoLintError(Exception):
    """A usage, config or rule-pack problem: exit code 2."""


class PackError(MemoLintError):
    """A rule pack that cannot be loaded; the message names file, rule and JSON path."""


class ConfigError(MemoLintError):
    """A configuration file that cannot be used; the message names file and key."""


class UnreadableFile(Exception):
    """A memo that cannot be read: reported as ML001, the other files are still checked."""

    def __init__(self, reason: str, line: int = 1, nl: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason  # English
        self.line = line
        self.nl = nl  # the same in Dutch, where the raiser gave it

    def reason_in(self, lang: str) -> str:
        return self.nl if lang == "nl" and self.nl else self.reason
