"""Errors that end in a clear message instead of a traceback."""

from __future__ import annotations

from memo_lint.messages import say


class MemoLintError(Exception):
    """A usage, config or rule-pack problem: exit code 2."""


class PackError(MemoLintError):
    """A rule pack that cannot be loaded; the message names file, rule and JSON path."""


class ConfigError(MemoLintError):
    """A configuration file that cannot be used; the message names file and key."""


class UnreadableFile(Exception):
    """A memo that cannot be read: reported as ML001, the other files are still checked.

    ``key`` names the reason in :data:`memo_lint.messages.CATALOGUE`; ``values`` fill it.
    """

    def __init__(self, key: str, line: int = 1, **values: object) -> None:
        self.key, self.values, self.line = key, values, line
        self.reason = self.reason_in("en")
        super().__init__(self.reason)

    def reason_in(self, lang: str) -> str:
        return say(self.key, lang, **self.values)
