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


def parse_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select ML1,ML301 --select ML6`` → ("ML1", "ML301", "ML6"), checked."""
    codes = tuple(c.strip().upper() for value in values for c in value.split(",") if c.strip())
    for code in codes:
        if not (code[:2].isalpha() and code[:2].isupper()):
            raise click.BadParameter(f"'{code}' is not a rule code or prefix (e.g. ML101, ML6)")
    return codes
