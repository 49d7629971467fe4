"""click's usage errors in memo-lint's words: Dutch or English, and what to do about them.

click writes its errors in English (its gettext catalogue has no Dutch) and after a usage
block. :class:`memo_lint.cli.MemoLintGroup` hands every :class:`click.UsageError` to
:func:`localised`, which says it the way memo-lint says every exit-2 problem (``memo-lint:
fout: ...``, :func:`memo_lint.cli_common.fail`) followed by one usage line. What click's
exception classes carry (the option, the parameter, the suggestions) is used as it is; the
text a parameter type fails with is matched against :data:`CLICK_TEXTS`, the templates of the
installed click (tests/cli/test_usage_errors.py lists click's templates, so an upgrade that
changes one is noticed). A text that matches none is kept in click's English.

Imported only when a run ends in a usage error.
"""

from __future__ import annotations

import re
from functools import cache
from typing import IO, Any

import click
from click.exceptions import NoArgsIsHelpError

from memo_lint.messages_errors import said
from memo_lint.regex import compile_later

# click's own template (as passed to gettext) -> the catalogue key that says it.
CLICK_TEXTS = {
    "{value!r} is not {choice}.": "click.not-the-choice",
    "{value!r} is not one of {choices}.": "click.not-a-choice",
    "{value} is not in the range {range}.": "click.out-of-range",
    "{value!r} is not a valid {number_type}.": "click.not-a-number",
    "{name} {filename!r} does not exist.": "click.path-missing",
    "{name} {filename!r} is a file.": "click.path-is-file",
    "{name} {filename!r} is a directory.": "click.path-is-folder",
    "{name} {filename!r} is not readable.": "click.path-unreadable",
    "{name} {filename!r} is not writable.": "click.path-unwritable",
    "Option {name!r} requires an argument.": "click.needs-value",
    "Option {name!r} does not take a value.": "click.takes-no-value",
    "Got unexpected extra argument ({args})": "click.extra-argument",
    "Got unexpected extra arguments ({args})": "click.extra-arguments",
}
# Compiled on first use: a pattern compiled at import would be primed at every start-up
# (memo_lint.regex_code), and this one is needed only when a run ends in a usage error.
_FIELD = compile_later(r"\{(\w+)(?:![rs])?\}")


class LocalisedUsageError(click.UsageError):
    """A usage error already said in the run's language; ``show`` writes memo-lint's lines."""

    def __init__(self, text: str, ctx: click.Context | None, lang: str) -> None:
        super().__init__(text, ctx)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(said("error.line", self.lang, problem=self.message), file=file, err=True)
        if self.ctx is not None:
            ctx = self.ctx
            usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
            line = said("error.usage", self.lang, usage=usage, command=ctx.command_path)
            click.echo(line, file=file, err=True)


def localised(error: click.UsageError, lang: str) -> click.UsageError:
    """``error`` said in ``lang``; the help shown for a bare ``memo-lint`` stays as it is."""
    if isinstance(error, LocalisedUsageError | NoArgsIsHelpError):
        return error
    return LocalisedUsageError(_problem(error, lang), error.ctx, lang)


def _problem(error: click.UsageError, lang: str) -> str:
    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "memo-lint"
    if isinstance(error, click.NoSuchOption | click.NoSuchCommand):
        if isinstance(error, click.NoSuchOption):
            key, name, pick = "click.no-such-option", error.option_name, "click.pick-option"
        else:
            key, name, pick = "click.no-such-command", error.command_name, "click.pick-command"
        if error.possibilities:
            names = ", ".join(repr(p) for p in sorted(error.possibilities))
            action = said("click.did-you-mean", lang, names=names)
        else:
            action = said(pick, lang, command=command)
        return said(key, lang, name=repr(name), action=action)
    if isinstance(error, click.MissingParameter) and error.param is not None:
        kind = error.param_type or error.param.param_type_name
        key = "click.missing-argument" if kind == "argument" else "click.missing-option"
        return said(key, lang, name=_hint(error))
    if isinstance(error, click.BadParameter):
        problem = _said(error.message, lang, command)
        if error.param_hint is None and error.param is None:
            return said("click.invalid-value", lang, problem=problem)
        return said("click.invalid-value-for", lang, name=_hint(error), problem=problem)
    return _said(error.message, lang, command)


def _hint(error: click.BadParameter) -> str:
    """How click names the parameter: ``'--jobs' / '-j'``, ``'FILES...'``."""
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint(error.ctx) if error.ctx is not None else None
    if hint is None or isinstance(hint, str):
        return hint or "?"
    return " / ".join(repr(part) for part in hint)


def _said(text: str, lang: str, command: str) -> str:
    """click's ``text`` in ``lang`` when one of :data:`CLICK_TEXTS` made it, else as it is.

    The template with the most fixed text first: ``{value!r} is not {choice}.`` would also
    match what ``{value!r} is not one of {choices}.`` made.
    """
    for template, key in sorted(
        CLICK_TEXTS.items(), key=lambda item: -len(_FIELD.sub("", item[0]))
    ):
        match = _pattern(template).fullmatch(text)
        if match:
            return said(key, lang, command=command, **match.groupdict())
    return text


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A template's regular expression: each ``{field}`` matches any text."""
    parts = _FIELD.split(template)
    # split() alternates literal text and field names: even indexes are literal.
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.*?)" for i, part in enumerate(parts)
        ),
        re.DOTALL,
    )
