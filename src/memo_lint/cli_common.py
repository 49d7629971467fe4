"""What every memo-lint command shares: the usage exit code, failing cleanly, rule codes."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from memo_lint.errors import MemoLintError, Phrase
from memo_lint.messages import LANGUAGES

EXIT_USAGE = 2
LANG_META = "memo_lint.lang"  # the root context's meta: the language of the run's errors


def language_in(args: Sequence[str]) -> str | None:
    """The last ``--lang nl|en`` / ``--lang=nl|en`` of a command line; None when it names none.

    Read from the words themselves, before click parses them: a usage error can come before
    click reaches ``--lang`` (``check --format xml --lang en``).
    """
    lang = None
    for index, word in enumerate(args):
        if word == "--":
            break
        value = args[index + 1] if word == "--lang" and index + 1 < len(args) else None
        if word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            lang = value
    return lang


def language(fallback: str | None = None) -> str:
    """The language of this run's errors: the command line's ``--lang`` (:func:`language_in`,
    kept by the command group), else ``fallback`` (what a config or the report fixes), else
    Dutch, the built-in packs' language."""
    ctx = click.get_current_context(silent=True)
    given = ctx.find_root().meta.get(LANG_META) if ctx is not None else None
    return str(given or fallback or "nl")


def fail(problem: str | Phrase | MemoLintError, fallback: str | None = None) -> NoReturn:
    """A usage, config or pack problem: one line on stderr in the run's language, exit code 2,
    never a traceback. An error raised where a config fixes the language (its ``lang``) is
    said in that language unless the command line names one; ``fallback`` is the language
    when neither does (the report's, for an error found after the run)."""
    from memo_lint.messages_errors import said

    lang = language((problem.lang if isinstance(problem, MemoLintError) else None) or fallback)
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
