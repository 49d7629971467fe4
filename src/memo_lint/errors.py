"""Errors that end in a clear message instead of a traceback."""

from __future__ import annotations

from memo_lint.messages import say


class Phrase:
    """An entry of :data:`memo_lint.messages_errors.ERRORS` and its values, put into words
    only when shown: an error can be raised before the run's language is known (a config or
    pack read before the command line's ``--lang`` is), so it carries the key and the
    values, not a sentence.

    A value that is itself a :class:`Phrase` is said in the same language, and a list of
    them (a pack's problems) one a line.
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        from memo_lint.messages_errors import said

        return said(self.key, lang, **{k: _said(v, lang) for k, v in self.values.items()})

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.values!r})"


def _said(value: object, lang: str) -> object:
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, list):
        return "\n".join(str(_said(item, lang)) for item in value)
    return value


class MemoLintError(Exception):
    """A usage, config or rule-pack problem: exit code 2.

    The message is a :class:`Phrase` (said in Dutch or English when shown: ``fail``), or a
    plain string said as it is written; ``str(error)`` is the English text.
    """

    def __init__(self, message: str | Phrase, lang: str | None = None) -> None:
        self.message = message
        # The language the error's place fixes (a config's ``lang``); the command line's
        # ``--lang`` still wins (:func:`memo_lint.cli_common.fail`).
        self.lang = lang
        super().__init__(message)

    def said_in(self, lang: str | None) -> MemoLintError:
        """This error, to be said in ``lang`` unless it already has a language of its own."""
        self.lang = self.lang or lang
        return self

    def text(self, lang: str) -> str:
        return self.message.text(lang) if isinstance(self.message, Phrase) else self.message

    def __str__(self) -> str:
        return self.text("en")


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
