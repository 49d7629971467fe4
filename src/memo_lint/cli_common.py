"""What every memo-lint command shares: the usage exit code, failing cleanly, rule codes."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from memo_lint.errors import MemoLintError, Phrase

EXIT_USAGE = 2
LANG_META = "memo_lint.lang"  # the root context's meta: the language of the run's errors
LANGUAGES = ("nl", "en")


def language_in(args: Sequence[str]) -> str:
    """The last ``--lang nl|en`` / ``--lang=nl|en`` of a command line, else Dutch.

    Read from the words themselves, before click parses them: a usage error can come before
    click reaches ``--lang`` (``check --format xml --lang en``), and without ``--lang`` the
    built-in packs' language is the one to speak.
    """
    lang = "nl"
    for index, word in enumerate(args):
        if word == "--":
            break
        value = args[index + 1] if word == "--lang" and index + 1 < len(args) else None
        if word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            lang = value
    return lang


def language() -> str:
    """The language of this run's errors (:func:`language_in`, kept by the command group)."""
    ctx = click.get_current_context(silent=True)
    return str(ctx.find_root().meta.get(LANG_META, "nl")) if ctx is not None else "nl"


def fail(problem: str | Phrase | MemoLintError) -> NoReturn:
    """A usage, config or pack problem: one line on stderr in the run's language, exit code 2,
    never a traceback."""
    from memo_lint.messages_errors import said

    lang = language()
    if isinstance(problem, Phrase | MemoLintError):
        problem = problem.text(lang)
    click.echo(said("error.line", lang, problem=problem), err=True)
    sys.exit(EXIT_USAGE)


def bad_parameter(hint: str, key: str, **values: object) -> click.BadParameter:
    """A usage error of memo-lint's own about ``hint`` (``'--today'``), in the run's
    language; raised, click's group shows it as it shows its own (:mod:`memo_lint.cli_errors`)."""
    return click.BadParameter(Phrase(key, **values).text(language()), param_hint=hint)


def parse_date(value: str | None) -> dt.date | None:
    """``--today YYYY-MM-DD``; anything else is a usage error that shows the form."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad_parameter("'--today'", "cli.bad-date", value=value) from None


def parse_codes(values: tuple[str, ...], option: str = "--select") -> tuple[str, ...]:
    """``--select ML1,ML301 --select ML6`` → ("ML1", "ML301", "ML6"), each in the form of a
    code, prefix or rule name (:mod:`memo_lint.codes`); whether a rule has it is checked
    when the packs are known."""
    from memo_lint.codes import form_problem, split

    codes = split(values)
    for code in codes:
        if form_problem(code):
            from memo_lint.codes import Catalogue
            from memo_lint.packs import builtin_rules

            fail(Catalogue.of(builtin_rules()).problem(code, option))
    return codes
