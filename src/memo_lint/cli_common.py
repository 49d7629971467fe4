"""What every memo-lint command shares: the usage exit code, failing cleanly, rule codes."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

EXIT_USAGE = 2


def fail(problem: object) -> NoReturn:
    """A usage, config or pack problem: one line on stderr, exit code 2, never a traceback."""
    click.echo(f"memo-lint: error: {problem}", err=True)
    sys.exit(EXIT_USAGE)


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
